import TDDRules

/// `path:line:column: severity: message [rule-id]`, one finding a line, grouped by
/// document, then one summary line. Suppressed findings are listed only when verbose.
public struct TextReporter: Reporter {
    public init() {}

    public func render(_ report: Report, options: RenderOptions) -> String {
        var groups: [String] = []
        for document in report.documents {
            let path = TerminalText.path(document.path)
            var lines: [String] = []
            if options.verbose {
                var about = "\(path): checked with profile \(document.verdict.profile)"
                if let previous = document.previousPath { about += ", \(document.change.rawValue) from \(TerminalText.path(previous))" }
                lines.append(paint(about, .dim, options))
            }
            for finding in document.verdict.findings where options.verbose || !finding.isSuppressed {
                let label: String
                if let suppression = finding.suppression {
                    label = paint("suppressed", .dim, options) + " (\(TerminalText.escape(suppression.reason)))"
                } else {
                    label = paint(finding.severity.rawValue, finding.severity == .error ? .red : .yellow, options)
                }
                lines.append("\(paint(path, .bold, options)):\(finding.location.line):\(finding.location.column): "
                             + "\(label): \(TerminalText.escape(finding.message)) [\(finding.ruleId)]")
            }
            if !lines.isEmpty { groups.append(lines.joined(separator: "\n")) }
        }
        groups.append(summary(report))
        return groups.joined(separator: "\n\n") + "\n"
    }

    func summary(_ report: Report) -> String {
        let count = report.documents.count
        guard count > 0 else { return "no design documents to check" }
        var parts = ["\(count) \(plural(count, "design document")) checked",
                     "\(report.errors) \(plural(report.errors, "error"))",
                     "\(report.warnings) \(plural(report.warnings, "warning"))"]
        if report.suppressed > 0 { parts.append("\(report.suppressed) suppressed") }
        let failed = count - report.passedDocuments
        parts.append(failed == 0 ? "all passed" : "\(failed) failed")
        return parts.joined(separator: ", ")
    }

    private func plural(_ count: Int, _ word: String) -> String { count == 1 ? word : word + "s" }

    private enum Style: String {
        case red = "31"
        case yellow = "33"
        case bold = "1"
        case dim = "2"
    }

    private func paint(_ text: String, _ style: Style, _ options: RenderOptions) -> String {
        options.color ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
