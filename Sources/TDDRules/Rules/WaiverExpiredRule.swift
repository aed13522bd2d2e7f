import TDDMarkdown

/// A front-matter waiver past its `expires` date no longer suppresses anything.
public struct WaiverExpiredRule: Rule {
    public static let description = RuleDescription(
        id: "waiver-expired",
        summary: "no front-matter waiver is past its expiry date",
        description: """
            A waiver may name an `expires` date (YYYY-MM-DD). After that date it stops \
            suppressing findings and is reported itself, so temporary exceptions do not become \
            permanent. A date not in YYYY-MM-DD form is reported too. This rule's findings \
            cannot be suppressed.
            """,
        defaultSeverity: .error,
        suppressible: false,
        passingExamples: [Example("---\ndesigngate:\n  waive:\n    - rule: no-placeholders\n      reason: spike\n      expires: 2999-01-01\n---\n# T\n")],
        failingExamples: [Example("---\ndesigngate:\n  waive:\n    - rule: no-placeholders ↓\n      reason: spike\n      expires: 2001-01-01\n---\n# T\n")])

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        context.directives.entries.compactMap { entry in
            guard case .waiver(let expires?) = entry.kind else { return nil }
            guard Self.isDate(expires) else {
                return Violation("waiver expiry `\(expires)` is not a YYYY-MM-DD date", at: entry.location)
            }
            guard expires < context.today else { return nil }
            let rules = entry.rules.isEmpty ? "every rule" : entry.rules.joined(separator: ", ")
            return Violation("waiver for \(rules) expired on \(expires): fix the findings or renew the waiver with a new date",
                             at: entry.location)
        }
    }

    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        return parts.count == 3 && parts.map(\.count) == [4, 2, 2] && parts.allSatisfy { $0.allSatisfy(\.isNumber) }
    }
}
