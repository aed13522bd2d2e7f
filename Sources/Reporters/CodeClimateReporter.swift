import TDDRules

/// GitLab Code Quality (the Code Climate issue subset GitLab's merge-request widget reads):
/// a JSON array with one issue per unsuppressed finding, carrying `description`,
/// `check_name` (the rule), a `fingerprint` unique in the report and stable across moved
/// lines, `severity` (`major` for a finding that fails the check, `minor` otherwise) and
/// `location` (repository-relative `path`, `lines.begin` ≥ 1).
public struct CodeClimateReporter: Reporter {
    public init() {}

    public func render(_ report: Report, options: RenderOptions) -> String {
        var issues: [JSONValue] = []
        for document in report.documents {
            for (finding, fingerprint) in zip(document.verdict.findings, Fingerprint.all(in: document))
            where finding.counts {
                issues.append(.object([
                    ("type", .string("issue")),
                    ("check_name", .string(finding.ruleId)),
                    ("description", .string(finding.message)),
                    ("categories", .array([.string("Clarity")])),
                    ("fingerprint", .string(fingerprint)),
                    ("severity", .string(report.fails(finding) ? "major" : "minor")),
                    ("location", .object([
                        ("path", .string(document.path)),
                        ("lines", .object([("begin", .int(max(finding.location.line, 1)))])),
                    ])),
                ]))
            }
        }
        return JSONValue.array(issues).rendered() + "\n"
    }
}
