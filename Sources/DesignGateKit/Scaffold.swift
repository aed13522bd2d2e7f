import Foundation
import TDDRules

/// `designgate init` and `designgate new`: files written from the defaults, never over
/// an existing file.
public enum Scaffold {
    /// The commented default configuration: every setting at the value a missing file gives,
    /// so writing it changes no result, and every rule listed with its default.
    public static var defaultConfiguration: String {
        """
        # designgate configuration: https://github.com/designgate/designgate
        # Every value below is the default: this file changes nothing until you edit it.
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

        # all: every finding counts. new: only findings the base version of a changed
        # document did not have (as `check --new-only`), for documents written before designgate.
        report: all

        # Custom profiles extend a built-in one:
        # profiles:
        #   payments:
        #     extends: standard
        #     sections:
        #       - title: Rollback Plan
        #         aliases: [Rollback, Rollback Strategy]

        # Rule severities (error, warning, off) and options; `designgate explain RULE` says more.
        rules:
        \(ruleLines)

        # The front matter field that holds a document's status, the statuses allowed (empty:
        # any), and rule severities per status. The Draft line is the built-in policy: a draft
        # can be committed with placeholders, open questions, unhandled risks and empty
        # sections, reported as warnings; `Draft: {}` makes drafts as strict as the rest. A
        # status's `warning` never switches on a rule that is off. For example:
        #   values: [Draft, In Review, Approved, Superseded]
        #   rules:
        #     Superseded: { required-sections: off }
        status:
          field: status
          values: []
          rules:
        \(statusRuleLines)

        """
    }

    /// The built-in per-status severities, one status per line.
    private static var statusRuleLines: String {
        StatusPolicy.builtInRules.sorted { $0.key < $1.key }.map { status, rules in
            "    \(status): { " + rules.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.rawValue)" }.joined(separator: ", ") + " }"
        }.joined(separator: "\n")
    }

    /// One line per rule, its default severity and options, its summary as a comment.
    /// `input-readable` stays commented out: unset, a file that cannot be read at all is an error.
    private static var ruleLines: String {
        RuleRegistry.descriptions.map { rule in
            let settings = ["severity: \(rule.defaultSeverity.rawValue)"] + rule.options.map { "\($0.name): \($0.defaultValue)" }
            let line = "\(rule.id): { \(settings.joined(separator: ", ")) }  # \(rule.summary)"
            return rule.id == InputReadableRule.description.id
                ? "  # \(line); unset, a file that cannot be read at all is an error"
                : "  " + line
        }.joined(separator: "\n")
    }

    public static func writeConfiguration(in directory: String) throws(DesignGateError) -> String {
        let path = (directory == "." ? "" : directory + "/") + Configuration.fileName
        guard !FileSystem.exists(path) else {
            throw DesignGateError("\(path) already exists; it was left as it is",
                                  hint: "edit it, or remove it first to start again from the defaults")
        }
        try FileSystem.writeAtomically(defaultConfiguration, to: path)
        return path
    }

    /// The template with its numbered `##` headings numbered 1, 2, 3 … in order, whatever
    /// slips the template has (the extended one skips 12 and repeats 15); fenced code is left alone.
    static func renumbered(_ template: String) -> String {
        var number = 0
        var fenced = false
        let lines = template.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if line.hasPrefix("```") || line.hasPrefix("~~~") { fenced.toggle() }
            guard !fenced, line.hasPrefix("## "), let dot = line.firstIndex(of: "."),
                  let old = Int(line.dropFirst(3)[..<dot]), old >= 0 else { return String(line) }
            number += 1
            return "## \(number)" + line[dot...]
        }
        return lines.joined(separator: "\n")
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
        var text = renumbered(profile.template)
        if let title, let newline = text.firstIndex(of: "\n"), text.hasPrefix("# ") {
            text = "# " + title + text[newline...]
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw DesignGateError("cannot create the folder \(folder) for \(path)", hint: "check that it is not a file and that you may write there")
        }
        while text.last?.isNewline == true { text.removeLast() }
        try FileSystem.writeAtomically("---\ntype: tdd\nstatus: Draft\n---\n" + text + "\n", to: path)
    }
}
