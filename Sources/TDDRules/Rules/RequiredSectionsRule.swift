import TDDMarkdown

/// Each section the profile requires is present, under its title or an alias.
public struct RequiredSectionsRule: Rule {
    public static let description = RuleDescription(
        id: "required-sections",
        summary: "each section the profile requires is present",
        description: """
            A design document answers a fixed set of questions, one section each. A section is \
            found by its normalized title or one of its aliases, at any heading level, numbered \
            or not (`## 10. Risks & Mitigation Strategies` and `### Risks and mitigations` both \
            count). A missing section is reported with the title the profile expects; a heading \
            that nearly matches (`## Risk & Mitigation`) is reported at its own line with the \
            title it should have.
            """,
        defaultSeverity: .error,
        passingExamples: [
            Example("""
            # Cache TDD
            ## 1. Supporting Documents
            ## 2. System Architecture
            ## 3. Components
            ## 4. Data Model
            ## 5. API Specifications
            ## 6. Database Design
            ## 7. Deployment
            ## 8. Security
            ## 9. Performance
            ## 10. Error Handling
            ## 11. Testing Strategy
            ## 12. Dependencies
            ## 13. Risks & Mitigations
            ## 14. Unresolved questions
            """, configuration: "profile: extended"),
            // A region opened before the first `##` covers the title line, where missing sections are reported.
            Example("""
            # Cache TDD
            <!-- designgate-disable required-sections -- the other sections follow in ENG-9 -->
            ## 1. Supporting Documents
            """, configuration: "profile: extended"),
        ],
        failingExamples: [
            Example("""
            # Cache TDD ↓
            ## Supporting Documents
            ## Architecture
            ## Components
            ## Data Model
            ## API Specifications
            ## Database Design
            ## Deployment
            ## Security
            ## Performance
            ## Error Handling
            ## Testing Strategy
            ## Risk & Mitigation ↓
            ## Open Questions
            """, configuration: "profile: extended"),
        ])

    static func missing(_ title: String) -> String {
        "missing section \"\(title)\": add a heading `## \(title)`"
    }

    /// Reported at the heading itself, so the message needs no line number.
    static func nearMiss(_ found: String, expected: String) -> String {
        "section \"\(found)\" is one slip away from the required \"\(expected)\": did you mean `## \(expected)`?"
    }

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        let anchor = context.document.titleLocation
        return context.match.entries.compactMap { entry in
            guard entry.spec.required else { return nil }
            if let section = entry.section, entry.isNearMiss {
                return Violation(Self.nearMiss(section.title, expected: entry.spec.title),
                                 at: section.location, section: section.title)
            }
            return entry.section == nil ? Violation(Self.missing(entry.spec.title), at: anchor) : nil
        }
    }
}
