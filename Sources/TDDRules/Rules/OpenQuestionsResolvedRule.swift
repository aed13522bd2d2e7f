import TDDMarkdown

/// Every item of the Open Questions section is resolved.
public struct OpenQuestionsResolvedRule: Rule {
    public static let description = RuleDescription(
        id: "open-questions-resolved",
        summary: "every open question is resolved",
        description: """
            A design is not ready for approval while its questions are open. The section is \
            found by alias (Open Questions, Unresolved Questions, Outstanding Questions, \
            Questions, Open Issues). Each top-level list item, table row, sub-heading, and \
            paragraph that asks a question is an item. An item is resolved by a checked box \
            `[x]`, by being struck through, by a label (Resolved, Answer, Answered, Decision, \
            Resolution, Closed, Outcome, A) with text after it, inline or in a nested item at any \
            depth, or \
            in a table by a status of resolved/closed/answered/done or a filled \
            answer/decision/resolution column, or a bold question followed by its answer \
            (`**Question?** Answer.`). Sub-headings that group answered questions (Resolved, \
            Answered, Closed, Decisions) or list what is not a question (Out of Scope, Non-Goals, \
            Future Work) are skipped; one that groups open ones (Open, Unresolved) is read like \
            the section. A section that says there are none passes; `TBD` does not. Task boxes \
            elsewhere (release checklists) are not questions.
            """,
        defaultSeverity: .error,
        passingExamples: [
            """
            # Cache
            ## Open Questions
            - [x] Do we shard? Answer: not in v1.
            - ~~Do we need a warmer?~~
            - Which TTL?
              - **Decision:** 5 minutes.
            - Who owns it? Resolved: the platform team.
            - **Multi-region?** Not before v2.

            | Question | Status | Answer |
            | --- | --- | --- |
            | Region? | Closed | eu-west-1 |
            """,
            "# Cache\n## Unresolved questions\nNone at this time.\n",
            "# Cache\n## Open Questions\n### Resolved\n- Do we shard?\n### Out of Scope\n- Multi-region\n",
            "# Cache\n## Rollout\n- [ ] sign-off from SRE\n## Open Questions\n- None\n",
        ],
        failingExamples: [
            """
            # Cache
            ## Open Questions
            - [ ] Do we shard? ↓
            - Which TTL should we use? ↓
            - ~~Old question~~ Resolved: yes
            ### Who pays for the cluster? ↓
            """,
            """
            # Cache
            ## Open Questions
            | Question | Status |
            | --- | --- |
            | Region? | Open | ↓
            | Owner? | Resolved |
            """,
            "# Cache\n## Open Questions\nTBD ↓\n",
            "# Cache\n## Open Questions\n### Unresolved\n- Do we shard? ↓\n- [ ] ↓\n",
            "# Cache\n## Open Questions\nShould the cache be shared across regions?\n\nA: only within a region for now.\n\nHow do we invalidate? ↓\n",
        ])

    static let labels = ["resolved", "resolution", "answered", "answer", "decision", "decided", "closed",
                         "outcome", "current answer", "a"]
    static let resolvedStatuses: Set<String> = ["resolved", "closed", "answered", "done", "decided", "yes", "fixed"]
    static let statusColumns: Set<String> = ["status", "state", "resolved"]
    static let answerColumns: Set<String> = ["answer", "answers", "decision", "resolution", "outcome", "response"]

    /// Sub-heading titles (normalized) whose items are answered, or are not questions.
    static let settledHeadings: Set<String> = [
        "resolved", "resolved questions", "answered", "answered questions", "closed", "closed questions",
        "decisions", "decided", "out of scope", "non goals", "future work", "future possibilities",
    ]
    /// Sub-heading titles (normalized) that group open questions rather than ask one.
    static let openHeadings: Set<String> = [
        "open", "open questions", "unresolved", "unresolved questions", "outstanding", "outstanding questions", "pending",
    ]

    static func unresolved(_ item: String) -> String {
        let excerpt = TextPatterns.excerpt(item)
        if excerpt.isEmpty { return "empty open question item; write the question or remove the item" }
        return "open question not resolved: \"\(excerpt)\"; answer it (e.g. `Answer: …`, `[x]`) or strike it through"
    }

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        guard let section = context.section(for: .openQuestions) else { return [] }
        return Self.violations(in: section, title: section.title)
    }

    /// The unresolved questions of `section` (the Open Questions section or a group in it).
    static func violations(in section: Section, title: String) -> [Violation] {
        let visible = section.blocks.filter { !$0.isInvisible }
        if visible.count == 1, section.subsections.isEmpty, TextPatterns.saysNone(visible[0].plainText) { return [] }

        var violations: [Violation] = []
        var pendingParagraph: InlineText?
        func flushParagraph() {
            if let open = pendingParagraph {
                violations.append(Violation(unresolved(open.text), at: open.location, section: title))
            }
            pendingParagraph = nil
        }
        for block in visible {
            switch block {
            case .list(let list):
                flushParagraph()
                for item in list.items where !isResolved(item) {
                    violations.append(Violation(unresolved(item.lead?.text ?? item.fullText),
                                                at: item.location, section: title))
                }
            case .table(let table):
                flushParagraph()
                violations += check(table, section: title)
            case .paragraph(let text):
                if hasResolutionLabel(text.text) || text.isStruckThrough {
                    pendingParagraph = nil
                } else if TextPatterns.saysNone(text.text) {
                    continue
                } else if TextPatterns.isUndecided(text.text) || text.text.contains("?") {
                    flushParagraph()
                    pendingParagraph = text
                }
            case .quote:
                // A quoted reply answers the question before it.
                pendingParagraph = nil
            default:
                continue
            }
        }
        flushParagraph()
        for question in section.subsections {
            if settledHeadings.contains(question.normalizedTitle) { continue }
            if openHeadings.contains(question.normalizedTitle) {
                violations += Self.violations(in: question, title: title)
                continue
            }
            let text = question.blocks.map(\.plainText).joined(separator: "\n")
            if !hasResolutionLabel(text), !hasResolutionLabel(question.title),
               !question.subsections.contains(where: { hasResolutionLabel($0.title) }) {
                violations.append(Violation(unresolved(question.title), at: question.location, section: title))
            }
        }
        return violations
    }

    static func isResolved(_ item: ListItem) -> Bool {
        switch item.task {
        case .done?: return true
        case .open?: return false
        case nil: break
        }
        guard let lead = item.lead else { return false }
        if lead.isStruckThrough || TextPatterns.saysNone(lead.text) { return true }
        if let question = lead.strongLabel, question.hasSuffix("?") { return true }
        if hasResolutionLabel(lead.text) { return true }
        if item.descendants.contains(where: { $0.lead.map { hasResolutionLabel($0.text) } ?? false }) { return true }
        return item.children.contains { child in
            child.lead.map { $0.isEmphasisOnly && lead.startsStruckThrough } ?? false
        } || item.blocks.contains { if case .quote = $0 { return lead.startsStruckThrough } else { return false } }
    }

    static func hasResolutionLabel(_ text: String) -> Bool {
        TextPatterns.value(afterAnywhere: labels, in: text) != nil
    }

    static func check(_ table: Table, section: String) -> [Violation] {
        let columns = table.columnNames.map(TitleNormalizer.normalize)
        let status = columns.firstIndex { statusColumns.contains($0) }
        let answer = columns.firstIndex { answerColumns.contains($0) }
        return table.rows.compactMap { row in
            if row.cells.allSatisfy({ TextPatterns.isUndecided($0.text.text) }) { return nil }
            if let status, resolvedStatuses.contains(TitleNormalizer.normalize(row.text(at: status))) { return nil }
            if let answer, !TextPatterns.isUndecided(row.text(at: answer)) { return nil }
            if row.cells.contains(where: { $0.text.isStruckThrough }) { return nil }
            return Violation(unresolved(row.text(at: 0).isEmpty ? row.text(at: 1) : row.text(at: 0)),
                             at: row.location, section: section)
        }
    }
}
