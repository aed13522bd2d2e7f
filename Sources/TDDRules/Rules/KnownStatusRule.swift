import TDDMarkdown

/// The document's status is one the configuration allows.
public struct KnownStatusRule: Rule {
    public static let description = RuleDescription(
        id: "known-status",
        summary: "the document's status is one the configuration lists",
        description: """
            When `status.values` is configured, the front-matter status (or a `**Status:**` \
            field before the first section) must be one of them, since it selects which rule \
            severities apply. A document without a status is not reported.
            """,
        defaultSeverity: .error)

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        guard let status = context.status, !context.allowedStatuses.isEmpty,
              !context.allowedStatuses.contains(where: { $0.lowercased() == status.value.lowercased() }) else { return [] }
        return [Violation("unknown status \"\(status.value)\": use one of \(context.allowedStatuses.joined(separator: ", "))",
                          at: status.location)]
    }
}
