import Foundation
import TDDRules

/// `designgate init` and `designgate new`: files written from the defaults, never over
/// an existing file.
public enum Scaffold {
    /// The commented default configuration.
    public static let defaultConfiguration = """
        # designgate configuration: https://github.com/designgate/designgate
        version: 1

        # Which Markdown files are design documents. Without this section: files under
        # design/, designs/ or tdd/ folders, or named *tdd*.md or *design-doc*.md, and files
        # whose front matter says `type: tdd` or whose first heading names a design document.
        # Files named *template* are skipped.
        documents:
          include: ["**/design/**", "**/designs/**", "**/tdd/**", "**/*tdd*.md", "**/*design-doc*.md"]
          exclude: ["**/*template*"]
          detect: true

        # auto picks the built-in profile (standard or extended) that fits each document best.
        profile: auto

        # Custom profiles extend a built-in one:
        # profiles:
        #   payments:
        #     extends: standard
        #     sections:
        #       - title: Rollback Plan
        #         aliases: [Rollback, Rollback Strategy]

        # Rule severities (error, warning, off) and options; `designgate rules` lists them.
        rules:
          required-sections: { severity: error }
          required-fields: { severity: warning }
          open-questions-resolved: { severity: error }
          risks-have-mitigations: { severity: error, allowNone: false, allowAccepted: true }
          no-placeholders: { severity: error }
          section-not-empty: { severity: warning }
          heading-numbering: { severity: warning }

        # Stricter review as a document matures (front matter `status:`).
        status:
          field: status
          values: [Draft, In Review, Approved, Superseded]
          rules:
            Draft: { open-questions-resolved: warning, no-placeholders: warning }
            Superseded: { required-sections: off }

        """

    public static func writeConfiguration(in directory: String) throws(DesignGateError) -> String {
        let path = (directory == "." ? "" : directory + "/") + Configuration.fileName
        guard !FileSystem.exists(path) else {
            throw DesignGateError("\(path) already exists; it was left as it is",
                                  hint: "edit it, or remove it first to start again from the defaults")
        }
        try FileSystem.writeAtomically(defaultConfiguration, to: path)
        return path
    }

    public static func writeDocument(at path: String, profile name: String, title: String?) throws(DesignGateError) {
        guard !FileSystem.exists(path) else {
            throw DesignGateError("\(path) already exists; it was left as it is", hint: "choose a new path")
        }
        let configuration = try Checker.configuration(nil, root: Checker.repositoryRoot(from: ".") ?? ".", directory: nil)
        let profile: Profile
        switch try configuration.profileChoice(name == "auto" ? "standard" : name) {
        case .named(let named): profile = named
        case .auto: profile = BuiltInProfiles.standard
        }
        var text = profile.template
        if let title, let newline = text.firstIndex(of: "\n"), text.hasPrefix("# ") {
            text = "# " + title + text[newline...]
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw DesignGateError("cannot create the folder \(folder) for \(path)", hint: "check that it is not a file and that you may write there")
        }
        try FileSystem.writeAtomically("---\ntype: tdd\nstatus: Draft\n---\n" + text, to: path)
    }
}
