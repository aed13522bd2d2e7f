import TDDMarkdown

/// Reads an Open Questions section the way real authors write it: list items, questions
/// asked in prose with the answer in the next paragraph or quote, a sub-heading per question,
/// grouping sub-headings, and sub-headings that only sit there because heading levels
/// slipped. One violation per unresolved question, at the question's own words.
struct QuestionReader {
    typealias Rule = OpenQuestionsResolvedRule

    /// The questions section's title, for the findings.
    let title: String
    /// Normalized titles of sections that are not questions.
    let otherSections: Set<String>

    /// A question asked in a paragraph, waiting for the block that answers it.
    private struct Pending {
        let text: String
        let location: SourceLocation
        var reading: Prose.Reading
        /// False when the author's own prose says it is open: what follows elaborates, it does not answer.
        var answerable = true
        /// What the question's own paragraph says after it ("…? It is not clear that this helps.").
        var afterQuestion = ""
    }

    /// The unresolved questions of `section`. Inside a topic sub-heading (`topic`), prose that
    /// only says the topic is still open is reported once, at the topic's heading.
    func violations(in section: Section, topic: Section? = nil) -> [Violation] {
        let visible = section.blocks.filter { !$0.isInvisible }
        if visible.count == 1, section.subsections.isEmpty, TextPatterns.saysNone(visible[0].plainText) { return [] }
        // "This section highlights the questions we have not resolved yet.": the author's word that
        // the questions below are open, so a tentative answer under one does not settle it.
        let declaredOpen = visible.contains { block in
            if case .paragraph(let text) = block { return Self.isPreamble(text.text) && Prose.leavesOpen(text.text) }
            return false
        }
        var seen = Set<SourceLocation>()
        return (violations(inBlocks: visible, topic: topic)
            + section.subsections.flatMap { violations(inSubsection: $0, declaredOpen: declaredOpen) })
            .filter { seen.insert($0.location).inserted }
    }

    // MARK: - Blocks

    private func violations(inBlocks blocks: [Block], topic: Section?) -> [Violation] {
        var violations: [Violation] = []
        var pending: Pending?
        /// The paragraph before a list, when it introduces it (`In particular:`).
        var introduction: InlineText?
        /// The violation of a one-item list's item, which the next paragraph or quote may answer.
        var lastItem: (index: Int, item: ListItem)?
        /// The block before, when it is a one-item list: a bullet list right after a numbered
        /// item (`1. Scenario` then `- Outcome`) is its nested content with the indent slipped.
        var oneItemList: ListBlock?
        /// A one-item list's item whose answer the paragraphs since it give: one saying the
        /// question stays open reopens it.
        var answering: ListItem?
        /// Questions asked paragraph after paragraph with nothing between: a statement among them
        /// is one more point, not an answer.
        let asksInARun = zip(blocks, blocks.dropFirst()).contains { Self.asks($0) && Self.asks($1) }

        func flush() {
            if let question = pending {
                report(question.reading, question.text, at: question.location, into: &violations)
            }
            pending = nil
        }
        /// A block attached to the question paragraph before it answers it, unless it says otherwise.
        func answerPending(with block: Block) {
            guard var question = pending, question.answerable else { return }
            let text = block.plainText
            question.reading = Prose.saysOpen(text) != nil ? .open : Rule.answerReading(text)
            // After the author's own doubt, a proposal leaves it open: only a decision answers it.
            if case .doubtful = question.reading, Prose.saysOpen(question.afterQuestion) != nil { question.reading = .open }
            pending = question
            flush()
        }
        /// A quote, paragraph or slipped nested list right after a one-item list answers its
        /// item, unless it is a placeholder.
        func answerItem(_ answered: (index: Int, item: ListItem), with text: String) {
            switch Rule.answerReading(text) {
            case .open:
                return
            case .settled:
                violations.remove(at: answered.index)
            case .doubtful(let reason):
                violations[answered.index] = Violation(Rule.doubtful(itemText(answered.item), because: reason),
                                                       at: answered.item.location, section: title, severity: .warning,
                                                       subject: itemText(answered.item))
            }
        }

        for (position, block) in blocks.enumerated() {
            let introduced = introduction
            introduction = nil
            let answerable = lastItem
            lastItem = nil
            let listBefore = oneItemList
            oneItemList = nil
            let continuing = answering
            answering = nil
            switch block {
            case .list(let list):
                // After `There are two approaches being considered. These approaches are:` the items are its options.
                if let introduced, Prose.offersChoices(introduced.text) { continue }
                // "Which of these do we prefer?" or "Should we" over a list: its options, not its answer.
                if let pending, Prose.asksToChoose(pending.text) { continue }
                if let listBefore, listBefore.ordered, !list.ordered,
                   !list.items.contains(where: { Prose.asksQuestion($0.lead?.text ?? "") }) {
                    if let answered = answerable {
                        answerItem(answered, with: list.items.map(\.fullText).joined(separator: "\n"))
                    }
                    continue
                }
                if list.items.count == 1 { oneItemList = list }
                let asking = list.items.filter { Prose.asksQuestion($0.lead?.text ?? "") }
                // After `In particular:` the items spell out the paragraph; after `Still open:` they are
                // the open items. Under a topic sub-heading, only items that ask are questions.
                let elaborates = introduced.map { !Prose.asksQuestion($0.text) && Prose.saysOpen($0.text) == nil } ?? false
                // Items that spell out a paragraph are not questions, unless one says it is still open
                // and no paragraph after the list asks about them all (`Feedback is requested on …`).
                let askedAfter = { blocks[(position + 1)...].contains { block in
                    if case .paragraph(let text) = block { return Prose.asksQuestion(text.text) || Prose.saysOpen(text.text) != nil }
                    return false
                } }
                let saysOpen = !elaborates || askedAfter() ? [] : list.items.filter { Prose.saysOpen(itemText($0)) != nil }
                if asking.isEmpty, elaborates, saysOpen.isEmpty { continue }
                let items = (elaborates ? asking + saysOpen
                    : topic.map { Prose.saysOpen($0.title) == nil } ?? false ? asking : Self.notSpelledOut(list.items))
                    .filter { !Prose.onlyPoints(itemText($0)) }
                if pending != nil, !list.items.contains(where: { Prose.asksQuestion($0.lead?.text ?? "") }) {
                    answerPending(with: block)
                    continue
                }
                flush()
                for item in items {
                    let before = violations.count
                    report(Rule.reading(of: item), itemText(item), at: item.location, into: &violations)
                    if list.items.count == 1, violations.count > before { lastItem = (before, item) }
                }
            case .table(let table):
                flush()
                violations += Rule.check(table, section: title)
            case .paragraph(let text):
                if Rule.hasResolutionLabel(text.text) || text.isStruckThrough {
                    if pending != nil { pending = nil } else if let (index, _) = answerable { violations.remove(at: index) }
                } else if TextPatterns.saysNone(text.text) || Prose.closesUnresolvedBlock(text.text) || Self.isPreamble(text.text) {
                    continue
                } else if Self.announcesAnswer(text.text) {
                    // `_Answered during review:_`: the paragraph after it is the answer.
                    lastItem = answerable
                    continue
                } else if Prose.asksInEarnest(text.text) || Prose.isPlaceholder(text.text) {
                    flush()
                    let asked = Self.question(in: text)
                    let afterQuestion = text.text.lastIndex(of: "?").map { String(text.text[text.text.index(after: $0)...]) } ?? ""
                    pending = Pending(text: asked.text, location: asked.location, reading: Rule.reading(ofQuestion: text.text),
                                      afterQuestion: afterQuestion)
                    if Prose.introduces(text.text) { introduction = text }
                } else if Prose.leavesOpen(text.text) {
                    if Prose.introduces(text.text) {
                        flush()
                        introduction = text
                        // `More work is needed to decide. Some possibilities:` under a topic: the topic is open.
                        if let topic, violations.isEmpty {
                            pending = Pending(text: topic.title, location: topic.location, reading: .open, answerable: false)
                        } else if topic == nil, Prose.offersChoices(text.text) {
                            // `There are two approaches being considered. These approaches are:` is
                            // the open question; the list holds its options.
                            pending = Pending(text: text.text, location: text.location, reading: .open, answerable: false)
                        }
                    } else if pending != nil {
                        flush()
                    } else if let item = answerable?.item ?? continuing {
                        // "… let's keep it open until …" in a question's answer: the question stays open.
                        violations.removeAll { $0.location == item.location }
                        report(.open, itemText(item), at: item.location, into: &violations)
                    } else if let topic {
                        pending = Pending(text: topic.title, location: topic.location, reading: .open, answerable: false)
                    } else {
                        pending = Pending(text: text.text, location: text.location, reading: .open, answerable: false)
                    }
                } else if Prose.introduces(text.text) {
                    flush()
                    introduction = text
                } else if pending != nil {
                    if !asksInARun { answerPending(with: block) }
                } else if let answered = answerable {
                    answerItem(answered, with: text.text)
                    answering = answered.item
                } else if let item = continuing {
                    answering = item
                }
            case .quote:
                if pending != nil {
                    answerPending(with: block)
                } else if let answered = answerable {
                    answerItem(answered, with: block.plainText)
                }
            default:
                continue
            }
        }
        flush()
        return violations
    }

    /// The items that are not spelling out an item before them: after an item that introduces
    /// what follows and holds nothing (`… not overwrite it when:`, the nested indent slipped),
    /// items that ask nothing are its details, not questions of their own.
    private static func notSpelledOut(_ items: [ListItem]) -> [ListItem] {
        var introduced = false
        return items.filter { item in
            let text = item.lead?.text ?? item.fullText
            if introduced, !Prose.asksQuestion(text) { return false }
            introduced = Prose.introduces(text) && item.blocks.count == 1 && item.children.isEmpty
            return true
        }
    }

    /// True for a short line ending in a colon that opens with a resolution label and announces
    /// the answer after it (`Answered during review:`, `Decision (from the sync):`); not the
    /// one-letter `A.` label (`A few notes:`).
    private static func announcesAnswer(_ text: String) -> Bool {
        let words = Prose.words(text)
        return words.count <= 6 && Prose.introduces(text)
            && Rule.labels.contains { $0 != "a" && words.starts(with: Prose.words($0)) }
    }

    /// A paragraph's question and where it is: the whole paragraph when its first line asks;
    /// otherwise, when numbered items ran into it (`2. …` cannot interrupt a paragraph), the first
    /// such item that asks, or else the first sentence that asks.
    private static func question(in paragraph: InlineText) -> (text: String, location: SourceLocation) {
        let whole = (paragraph.text, paragraph.location)
        let lines = paragraph.text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, !first.contains("?") else { return whole }
        let starts = lines.indices.dropFirst().filter { Self.opensNumberedItem(lines[$0]) }
        for (position, start) in starts.enumerated() {
            let end = position + 1 < starts.count ? starts[position + 1] : lines.count
            if lines[start..<end].contains(where: { $0.contains("?") }) {
                let item = lines[start..<end].joined(separator: "\n")
                return (item, paragraph.location(of: item))
            }
        }
        let sentences = Prose.sentences(paragraph.text)
        if let asking = sentences.first(where: { $0.hasSuffix("?") }) ?? sentences.first(where: { $0.contains("?") }) {
            return (asking, paragraph.location(of: asking))
        }
        return whole
    }

    /// True for a line opening with an ordered list marker (`3. `, `3) `).
    private static func opensNumberedItem(_ line: Substring) -> Bool {
        let trimmed = line.drop(while: { $0 == " " })
        let digits = trimmed.prefix(while: { ("0"..."9").contains($0) })
        let rest = trimmed.dropFirst(digits.count)
        return !digits.isEmpty && digits.count <= 3 && (rest.hasPrefix(". ") || rest.hasPrefix(") "))
    }

    /// True for a paragraph about the section's questions as a whole ("This section highlights
    /// the questions we have not resolved yet.", "These are design questions to resolve during
    /// implementation"): a preamble, not a question of its own. One ending in a colon
    /// introduces the list after it instead.
    private static func isPreamble(_ text: String) -> Bool {
        let words = Prose.words(text)
        let pointsAtThem = words.contains("below") || words.starts(with: ["these", "are"]) || words.starts(with: ["here", "are"])
            || zip(words, words.dropFirst()).contains { pair in pair == ("this", "section") || pair == ("the", "following") }
        return pointsAtThem && words.contains { $0 == "questions" || $0 == "issues" } && !Prose.asksQuestion(text)
            && !Prose.introduces(text)
    }

    /// True for a block that only points to where the question was discussed (`Previous
    /// Discussion: https://…`, a list of links): it neither asks nor answers.
    private static func pointsToDiscussion(_ block: Block) -> Bool {
        switch block {
        case .paragraph(let text):
            guard let colon = text.text.firstIndex(of: ":") else { return false }
            return discussionLabels.contains(TitleNormalizer.normalize(String(text.text[..<colon])))
        case .list(let list):
            return list.items.allSatisfy { item in
                let text = item.fullText.trimmingWhitespace
                return text.hasPrefix("http") && !text.contains(" ")
            }
        default:
            return false
        }
    }

    /// Labels (normalized) of a line pointing to a discussion.
    private static let discussionLabels: Set<String> = [
        "previous discussion", "previous discussions", "discussion", "discussions", "original thread", "thread",
        "see also", "related",
    ]

    /// True when a paragraph introduces options (`Options:`) and nothing after it decides, or
    /// prose sets an alternative beside what was only proposed ("X has been proposed … The
    /// alternative approach is to …") and decides nothing.
    private static func onlyWeighsOptions(_ body: [Block]) -> Bool {
        let prose = body.compactMap { block -> String? in
            if case .paragraph(let text) = block { return text.text }
            return nil
        }
        if prose.count == body.count, prose.contains(where: { Prose.sentences($0).contains(where: Prose.statesTheAlternative) }),
           prose.contains(where: { Prose.hedge($0) != nil }),
           !prose.contains(where: { Prose.saysDecided($0) != nil || Rule.hasResolutionLabel($0) }) {
            return true
        }
        guard let start = body.firstIndex(where: { block in
            guard case .paragraph(let text) = block, Prose.introduces(text.text) else { return false }
            return Prose.words(text.text).contains { ["options", "alternatives", "choices"].contains($0) }
        }) else { return false }
        return !body[(start + 1)...].contains { block in
            Prose.saysDecided(block.plainText) != nil || Rule.hasResolutionLabel(block.plainText)
        }
    }

    private static func asks(_ block: Block) -> Bool {
        if case .paragraph(let text) = block { return Prose.asksInEarnest(text.text) }
        return false
    }

    private func itemText(_ item: ListItem) -> String {
        item.lead?.text ?? item.fullText
    }

    private func report(_ reading: Prose.Reading, _ text: String, at location: SourceLocation,
                        into violations: inout [Violation]) {
        switch reading {
        case .settled:
            return
        case .open:
            violations.append(Violation(Rule.unresolved(text), at: location, section: title, subject: text))
        case .doubtful(let reason):
            violations.append(Violation(Rule.doubtful(text, because: reason), at: location, section: title,
                                        severity: .warning, subject: text))
        }
    }

    // MARK: - Sub-headings

    private func violations(inSubsection question: Section, declaredOpen: Bool) -> [Violation] {
        let name = question.normalizedTitle
        if Rule.settledHeadings.contains(name) || otherSections.contains(name) || Prose.isDocumentSection(name) { return [] }
        // `Questions to be resolved in future RFCs`: set aside on purpose, which settles them.
        if !Prose.asksQuestion(question.title), Prose.saysDeferred(question.title) != nil { return [] }
        if Rule.openHeadings.contains(name) { return violations(in: question) }
        if Rule.hasResolutionLabel(question.title)
            || question.subsections.contains(where: { Rule.hasResolutionLabel($0.title) || Self.decisionHeadings.contains($0.normalizedTitle) }) {
            return []
        }
        let body = question.visibleContent
        let text = body.map(\.plainText).joined(separator: "\n")
        if Prose.asksQuestion(question.title) {
            // The heading is the question; its body answers it, or restates it and leaves it open.
            let said = body.drop(while: Self.pointsToDiscussion).first?.plainText
            var reading: Prose.Reading
            if said == nil || Prose.isPlaceholder(text) {
                reading = .open
            } else if Prose.saysDeferred(text) != nil {
                reading = .settled
            } else if Prose.saysOpen(text) != nil || said.map(Prose.asksQuestion) == true {
                reading = .open
            } else {
                reading = Rule.answerReading(said ?? "")
            }
            // Discussed, then answered under a label (`*Answer:* We have decided …`).
            if reading != .settled, said != nil, !Prose.isPlaceholder(text),
               let labelled = body.lazy.compactMap({ Rule.resolution(in: $0.plainText) }).last,
               Rule.answerReading(labelled) == .settled {
                reading = .settled
            }
            if declaredOpen, case .doubtful = reading { reading = .open }
            var found: [Violation] = []
            report(reading, question.title, at: question.location, into: &found)
            return found
        }
        // A topic: its body holds the questions, or says the topic is still open, as does the
        // preamble of a section of topics ("The following topics remain open questions.") over a
        // body of prose, or lays out options and picks none (`Options:` then a list).
        let found = body.isEmpty ? [] : violations(in: question, topic: question)
        let onlyProse = body.allSatisfy { if case .paragraph = $0 { return true } else { return false } }
        if found.isEmpty, body.isEmpty || (declaredOpen && onlyProse) || Self.onlyWeighsOptions(body) {
            var open: [Violation] = []
            report(.open, question.title, at: question.location, into: &open)
            return open
        }
        return found
    }

    /// Sub-heading titles (normalized) that record the answer to the heading above them.
    static let decisionHeadings: Set<String> = ["decision", "conclusion", "answer", "resolution", "outcome", "result"]
}
