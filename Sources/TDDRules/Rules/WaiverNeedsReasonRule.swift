import TDDMarkdown

/// Every waiver and disable comment gives a reason.
public struct WaiverNeedsReasonRule: Rule {
    public static let description = RuleDescription(
        id: "waiver-needs-reason",
        summary: "every waiver or disable comment gives a reason",
        description: """
            A suppression without a reason cannot be reviewed. Write it after ` -- ` in a \
            comment (`<!-- designgate-disable-next-line no-placeholders -- diagram follows in \
            ENG-12 -->`) or as `reason:` of a front-matter waiver. This rule's findings cannot \
            be suppressed.
            """,
        defaultSeverity: .error,
        suppressible: false,
        passingExamples: [Example("# T\n<!-- designgate-disable-next-line no-placeholders -- tracked in ENG-1 -->\nTBD\n")],
        failingExamples: [
            Example("# T\n<!-- designgate-disable-next-line no-placeholders --> ↓\nTBD\n"),
            Example("---\ndesigngate:\n  waive:\n    - rule: no-placeholders ↓\n---\n# T\n"),
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        context.directives.entries.compactMap { entry in
            guard entry.reason == nil else { return nil }
            let what = { if case .waiver = entry.kind { return "waiver" } else { return "disable comment" } }()
            return Violation("\(what) has no reason: add ` -- REASON` (comment) or `reason:` (waiver)", at: entry.location)
        }
    }
}
