import Foundation
import Reporters

/// Where a report goes: standard output or a file (written atomically).
public struct ReportTarget: Sendable, Hashable {
    public let format: ReportFormat
    /// nil for standard output.
    public let path: String?

    public init(format: ReportFormat, path: String?) {
        self.format = format
        self.path = path
    }

    /// Parses `FORMAT:FILE` (the `--report` option).
    public init(argument: String) throws(DesignGateError) {
        guard let colon = argument.firstIndex(of: ":"),
              let format = ReportFormat(rawValue: String(argument[..<colon])),
              argument.index(after: colon) < argument.endIndex else {
            throw DesignGateError("invalid --report `\(argument)`",
                                  hint: "write FORMAT:FILE with FORMAT one of \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")), e.g. junit:designgate.xml")
        }
        self.init(format: format, path: String(argument[argument.index(after: colon)...]))
    }
}

/// Renders every requested report first, then writes them, so a failure leaves no partial
/// report and does not touch existing files.
public enum ReportOutput {
    public static func write(_ report: Report, to targets: [ReportTarget], options: RenderOptions,
                             environment: [String: String]) throws(DesignGateError) {
        let rendered = targets.map { target -> (ReportTarget, String) in
            var renderOptions = options
            if target.path != nil { renderOptions.color = false }
            return (target, target.format.reporter.render(report, options: renderOptions))
        }
        for (target, text) in rendered {
            if let path = target.path {
                try FileSystem.writeAtomically(text, to: path)
            } else {
                Console.out(text)
            }
        }
        if targets.contains(where: { $0.format == .github }),
           let summary = environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty {
            try append(GitHubReporter().stepSummary(report), to: summary)
        }
    }

    private static func append(_ text: String, to path: String) throws(DesignGateError) {
        guard let handle = FileHandle(forWritingAtPath: path) else {
            if FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) { return }
            throw DesignGateError("cannot write the step summary to \(path)", hint: "check GITHUB_STEP_SUMMARY")
        }
        defer { try? handle.close() }
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
    }
}
