import TDDRules

/// JUnit XML for review dashboards (SPEC §6): a `<testsuite>` per document, a `<testcase>`
/// per (document, enabled rule). A rule with errors is a `<failure>`; a rule whose findings
/// are all suppressed is `<skipped>`; warnings are listed in the testcase's `<system-out>`.
/// Without `junitStrict`, testcases carry `file` and `line` (GitLab, CircleCI, the GitHub
/// report actions read them); strict output validates against the Jenkins xUnit schema.
public struct JUnitReporter: Reporter {
    public init() {}

    public func render(_ report: Report, options: RenderOptions) -> String {
        var suites: [String] = []
        var totalTests = 0
        var totalFailures = 0
        for document in report.documents {
            let cases = document.verdict.rules.map { testcase(for: $0, in: document, report: report, strict: options.junitStrict) }
            let failures = cases.filter { $0.outcome == .failure }.count
            let skipped = cases.filter { $0.outcome == .skipped }.count
            totalTests += cases.count
            totalFailures += failures
            var properties: [(String, String)] = [
                ("status", document.verdict.status ?? ""),
                ("profile", document.verdict.profile),
                ("change", document.change.rawValue),
                ("mode", report.changeSet.mode),
                ("base", report.changeSet.base ?? ""),
                ("head", report.changeSet.head ?? ""),
            ]
            if let previous = document.previousPath { properties.append(("previousPath", previous)) }
            suites.append(suite(name: document.path, tests: cases.count, failures: failures, skipped: skipped,
                                properties: properties, body: cases.map(\.xml)))
        }
        if report.documents.isEmpty {
            totalTests = 1
            let passing = "    <testcase classname=\"designgate\" name=\"no design documents changed\" time=\"0.000\"/>"
            suites.append(suite(name: "designgate", tests: 1, failures: 0, skipped: 0,
                                properties: [("mode", report.changeSet.mode),
                                             ("base", report.changeSet.base ?? ""),
                                             ("head", report.changeSet.head ?? "")],
                                body: [passing]))
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="designgate" tests="\(totalTests)" failures="\(totalFailures)" errors="0" time="0.000">
            \(suites.joined(separator: "\n"))
            </testsuites>

            """
    }

    private func suite(name: String, tests: Int, failures: Int, skipped: Int,
                       properties: [(String, String)], body: [String]) -> String {
        let props = properties.map { "      <property name=\"\($0.0)\" value=\"\(XMLText.attribute($0.1))\"/>" }
        return """
              <testsuite name="\(XMLText.attribute(name))" tests="\(tests)" failures="\(failures)" errors="0" skipped="\(skipped)" time="0.000">
                <properties>
            \(props.joined(separator: "\n"))
                </properties>
            \(body.joined(separator: "\n"))
              </testsuite>
            """
    }

    private enum Outcome { case passed, failure, skipped }

    /// One rule on one document: a failure when a finding fails the check (an error, or a
    /// warning under `--strict`), skipped when all its findings are waived.
    private func testcase(for rule: RuleDescription, in document: Report.Document, report: Report,
                          strict: Bool) -> (outcome: Outcome, xml: String) {
        let findings = document.verdict.findings.filter { $0.ruleId == rule.id }
        let active = findings.filter(\.counts)
        let errors = active.filter(report.fails)
        let warnings = active.filter { !report.fails($0) && $0.severity == .warning }
        var attributes = "classname=\"\(XMLText.attribute(Self.classname(document.path)))\" "
            + "name=\"\(XMLText.attribute(rule.id))\" time=\"0.000\""
        if !strict {
            attributes += " file=\"\(XMLText.attribute(document.path))\" line=\"\(findings.first?.location.line ?? 1)\""
        }
        let listing = { (items: [Finding]) in
            items.map { "\(document.path):\($0.location.line):\($0.location.column): \($0.severity.rawValue): \($0.message)" }
                .joined(separator: "\n")
        }
        var children: [String] = []
        let outcome: Outcome
        if let first = errors.first {
            outcome = .failure
            let summary = errors.count == 1 ? first.message : "\(errors.count) findings; first: \(first.message)"
            children.append("      <failure type=\"\(XMLText.attribute(rule.id))\" message=\"\(XMLText.attribute(summary))\">"
                            + XMLText.text(listing(errors)) + "</failure>")
        } else if active.isEmpty, let waived = findings.first?.suppression {
            outcome = .skipped
            children.append("      <skipped message=\"\(XMLText.attribute("suppressed: " + waived.reason))\"/>")
        } else {
            outcome = .passed
        }
        if !warnings.isEmpty {
            children.append("      <system-out>" + XMLText.text(listing(warnings)) + "</system-out>")
        }
        guard !children.isEmpty else { return (outcome, "    <testcase \(attributes)/>") }
        return (outcome, "    <testcase \(attributes)>\n" + children.joined(separator: "\n") + "\n    </testcase>")
    }

    /// The path with dots replaced, so Jenkins (which splits `classname` at the last dot)
    /// shows the file instead of a package `docs/v1` and a class `2/design`.
    static func classname(_ path: String) -> String {
        path.replacingAll(".", with: "_")
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self { if character == target { result += replacement } else { result.append(character) } }
        return result
    }
}
