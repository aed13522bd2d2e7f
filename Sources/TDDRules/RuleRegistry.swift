/// Every rule, in the order reports list them. A new rule is one file plus one line here.
public enum RuleRegistry {
    public static let rules: [any Rule] = [
        RequiredSectionsRule(),
        RequiredFieldsRule(),
        OpenQuestionsResolvedRule(),
        RisksHaveMitigationsRule(),
        NoPlaceholdersRule(),
        NoRegressionsRule(),
        SectionNotEmptyRule(),
        HeadingNumberingRule(),
        WaiverNeedsReasonRule(),
        WaiverExpiredRule(),
        UnusedDirectiveRule(),
        KnownStatusRule(),
        ApprovalsRule(),
        InputReadableRule(),
    ]

    /// The rules about a whole change set rather than one document.
    public static let changeSetRules: [any ChangeSetRule] = [
        DesignRequiredRule(),
    ]

    /// The ids of the change-set rules.
    public static let changeSetRuleIds = Set(changeSetRules.map { type(of: $0).description.id })

    /// The ids of the rules about the change itself: the change set's, and those comparing a
    /// document with its base version.
    public static let changeRuleIds = changeSetRuleIds.union(rules.compactMap { rule in
        if case .comparing = rule.stage { return type(of: rule).description.id }
        return nil
    })

    /// The ids of the rules whose findings a suppression never hides.
    static let unsuppressible = Set(descriptions.filter { !$0.suppressible }.map(\.id))

    /// Every rule's description, in registry order.
    public static var descriptions: [RuleDescription] {
        rules.map { type(of: $0).description } + changeSetRules.map { type(of: $0).description }
    }

    /// The description of the rule with `id`, if there is one.
    public static func description(of id: String) -> RuleDescription? {
        descriptions.first { $0.id == id }
    }
}
