import TDDMarkdown

/// No template placeholder is left in the document.
public struct NoPlaceholdersRule: Rule {
    public static let description = RuleDescription(
        id: "no-placeholders",
        summary: "no template placeholder is left",
        description: """
            A document is not finished while it still holds the template's prompts. Reported: a \
            paragraph, item or cell that is only a bracketed instruction (`[Describe the \
            architecture]`), an italic instruction (`_Include a diagram if possible_`), text \
            copied unchanged from the profile's template, `TBD`/`TODO`/`To be determined`, or \
            Lorem ipsum. Code blocks and comments are not read.
            """,
        defaultSeverity: .error,
        passingExamples: [
            "# Cache\n## Architecture\nThe cache sits in front of the [orders API](https://example.com).\n- [x] reviewed\n",
        ],
        failingExamples: [
            """
            # Cache
            ## Architecture
            [Describe the high-level architecture of the system.] ↓

            _Include a diagram if possible._ ↓

            - TBD ↓
            - **Scope:** TODO: fill in ↓

            Lorem ipsum dolor sit amet. ↓
            """,
            """
            <!-- profile: standard -->
            # Cache
            ## Introduction
            - **Purpose:** ↓
              Explain why this document exists and what it aims to cover.
            """,
        ])

    static let instructionVerbs: Set<String> = [
        "add", "briefly", "define", "describe", "detail", "discuss", "document", "explain", "fill", "give",
        "identify", "include", "insert", "list", "mention", "outline", "present", "provide", "replace",
        "specify", "summarize", "summarise", "write", "enter", "state",
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        let templateTexts = context.profile.templatePrompts
        return TextWalk.items(context.document).compactMap { item in
            let text = item.text.afterLabel
            guard let kind = Self.placeholder(text, emphasisOnly: item.text.isEmphasisOnly,
                                              template: templateTexts) else { return nil }
            return Violation("\(kind) left in the document: \"\(TextPatterns.excerpt(text))\"; replace it with the real content",
                             at: item.text.location, section: item.section?.title)
        }
    }

    /// What kind of placeholder `text` is, or nil when it is real content.
    static func placeholder(_ text: String, emphasisOnly: Bool, template: Set<String>) -> String? {
        let trimmed = text.trimmingWhitespace
        guard !trimmed.isEmpty else { return nil }
        let lower = trimmed.lowercased()
        if lower.contains("lorem ipsum") { return "Lorem ipsum" }
        let normalized = TitleNormalizer.normalize(trimmed)
        if TextPatterns.undecided.contains(normalized) || lower.hasPrefix("todo:") || lower.hasPrefix("tbd:")
            || lower.hasPrefix("todo ") {
            return "placeholder"
        }
        if trimmed.hasPrefix("["), trimmed.hasSuffix("]") || trimmed.hasSuffix("].") {
            let inner = trimmed.dropFirst().prefix { $0 != "]" }
            if inner.split(separator: " ").count >= 2 { return "bracketed instruction" }
        }
        if template.contains(normalized) { return "template text" }
        if emphasisOnly, let first = normalized.split(separator: " ").first, instructionVerbs.contains(String(first)) {
            return "italic instruction"
        }
        return nil
    }
}
