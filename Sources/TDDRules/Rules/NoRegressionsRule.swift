import TDDMarkdown

/// A change does not undo what the base version of the document had settled.
public struct NoRegressionsRule: ComparingRule {
    public static let description = RuleDescription(
        id: "no-regressions",
        summary: "a change does not undo what the document had settled",
        description: """
            Compares each changed document with its base version (the staged file with \
            `HEAD`'s, a range's end with its start, a renamed document with its old path) and \
            reports what the change undid: a question the base resolved that is open again \
            (box unchecked, strike-through removed, answer deleted or made a placeholder); a risk \
            the base handled whose mitigation is gone or a placeholder; a required section the \
            base had that is gone; the status moved back along `statusOrder` without a reason in \
            front matter (`statusReason: …`, new in this change); a document whose status stays \
            in `frozenStatuses` (Approved) with its content changed by more than \
            `maxChangedWords` words, unless front matter records a new approval (a changed \
            `approved` or `approvers`). Questions and risks are matched by their words and \
            the role of their section (each read by its own rule, with that rule's options: a risk \
            merely accepted is a lost mitigation when `allowAccepted` is false), sections by the \
            profile's titles and aliases, so moving \
            a block or renaming a heading to an alias is no regression. Changed words are \
            counted as words removed plus words added over headings, paragraphs, list items, \
            quotes, tables and code blocks, whatever their order: fixing a typo changes two, \
            moving a paragraph none. A document without a base version (new, copied, or \
            checked by path) has nothing to compare.
            """,
        defaultSeverity: .error,
        options: [statusOrder, reasonFields, frozenStatuses, maxChangedWords, approvalFields],
        passingExamples: [
            Example("""
            ---
            status: Draft
            ---
            # Cache
            ## Open Questions
            - [x] Do we shard? Answer: not in v1.
            ## Risks
            - Cold start. Mitigation: a warmer job.
            """, base: """
            ---
            status: Draft
            ---
            # Cache
            ## Risks
            - Cold start. Mitigation: a warmer job.
            ## Open Questions
            - [x] Do we shard? Answer: not in v1.
            """),
            Example("""
            ---
            status: Draft
            statusReason: the storage team found a gap in the failover plan
            ---
            # Cache
            """, base: "---\nstatus: Approved\n---\n# Cache\n"),
            Example("""
            ---
            status: Approved
            approved: 2026-11-02
            ---
            # Cache
            Entries expire after five minutes, and the warmer refills them.
            """, base: """
            ---
            status: Approved
            approved: 2026-03-14
            ---
            # Cache
            Entries expire after one minute.
            """),
            Example("""
            ---
            status: Approved
            ---
            # Cache
            Entries expire after five minutes.
            """, base: """
            ---
            status: Approved
            ---
            # Cache
            Entries expire after five minuts.
            """),
        ],
        failingExamples: [
            Example("""
            # Cache
            ## Risks
            - Cold start. ↓
              - Considered acceptable because warm-up takes a minute.
            """, base: """
            # Cache
            ## Risks
            - Cold start. Mitigation: a warmer job.
            """, configuration: "rules: { risks-have-mitigations: { allowAccepted: false } }"),
            Example("""
            ---
            status: Approved
            ---
            # Cache
            ## Open Questions
            - [ ] Do we shard? ↓
            ## Risks
            - Cold start. ↓
            """, base: """
            ---
            status: Approved
            ---
            # Cache
            ## Open Questions
            - [x] Do we shard?
            ## Risks
            - Cold start. Mitigation: a warmer job.
            """, configuration: "rules: { no-regressions: { frozenStatuses: [] } }"),
            Example("""
            # Cache
            ## Open Questions
            - [ ] Do we shard? ↓
            """, base: """
            # Cache
            ## Open Questons
            - [x] Do we shard?
            """),
            Example("""
            ---
            status: Draft ↓
            ---
            # Cache
            """, base: "---\nstatus: Approved\n---\n# Cache\n"),
            Example("""
            ---
            status: Approved
            ---
            # Cache
            Entries expire after five minutes, and the warmer refills them. ↓
            """, base: """
            ---
            status: Approved
            ---
            # Cache
            Entries expire after one minute.
            """),
            Example("""
            # Cache ↓
            ## Summary
            A read-through cache.
            """, base: """
            # Cache
            ## Summary
            A read-through cache.
            ## Risks and Mitigations
            None known.
            """, configuration: "profile: standard"),
        ])

    static let statusOrder = RuleOption("statusOrder", default: .strings(["Draft", "Proposed", "In Review", "Accepted", "Approved", "Implemented"]),
                                        "the statuses in the order a document moves through them (others are not compared); when not set, the order of `status.values`, if the configuration lists them")
    static let reasonFields = RuleOption("reasonFields", default: .strings(["statusReason"]),
                                         "front-matter fields whose new value gives the reason a status moved back")
    static let frozenStatuses = RuleOption("frozenStatuses", default: .strings(["Approved"]),
                                           "statuses under which the content must not change without a new approval")
    static let maxChangedWords = RuleOption("maxChangedWords", default: .int(4),
                                            "words a frozen document may change (removed plus added) without a new approval")
    static let approvalFields = RuleOption("approvalFields", default: .strings(["approved", "approvers"]),
                                           "front-matter fields whose change records a new approval")

    public init() {}

    public func check(_ context: RuleContext, findings: RuleFindings) -> [Violation] {
        guard let base = context.base else { return [] }
        // What the change could have undone, judged from the new version and the lines it
        // touched; the base is parsed only then (most edits undo nothing).
        guard let changed = base.changedLines else { return [] }
        func touched(_ role: SectionRole) -> Bool {
            context.sections(for: role).contains { Self.lines(of: $0, in: context.document).overlaps(changed) }
        }
        let questions = touched(.openQuestions) ? findings.violations(of: OpenQuestionsResolvedRule.self).filter { $0.subject != nil } : []
        let risks = touched(.risks) ? findings.violations(of: RisksHaveMitigationsRule.self).filter { $0.subject != nil } : []
        let frozen = context.status.map { isFrozen($0.value, context) } == true
        let suspect = !questions.isEmpty || !risks.isEmpty || frozen
            || (base.replacedAHeading && context.match.entries.contains { $0.spec.required && $0.section == nil })
            || context.status.map { changed.contains($0.location.line) } == true
        // Only a frozen document's whole content is compared; otherwise the base's questions
        // and risks sections, its headings and its status are all that is read.
        guard suspect, let before = context.baseContext(reading: frozen ? nil : [.openQuestions, .risks]) else { return [] }
        return (reopened(questions, in: .openQuestions, before, checkedBy: OpenQuestionsResolvedRule.self, findings, message: Self.reopenedQuestion)
            + reopened(risks, in: .risks, before, checkedBy: RisksHaveMitigationsRule.self, findings, message: Self.lostMitigation)
            + removedSections(context, before)
            + statusMovedBack(context, before)
            + frozenContentChanged(context, before))
            .sorted { $0.location < $1.location }
    }

    // MARK: - Questions and risks

    /// The findings at head (errors and doubts) about a subject the base has in a section of
    /// the same role with no finding: settled in the base, undone by the change.
    private func reopened(_ head: [Violation], in role: SectionRole, _ base: RuleContext, checkedBy rule: (some Rule).Type,
                          _ findings: RuleFindings, message: (String) -> String) -> [Violation] {
        guard !head.isEmpty else { return [] }
        let baseText = base.sections(for: role).flatMap(\.allSections)
            .map { ([$0.title] + $0.blocks.map(\.plainText)).joined(separator: "\n") }
            .joined(separator: "\n")
        let baseWords = " " + TitleNormalizer.normalize(baseText) + " "
        // The subjects the base has at all; only those can have been settled there.
        let inBase = head.compactMap { finding -> (Violation, String)? in
            guard let subject = finding.subject else { return nil }
            let key = TitleNormalizer.normalize(subject)
            return !key.isEmpty && baseWords.contains(" " + key + " ") ? (finding, key) : nil
        }
        guard !inBase.isEmpty else { return [] }
        let baseFindings = Set(findings.violations(of: rule, in: base).compactMap { $0.subject.map(TitleNormalizer.normalize) })
        return inBase.compactMap { finding, key in
            guard !baseFindings.contains(key), let subject = finding.subject else { return nil }
            return Violation(message(subject), at: finding.location, section: finding.section)
        }
    }

    static func reopenedQuestion(_ question: String) -> String {
        "question resolved in the base version is open again: \"\(TextPatterns.excerpt(question))\"; restore its answer or record a new one"
    }

    static func lostMitigation(_ risk: String) -> String {
        "risk handled in the base version has lost its mitigation: \"\(TextPatterns.excerpt(risk))\"; restore the mitigation or write a new one"
    }

    // MARK: - Sections

    /// Required sections the base had and the change removed, reported at the title, where
    /// `required-sections` reports a missing one.
    private func removedSections(_ head: RuleContext, _ base: RuleContext) -> [Violation] {
        zip(head.match.entries, base.match.entries).compactMap { now, before in
            guard now.spec.required, now.section == nil, let removed = before.section else { return nil }
            return Violation("required section \"\(now.spec.title)\" was removed (the base version has it as \"\(removed.title)\"); restore it",
                             at: head.document.titleLocation)
        }
    }

    // MARK: - Status

    private func statusMovedBack(_ head: RuleContext, _ base: RuleContext) -> [Violation] {
        guard let now = head.status, let before = base.status,
              let nowRank = rank(now.value, head), let beforeRank = rank(before.value, head), nowRank < beforeRank else { return [] }
        let fields = head.options.strings(Self.reasonFields)
        let reasoned = fields.contains { field in
            let reason = Self.rendered(head.document.frontMatter?[field])
            return !reason.isEmpty && reason != Self.rendered(base.document.frontMatter?[field])
        }
        guard !reasoned else { return [] }
        let field = fields.first ?? "statusReason"
        return [Violation("status moved back from \"\(before.value)\" to \"\(now.value)\"; give the reason in front matter (`\(field): …`)",
                          at: now.location)]
    }

    private func rank(_ status: String, _ context: RuleContext) -> Int? {
        Self.order(context).firstIndex { $0.lowercased() == status.lowercased() }
    }

    /// The statuses in order: `statusOrder` when configured, else the statuses `status.values`
    /// allows as written there, else the default order.
    private static func order(_ context: RuleContext) -> [String] {
        if context.options.values[statusOrder.name] == nil, !context.allowedStatuses.isEmpty { return context.allowedStatuses }
        return context.options.strings(statusOrder)
    }

    // MARK: - Frozen content

    private func frozenContentChanged(_ head: RuleContext, _ base: RuleContext) -> [Violation] {
        guard let now = head.status, let before = base.status,
              now.value.lowercased() == before.value.lowercased(), isFrozen(now.value, head) else { return [] }
        let reapproved = head.options.strings(Self.approvalFields).contains { field in
            Self.rendered(head.document.frontMatter?[field]) != Self.rendered(base.document.frontMatter?[field])
        }
        guard !reapproved else { return [] }
        let headUnits = Self.units(head.document)
        let baseUnits = Self.units(base.document)
        let changed = Self.changedWords(headUnits.map(\.text), baseUnits.map(\.text))
        guard changed > head.options.int(Self.maxChangedWords) else { return [] }
        let baseTexts = Set(baseUnits.map(\.text))
        let location = headUnits.first { !baseTexts.contains($0.text) }?.location ?? now.location
        let field = head.options.strings(Self.approvalFields).first ?? "approved"
        return [Violation("\(now.value) document changed (\(changed) words) while its status stayed \"\(now.value)\"; "
                          + "record the new approval in front matter (`\(field): …`) or move the status back with a reason",
                          at: location)]
    }

    /// The lines a section spans, from its heading to the line before the next heading at its
    /// level or above.
    private static func lines(of section: Section, in document: Document) -> ClosedRange<Int> {
        let start = section.location.line
        let next = document.allSections.first { $0.location.line > start && $0.level <= section.level }
        return start...max(start, (next?.location.line ?? document.lineCount + 1) - 1)
    }

    private func isFrozen(_ status: String, _ context: RuleContext) -> Bool {
        context.options.strings(Self.frozenStatuses).contains { $0.lowercased() == status.lowercased() }
    }

    /// The document's visible texts and code, with where each starts.
    private static func units(_ document: Document) -> [(text: String, location: SourceLocation)] {
        var units: [(text: String, location: SourceLocation)] = document.allSections.map { ($0.title, $0.location) }
        units += TextWalk.items(document).map { ($0.text.text, $0.text.location) }
        for block in document.preamble + document.allSections.flatMap(\.blocks) {
            if case .code(let location, let code) = block { units.append((code, location)) }
        }
        return units.sorted { $0.location < $1.location }
    }

    /// Words removed plus words added, as multisets: order does not count.
    static func changedWords(_ now: [String], _ before: [String]) -> Int {
        var counts: [Substring: Int] = [:]
        for text in now { for word in text.split(whereSeparator: \.isWhitespace) { counts[word, default: 0] += 1 } }
        for text in before { for word in text.split(whereSeparator: \.isWhitespace) { counts[word, default: 0] -= 1 } }
        return counts.values.reduce(0) { $0 + abs($1) }
    }

    /// A front-matter value as comparable text ("" when absent).
    private static func rendered(_ node: YAMLNode?) -> String {
        guard let node else { return "" }
        if let scalar = node.scalar { return scalar.trimmingWhitespace }
        if let sequence = node.sequence { return "[" + sequence.map(rendered).joined(separator: ", ") + "]" }
        if let mapping = node.mapping { return "{" + mapping.map { $0.key + ": " + rendered($0.value) }.joined(separator: ", ") + "}" }
        return ""
    }
}
