import TDDMarkdown

/// The built-in profiles (SPEC §5), built from the two templates.
public enum BuiltInProfiles {
    static let openQuestionAliases = ["Unresolved Questions", "Outstanding Questions", "Questions",
                                      "Open Issues", "Unresolved Issues", "Open Questions and Issues",
                                      "Open Questions/Issues", "Outstanding Issues", "Open Items", "Open Points"]
    static let riskAliases = ["Risks and Mitigation Strategies", "Risks & Mitigation Strategies",
                              "Risks & Mitigations", "Risks and Mitigations", "Risks", "Risk Assessment",
                              "Risk Assessment and Mitigation", "Risks and Mitigation"]

    /// `standard`: the 11 sections of the standard template (Appendices optional).
    public static let standard = Profile(
        name: "standard",
        sections: [
            SectionSpec("Introduction", aliases: ["Intro"],
                        fields: [FieldSpec("Purpose"), FieldSpec("Scope"), FieldSpec("Audience")]),
            SectionSpec("System Overview", aliases: ["Overview", "Product Overview"],
                        fields: [FieldSpec("Product Summary", aliases: ["Summary"]),
                                 FieldSpec("Key Objectives", aliases: ["Objectives", "Goals"])]),
            SectionSpec("Architecture Overview", aliases: ["System Architecture", "Architecture",
                                                           "High-Level Architecture"],
                        fields: [FieldSpec("High-Level Architecture Diagram",
                                           aliases: ["Architecture Diagram", "Diagram"]),
                                 FieldSpec("Design Rationale", aliases: ["Rationale"])]),
            SectionSpec("Component Design", aliases: ["Components", "Component Details"],
                        fields: [FieldSpec("Modules / Components", aliases: ["Modules", "Components"])]),
            SectionSpec("Data Design", aliases: ["Data Model", "Data Models", "Data Models & Schemas"],
                        fields: [FieldSpec("Data Models & Schemas", aliases: ["Data Models", "Schemas"]),
                                 FieldSpec("Data Flow")]),
            SectionSpec("API and Interface Specifications",
                        aliases: ["API Specifications", "API & Interfaces", "API Design", "Interfaces", "API"],
                        fields: [FieldSpec("Internal APIs"), FieldSpec("External APIs"),
                                 FieldSpec("Interface Contracts")]),
            SectionSpec("Technology Stack", aliases: ["Tech Stack"],
                        fields: [FieldSpec("Languages & Frameworks"), FieldSpec("Infrastructure & Tools")]),
            SectionSpec("Security & Performance Considerations",
                        aliases: ["Security and Performance", "Security & Performance"],
                        fields: [FieldSpec("Security Measures", aliases: ["Security"]),
                                 FieldSpec("Performance Goals", aliases: ["Performance"])]),
            SectionSpec("Deployment & Environment Strategy",
                        aliases: ["Deployment Strategy", "Deployment", "Deployment & Environments"],
                        fields: [FieldSpec("Deployment Process"), FieldSpec("Environments"),
                                 FieldSpec("Monitoring")]),
            SectionSpec("Risks & Mitigation Strategies", aliases: riskAliases,
                        fields: [FieldSpec("Potential Risks", aliases: ["Risks"]),
                                 FieldSpec("Mitigation Plans", aliases: ["Mitigations"])],
                        role: .risks),
            SectionSpec("Open Questions", aliases: openQuestionAliases, required: false, role: .openQuestions),
            SectionSpec("Appendices", aliases: ["Appendix"], required: false),
        ],
        template: standardTemplate)

    /// `extended`: the 15 sections of the extended template (Appendix optional).
    public static let extended = Profile(
        name: "extended",
        sections: [
            SectionSpec("Supporting Documents", aliases: ["References", "Related Documents"]),
            SectionSpec("System Architecture", aliases: ["Architecture Overview", "Architecture"]),
            SectionSpec("Components", aliases: ["Component Design", "Component Details"]),
            SectionSpec("Data Model", aliases: ["Data Models", "Data Design"]),
            SectionSpec("API Specifications", aliases: ["API and Interface Specifications", "API Design", "API"]),
            SectionSpec("Database Design", aliases: ["Database", "Database Schema"]),
            SectionSpec("Deployment", aliases: ["Deployment Strategy", "Deployment Plan"]),
            SectionSpec("Security", aliases: ["Security Considerations"]),
            SectionSpec("Performance", aliases: ["Performance Considerations"]),
            SectionSpec("Error Handling"),
            SectionSpec("Testing Strategy", aliases: ["Test Plan", "Testing"]),
            SectionSpec("Dependencies"),
            SectionSpec("Risks and Mitigation Strategies", aliases: riskAliases, role: .risks),
            SectionSpec("Open Questions", aliases: openQuestionAliases, role: .openQuestions),
            SectionSpec("Appendix", aliases: ["Appendices"], required: false),
        ],
        template: extendedTemplate)

    /// Every built-in profile, in the order `auto` prefers them on a tie.
    public static let all = [standard, extended]

    /// The built-in profile whose sections best match the document's headings.
    public static func best(for document: Document) -> Profile {
        var best = standard
        var bestScore = -1
        for profile in all {
            let score = ProfileMatch.exactMatchCount(document: document, profile: profile)
            if score > bestScore {
                best = profile
                bestScore = score
            }
        }
        return best
    }
}
