import TDDMarkdown

/// No template placeholder is left in the document.
public struct NoPlaceholdersRule: Rule {
    public static let description = RuleDescription(
        id: "no-placeholders",
        summary: "no template placeholder is left",
        description: """
            A document is not finished while it still holds the template's prompts. Reported: a \
            paragraph, item or cell that is only a bracketed instruction or slot (`[Describe the \
            architecture]`, `[Dependency name]`; a filled-in slot such as `[Linux kernel]` is \
            content), an italic instruction (`_Include a diagram if possible_`), text \
            copied unchanged from the profile's template, `TBD`/`TODO`/`To be determined`, or \
            Lorem ipsum. Code blocks and comments are not read. In the questions and risks \
            sections an undecided word (`Pending`, `TBD`) is a question's state or a missing \
            mitigation: open-questions-resolved or risks-have-mitigations reports it, once.
            """,
        defaultSeverity: .error,
        passingExamples: [
            Example("# Cache\n## Architecture\nThe cache sits in front of the [orders API](https://example.com).\n- [x] reviewed\n"),
            Example("# Cache\n## Risks\n| Risk | Mitigation |\n| --- | --- |\n| Stale reads | TBD |\n"),
            Example("# Cache\n## Dependencies\n- [Linux kernel]\n  - Usage description: cgroups v2 for memory limits.\n- [kubernetes/kube-state-metrics]\n"),
            Example("# Cache\n## Open Questions\n| Question | Status |\n| --- | --- |\n| Region? | Pending |\n"),
        ],
        failingExamples: [
            Example("""
            # Cache
            ## Architecture
            [Describe the high-level architecture of the system.] ↓

            [Dependency name] ↓

            [A short summary of the proposal.] ↓

            [What this decision enables] ↓

            [Draft/In Review/Approved] ↓

            _Include a diagram if possible._ ↓

            - TBD ↓
            - **Scope:** TODO: fill in ↓

            Lorem ipsum dolor sit amet. ↓
            """),
            Example("""
            # Cache
            ## Introduction
            - **Purpose:** ↓
              Explain why this document exists and what it aims to cover.
            """, configuration: "profile: standard"),
        ])

    static let instructionVerbs: Set<String> = [
        "add", "briefly", "define", "describe", "detail", "discuss", "document", "explain", "fill", "give",
        "identify", "include", "insert", "list", "mention", "outline", "present", "provide", "replace",
        "specify", "summarize", "summarise", "write", "enter", "state",
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        let templateTexts = context.profile.templatePrompts
        // Text much longer than any template prompt or undecided word cannot be one: it is
        // not normalized at all (most paragraphs of a real document).
        let comparable = 2 * max(templateTexts.map(\.utf8.count).max() ?? 0, 32) + 16
        // In the questions and risks sections an undecided word (`Pending`, `TBD`) is a question's
        // state or a risk's missing mitigation, which open-questions-resolved and
        // risks-have-mitigations report: one problem, one finding.
        let judgedSections = Set((context.sections(for: .openQuestions) + context.sections(for: .risks))
            .flatMap(\.allSections).map(\.location))
        return TextWalk.items(context.document).compactMap { item in
            let text = item.text.afterLabel
            guard let kind = Self.placeholder(text, emphasisOnly: item.text.isEmphasisOnly,
                                              template: templateTexts, comparable: comparable) else { return nil }
            if kind == Self.undecided, let section = item.section, judgedSections.contains(section.location) { return nil }
            return Violation("\(kind) left in the document: \"\(TextPatterns.excerpt(text))\"; replace it with the real content",
                             at: item.text.location, section: item.section?.title)
        }
    }

    /// True when bracketed text is a template's slot or instruction (`[Describe the API]`,
    /// `[Dependency name]`, `[TODO: …]`), not the content an author wrote into one
    /// (`[Linux kernel]`, `[Writes block while migrations are pending]`).
    static func isSlot(_ inner: String) -> Bool {
        let words = TitleNormalizer.words(of: TitleNormalizer.normalize(inner)).map(String.init)
        // Choices to pick from (`Draft/In Review/Approved`), not a path (`kubernetes/kube-state-metrics`).
        let choices = inner.split(separator: "/")
        if choices.count >= 2, choices.allSatisfy({ $0.trimmingWhitespace.first?.isUppercase == true }) { return true }
        guard words.count >= 2, let first = words.first else { return false }
        // An instruction (`Describe …`), a description of what goes there (`A short summary of
        // …`), a question to answer (`What this decision enables`).
        return instructionVerbs.contains(first) || slotOpenings.contains(first) || !slotWords.isDisjoint(with: words)
    }

    /// First words of a slot that describes or asks for its content.
    static let slotOpenings: Set<String> = ["a", "an", "what", "which", "how", "who", "why", "when", "where", "your"]

    /// Words that name what a template slot asks for.
    static let slotWords: Set<String> = [
        "name", "names", "description", "brief", "here", "placeholder", "todo", "tbd", "xxx", "link", "url",
        "date", "owner", "eg", "example", "insert", "summary", "discussion", "paragraph", "paragraphs", "sentence",
        "sentences", "introduction", "overview", "statement", "optional",
    ]

    /// The kind of placeholder that leaves something undecided (`TBD`, `Pending`, `TODO: …`).
    static let undecided = "placeholder"

    /// What kind of placeholder `text` is, or nil when it is real content.
    static func placeholder(_ text: String, emphasisOnly: Bool, template: Set<String>,
                            comparable: Int = .max) -> String? {
        let trimmed = text.trimmingWhitespace
        guard !trimmed.isEmpty else { return nil }
        if TextPatterns.containsIgnoringCase(trimmed, "lorem ipsum") { return "Lorem ipsum" }
        let start = trimmed.prefix(5).lowercased()
        if start.hasPrefix("todo:") || start.hasPrefix("tbd:") || start.hasPrefix("todo ") { return undecided }
        if trimmed.hasPrefix("["), trimmed.hasSuffix("]") || trimmed.hasSuffix("].") {
            let inner = String(trimmed.dropFirst().prefix { $0 != "]" })
            if Self.isSlot(inner) { return "bracketed instruction" }
        }
        guard trimmed.utf8.count <= comparable || emphasisOnly else { return nil }
        let normalized = TitleNormalizer.normalize(trimmed)
        if TextPatterns.undecided.contains(normalized) { return undecided }
        if template.contains(normalized) { return "template text" }
        if emphasisOnly, let first = TitleNormalizer.words(of: normalized).first, instructionVerbs.contains(String(first)) {
            return "italic instruction"
        }
        return nil
    }
}
