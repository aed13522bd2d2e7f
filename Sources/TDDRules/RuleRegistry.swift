/// Every rule, in the order reports list them. A new rule is one file plus one line here.
public enum RuleRegistry {
    public static let rules: [any Rule] = [
        RequiredSectionsRule(),
        RequiredFieldsRule(),
        OpenQuestionsResolvedRule(),
        RisksHaveMitigationsRule(),
        NoPlaceholdersRule(),
        SectionNotEmptyRule(),
        HeadingNumberingRule(),
        WaiverNeedsReasonRule(),
        WaiverExpiredRule(),
        KnownStatusRule(),
        InputReadableRule(),
    ]

    /// Findings of these rules are never suppressed: they are about the suppressions themselves.
    static let unsuppressible: Set<String> = ["waiver-needs-reason", "waiver-expired"]

    /// Every rule's description, in registry order.
    public static var descriptions: [RuleDescription] { rules.map { type(of: $0).description } }

    /// The description of the rule with `id`, if there is one.
    public static func description(of id: String) -> RuleDescription? {
        descriptions.first { $0.id == id }
    }
}
