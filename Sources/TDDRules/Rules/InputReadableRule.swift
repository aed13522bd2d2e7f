import TDDMarkdown

/// Reports what was wrong with the input itself: invalid UTF-8, unreadable front matter, a
/// file too large or too pathological to parse.
public struct InputReadableRule: Rule {
    public static let description = RuleDescription(
        id: "input-readable",
        summary: "the file can be read as a Markdown design document",
        description: """
            Reports problems with the file itself rather than its content: bytes that are not \
            UTF-8 (read with replacement characters), front matter that is not valid YAML, a file \
            over the size limit, or a table that would make the Markdown parser run away. Files \
            over the limit or refused are not checked any further: that finding is an error \
            unless the configuration sets this rule's severity (`off` lets such a file pass \
            unchecked), so a file nothing was checked in never passes by default.
            """,
        defaultSeverity: .warning,
        passingExamples: [Example("---\ntitle: Cache\n---\n# Cache\n")],
        failingExamples: [Example("---\ntitle: [unclosed\n↓\n---\n# Cache\n")])

    /// The severity of a refusal when the configuration does not set this rule's.
    static let refusalSeverity = Severity.error

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        context.document.notices.map { Violation($0.message, at: $0.location) }
    }
}
