import TDDRules

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message` (and
/// `::warning`), with the escaping the runner requires; suppressed findings are left out.
public struct GitHubReporter: Reporter {
    public init() {}

    public func render(_ report: Report, options: RenderOptions) -> String {
        var lines: [String] = []
        for document in report.documents {
            for finding in document.verdict.findings where !finding.isSuppressed {
                let properties = [
                    "file=" + Self.property(document.path),
                    "line=\(finding.location.line)",
                    "col=\(finding.location.column)",
                    "title=" + Self.property("designgate " + finding.ruleId),
                ].joined(separator: ",")
                lines.append("::\(finding.severity == .error ? "error" : "warning") \(properties)::"
                             + Self.data(finding.message))
            }
        }
        lines.append(TextReporter().summary(report))
        return lines.joined(separator: "\n") + "\n"
    }

    /// A Markdown table of the findings for `$GITHUB_STEP_SUMMARY`.
    public func stepSummary(_ report: Report) -> String {
        var lines = ["### designgate", "", TextReporter().summary(report), ""]
        let rows = report.documents.flatMap { document in
            document.verdict.findings.filter { !$0.isSuppressed }.map { (document.path, $0) }
        }
        if !rows.isEmpty {
            lines += ["| Document | Line | Severity | Rule | Message |", "| --- | --- | --- | --- | --- |"]
            for (path, finding) in rows {
                lines.append("| \(Self.cell(path)) | \(finding.location.line) | \(finding.severity.rawValue) | "
                             + "`\(finding.ruleId)` | \(Self.cell(finding.message)) |")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Escapes a command's message: `%`, CR and LF as the runner decodes them; every other
    /// control character (ESC, BEL …) as `TerminalText` shows it, so none reaches the log raw.
    static func data(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            default: result += TerminalText.escape(String(scalar))
            }
        }
        return result
    }

    /// Escapes a command property: as `data`, plus `:` and `,`.
    static func property(_ text: String) -> String {
        var result = ""
        for character in data(text) {
            switch character {
            case ":": result += "%3A"
            case ",": result += "%2C"
            default: result.append(character)
            }
        }
        return result
    }

    private static func cell(_ text: String) -> String {
        TerminalText.escape(text).replacingAll("|", with: "\\|")
    }
}
