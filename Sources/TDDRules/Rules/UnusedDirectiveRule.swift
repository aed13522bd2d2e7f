import TDDMarkdown

/// Every disable comment hides at least one finding.
public struct UnusedDirectiveRule: SuppressionRule {
    public static let description = RuleDescription(
        id: "unused-directive",
        summary: "every disable comment hides a finding",
        description: """
            A disable comment that hides nothing is stale: the problem it excused was fixed, or \
            it names the wrong rule or line, and it would silently hide the next real finding \
            there. A `designgate-disable`, `-disable-next-line` or `-disable-file` comment is \
            reported when no finding of the rules it names (any rule, when it names none) is on \
            the lines it covers, or when it names an id that is no rule. A comment naming a rule \
            that is switched off is left alone. Front-matter waivers are records of a decision \
            and are not judged here (`waiver-expired` ends them). This rule's findings cannot \
            be suppressed.
            """,
        defaultSeverity: .warning,
        suppressible: false,
        passingExamples: [
            Example("# T\n<!-- designgate-disable-next-line no-placeholders -- diagram in ENG-12 -->\nTBD\n",
                    configuration: placeholdersOn),
            Example("# T\n<!-- designgate-disable-file no-placeholders -- a stub until ENG-12 -->\n## A\nTBD\n",
                    configuration: placeholdersOn),
        ],
        failingExamples: [
            Example("# T\n<!-- designgate-disable-next-line no-placeholders -- diagram in ENG-12 --> ↓\nThe diagram is below.\n",
                    configuration: placeholdersOn),
            Example("# T\n<!-- designgate-disable no-placeholder -- typo in the id --> ↓\nTBD\n", configuration: placeholdersOn),
        ])

    /// The examples need a rule for the comments to hide findings of.
    private static let placeholdersOn = "rules: { no-placeholders: { severity: error } }"

    public init() {}

    public func check(_ context: RuleContext, suppressions: SuppressionOutcome) -> [Violation] {
        let known = Set(RuleRegistry.descriptions.map(\.id))
        return suppressions.entries.compactMap { entry in
            guard case .comment = entry.kind, !suppressions.used.contains(entry) else { return nil }
            if let unknown = entry.rules.first(where: { !known.contains($0) }) {
                return Violation("disable comment names `\(unknown)`, which is no rule id: `designgate rules` lists them",
                                 at: entry.location)
            }
            // Only rules that ran could have been hidden; one that is off is not this comment's fault.
            guard entry.rules.allSatisfy(suppressions.ran.contains) else { return nil }
            let what = entry.rules.isEmpty ? "any rule" : entry.rules.map { "`\($0)`" }.joined(separator: ", ")
            return Violation("disable comment hides nothing: no finding of \(what) on the lines it covers; remove it",
                             at: entry.location)
        }
    }
}
