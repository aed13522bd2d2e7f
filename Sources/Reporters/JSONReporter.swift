import TDDRules

/// The JSON report of SPEC §6, `schemaVersion: 1` (schema: `schemas/designgate-report.schema.json`).
public struct JSONReporter: Reporter {
    public init() {}

    public func render(_ report: Report, options: RenderOptions) -> String {
        let documents = report.documents.map { document -> JSONValue in
            .object([
                ("path", .string(document.path)),
                ("change", .string(document.change.rawValue)),
                ("previousPath", .optional(document.previousPath)),
                ("profile", .string(document.verdict.profile)),
                ("status", .optional(document.verdict.status)),
                ("passed", .bool(!report.fails(document))),
                ("findings", .array(document.verdict.findings.map(finding))),
            ])
        }
        let root = JSONValue.object([
            ("schemaVersion", .int(1)),
            ("tool", .object([("name", .string(report.tool.name)), ("version", .string(report.tool.version))])),
            ("changeSet", .object([("mode", .string(report.changeSet.mode)),
                                   ("base", .optional(report.changeSet.base)),
                                   ("head", .optional(report.changeSet.head))])),
            ("summary", .object([("documents", .int(report.documents.count)),
                                 ("errors", .int(report.errors)),
                                 ("warnings", .int(report.warnings)),
                                 ("suppressed", .int(report.suppressed)),
                                 ("unchanged", .int(report.unchanged)),
                                 ("passed", .int(report.passedDocuments))])),
            ("documents", .array(documents)),
        ])
        return root.rendered() + "\n"
    }

    private func finding(_ finding: Finding) -> JSONValue {
        .object([
            ("ruleId", .string(finding.ruleId)),
            ("severity", .string(finding.severity.rawValue)),
            ("message", .string(finding.message)),
            ("line", .int(finding.location.line)),
            ("column", .int(finding.location.column)),
            ("section", .optional(finding.section)),
            ("suppressed", .bool(finding.isSuppressed)),
            ("reason", .optional(finding.suppression?.reason)),
            ("baselineState", .optional(finding.baselineState?.rawValue)),
        ])
    }
}
