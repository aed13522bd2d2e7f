import TDDRules

/// `path:line:column: severity: message [rule-id]`, one finding a line, grouped by
/// document, then a count per rule when there are more than a handful, then one summary
/// line (neither when quiet). Suppressed findings, and under `--new-only` those already in
/// the base version, are listed only when verbose.
public struct TextReporter: Reporter {
    public init() {}

    public func render(_ report: Report, options: RenderOptions) -> String {
        // One string grown in place: a report of an audit can be megabytes long.
        var output = ""
        func startGroup() { output += output.isEmpty ? "" : "\n\n" }
        for document in report.documents {
            let path = TerminalText.path(document.path)
            var lines: [String] = []
            if options.verbose {
                var about = "\(path): checked with profile \(document.verdict.profile)"
                if let previous = document.previousPath { about += ", \(document.change.rawValue) from \(TerminalText.path(previous))" }
                lines.append(paint(about, .dim, options))
            }
            for finding in document.verdict.findings where options.verbose || finding.counts {
                let label: String
                if let suppression = finding.suppression {
                    label = paint("suppressed", .dim, options) + " (\(TerminalText.escape(suppression.reason)))"
                } else if finding.baselineState == .unchanged {
                    label = paint("unchanged \(finding.severity.rawValue)", .dim, options) + " (already in the base version or the baseline)"
                } else {
                    label = paint(finding.severity.rawValue, finding.severity == .error ? .red : .yellow, options)
                }
                lines.append("\(paint(path, .bold, options)):\(finding.location.line):\(finding.location.column): "
                             + "\(label): \(TerminalText.escape(finding.message)) [\(finding.ruleId)]")
            }
            if !lines.isEmpty {
                startGroup()
                output += lines.joined(separator: "\n")
            }
        }
        if !options.quiet {
            if let tally = tally(report) {
                startGroup()
                output += tally
            }
            startGroup()
            output += summary(report)
        }
        if !output.isEmpty { output += "\n" }
        return output
    }

    /// More findings than this get a count per rule before the summary.
    static let handful = 5

    /// `by rule: 12 required-sections, 3 no-placeholders`: most frequent first.
    func tally(_ report: Report) -> String? {
        var counts: [String: Int] = [:]
        for document in report.documents {
            for finding in document.verdict.findings where finding.counts { counts[finding.ruleId, default: 0] += 1 }
        }
        guard counts.values.reduce(0, +) > Self.handful else { return nil }
        let ordered = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        return "by rule: " + ordered.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
    }

    func summary(_ report: Report) -> String {
        let count = report.documents.count
        guard count > 0 else { return "no design documents to check" }
        let designs = report.documents.filter { !$0.isOnlyAboutTheChangeSet }.count
        var parts = ["\(designs) \(plural(designs, "design document")) checked"]
        if designs < count { parts.append("\(count - designs) other changed \(plural(count - designs, "path")) reported") }
        parts += ["\(report.errors) \(plural(report.errors, "error"))", "\(report.warnings) \(plural(report.warnings, "warning"))"]
        if report.suppressed > 0 { parts.append("\(report.suppressed) suppressed") }
        if report.unchanged > 0 { parts.append("\(report.unchanged) already known") }
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
