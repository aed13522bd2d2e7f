import TDDMarkdown

/// Each field the profile lists for a section is present and filled in.
public struct RequiredFieldsRule: Rule {
    public static let description = RuleDescription(
        id: "required-fields",
        summary: "each field the profile lists for a section is present and filled in",
        description: """
            The standard profile's sections have named parts (Introduction: Purpose, Scope, \
            Audience; Risks: Potential Risks, Mitigation Plans; …). A field is a `**Label:**` \
            item or paragraph, or a sub-heading, matched by normalized name or alias. A missing \
            field, or one with nothing after its label, is reported. The Risks section's fields \
            are not required: `risks-have-mitigations` accepts tables and lists there too.
            """,
        defaultSeverity: .warning,
        passingExamples: [
            Example("""
            # Cache
            ## Introduction
            - **Purpose:** Faster product pages.
            - **Scope:** The read path only.
            ### Audience
            Web and platform engineers.
            """, configuration: "profile: standard"),
        ],
        failingExamples: [
            Example("""
            # Cache
            ## Introduction ↓
            - **Purpose:** Faster product pages.
            - **Scope:** ↓
            """, configuration: "profile: standard"),
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        context.match.entries.flatMap { entry -> [Violation] in
            // Sections with a role (risks, questions) are judged by their own rule, in any form.
            guard let section = entry.section, !entry.spec.fields.isEmpty, entry.spec.role == nil else { return [] }
            let fields = section.fields
            return entry.spec.fields.compactMap { spec in
                let names = Set(spec.names)
                guard let field = fields.first(where: { names.contains($0.normalizedName) }) else {
                    return Violation("section \"\(section.title)\" has no \"\(spec.title)\" field: add `- **\(spec.title):** …`",
                                     at: section.location, section: section.title)
                }
                return field.value.isEmpty
                    ? Violation("field \"\(field.name)\" is empty: fill it in", at: field.location, section: section.title)
                    : nil
            }
        }
    }
}
