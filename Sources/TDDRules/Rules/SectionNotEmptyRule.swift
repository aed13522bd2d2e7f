import TDDMarkdown

/// A required section has content of its own or in its sub-sections.
public struct SectionNotEmptyRule: Rule {
    public static let description = RuleDescription(
        id: "section-not-empty",
        summary: "a required section has content",
        description: """
            A heading with nothing under it (comments do not count) answers nothing. Content in \
            a sub-section counts for its parent.
            """,
        defaultSeverity: .warning,
        passingExamples: [Example("# Cache\n## Security\n### Authentication\nmTLS between services.\n")],
        failingExamples: [Example("# Cache\n## Security ↓\n<!-- fill in -->\n## Performance\nFast.\n")])

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        context.match.entries.compactMap { entry in
            guard entry.spec.required, let section = entry.section, section.isEmpty else { return nil }
            return Violation("section \"\(section.title)\" is empty: write its content or remove the heading",
                             at: section.location, section: section.title)
        }
    }
}
