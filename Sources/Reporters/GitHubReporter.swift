import TDDRules

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message` (and
/// `::warning`), with the escaping the runner requires; suppressed findings are left out.
/// GitHub shows at most ten annotations of each level per step: errors come first, each
/// level stops at ten, and the rest are printed as plain lines after a `::notice` that
/// counts them, so no finding is lost. Under `--annotate changed`, findings on lines the
/// change did not touch are counted in a notice instead.
public struct GitHubReporter: Reporter {
    /// The annotations of one level GitHub shows per step.
    public static let annotationLimit = 10

    public init() {}

    public func render(_ report: Report, options: RenderOptions) -> String {
        let findings = Self.ordered(report)
        var lines: [String] = []
        var shown: [Severity: Int] = [:]
        var rest: [(path: String, finding: Finding)] = []
        for (path, finding) in findings {
            guard shown[finding.severity, default: 0] < Self.annotationLimit else {
                rest.append((path, finding))
                continue
            }
            shown[finding.severity, default: 0] += 1
            let properties = [
                "file=" + Self.property(path),
                "line=\(finding.location.line)",
                "col=\(finding.location.column)",
                "title=" + Self.property("designgate " + finding.ruleId),
            ].joined(separator: ",")
            lines.append("::\(finding.severity == .error ? "error" : "warning") \(properties)::" + Self.data(finding.message))
        }
        if !rest.isEmpty {
            let errors = rest.filter { $0.finding.severity == .error }.count
            lines.append("::notice title=designgate::" + Self.data(
                "\(rest.count) more findings (\(errors) errors, \(rest.count - errors) warnings) than GitHub shows as "
                    + "annotations: listed below and in the step summary"))
            // Indented: a line the runner reads never starts with `::`, whatever a path holds.
            for (path, finding) in rest {
                lines.append("  " + TerminalText.escape("\(path):\(finding.location.line):\(finding.location.column): "
                                                 + "\(finding.severity.rawValue): \(finding.message) [\(finding.ruleId)]"))
            }
        }
        if let line = Self.unannotatedLine(report) { lines.append("::notice title=designgate::" + Self.data(line)) }
        lines.append(TextReporter().summary(report))
        return lines.joined(separator: "\n") + "\n"
    }

    /// What `--annotate changed` left out, if anything.
    private static func unannotatedLine(_ report: Report) -> String? {
        let count = report.unannotated
        guard count > 0 else { return nil }
        return "\(count) \(count == 1 ? "finding" : "findings") on lines this change did not touch "
            + "\(count == 1 ? "is" : "are") not annotated (--annotate changed); `designgate check` without it lists them"
    }

    /// The findings `$GITHUB_STEP_SUMMARY` lists: a collapsible block per document with
    /// findings (open when it fails), errors before warnings.
    public func stepSummary(_ report: Report) -> String {
        var lines = ["### designgate", "", TextReporter().summary(report), ""]
        if let line = Self.unannotatedLine(report) { lines += [Self.html(line), ""] }
        for document in report.documents {
            let findings = Self.errorsFirst(document.verdict.findings.filter { report.annotates($0, in: document) },
                                            severity: \.severity)
            guard !findings.isEmpty else { continue }
            let errors = findings.filter { $0.severity == .error }.count
            lines += [
                "<details\(report.fails(document) ? " open" : "")><summary>\(Self.html(document.path)): "
                    + "\(errors) errors, \(findings.count - errors) warnings</summary>",
                "",
                "| Line | Severity | Rule | Message |",
                "| --- | --- | --- | --- |",
            ]
            for finding in findings {
                lines.append("| \(finding.location.line) | \(finding.severity.rawValue) | `\(finding.ruleId)` | "
                             + "\(Self.cell(finding.message)) |")
            }
            lines += ["", "</details>", ""]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every finding annotated, with its document, errors first, each level in report order.
    private static func ordered(_ report: Report) -> [(path: String, finding: Finding)] {
        errorsFirst(report.documents.flatMap { document in
            document.verdict.findings.filter { report.annotates($0, in: document) }.map { (path: document.path, finding: $0) }
        }, severity: \.finding.severity)
    }

    /// `items` with the errors first, each level in its given order.
    private static func errorsFirst<Item>(_ items: [Item], severity: (Item) -> Severity) -> [Item] {
        items.filter { severity($0) == .error } + items.filter { severity($0) != .error }
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
        html(TerminalText.escape(text)).replacingAll("|", with: "\\|")
    }

    /// Text shown inside the summary's HTML: `<`, `>` and `&` escaped.
    private static func html(_ text: String) -> String {
        XMLText.text(text)
    }
}
