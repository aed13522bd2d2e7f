import TDDMarkdown

/// Reads a Risks section the way real authors write it: lists of risks with the mitigation
/// inline, nested or in the paragraphs after; `Risk:` / `Mitigation:` pairs; a list of risks
/// followed by a list of mitigations; a sub-heading or a bold title per risk with prose saying
/// how it is handled; risks told in prose paragraphs; tables. One violation per risk that
/// nothing handles, at the risk's own words.
struct RiskReader {
    typealias Rule = RisksHaveMitigationsRule

    /// The risks section's title, for the findings.
    let title: String
    /// Whether a risk accepted with a reason counts as handled.
    let allowAccepted: Bool

    private enum Mitigation {
        case given
        case placeholder
    }

    /// A risk and what the document attaches to it.
    private struct Risk {
        let text: String
        let location: SourceLocation
        private(set) var attached: [String] = []
        /// Something attached says how the risk is handled (kept as texts are attached).
        private(set) var attachedSaysHandled = false
        /// Written as a risk (a `Risk:` label, a list introduced as risks): plainly a risk.
        var labelled = false
        var mitigation: Mitigation?
        /// The paragraphs after it belong to it (a title, a `Risk:` paragraph, a one-item list).
        var gathers = false

        mutating func attach(_ texts: [String]) {
            attached += texts
            attachedSaysHandled = attachedSaysHandled || texts.contains(where: Prose.saysHandled)
        }
    }

    /// What a paragraph ending in `:` introduces.
    private enum Introduction {
        case risks
        case mitigations
        case elaboration
    }

    func violations(in section: Section) -> [Violation] {
        // "There are four main risks:" over a list whose risks the sub-headings below then take
        // one by one ("1. Exposing sensitive data." / "#### Sensitive data"): the list names them,
        // the sub-headings say how each is handled. Not a paragraph saying much more than a
        // heading names ("The following is the list of hypothetical scenarios …" / "Scenario 2").
        let headed = section.subsections.map { Self.topics($0.title) }.filter { !$0.isEmpty }
        let told = violations(inBlocks: section.blocks).filter { violation in
            let said = Self.topics(violation.subject ?? "")
            return !headed.contains { $0.isSubset(of: said) && said.count <= 2 * $0.count }
        }
        return (told + violations(inSubsections: section.subsections)).sorted { $0.location < $1.location }
    }

    /// The risks told in a run of blocks: a section's, or a list item's that introduces risks.
    private func violations(inBlocks blocks: [Block]) -> [Violation] {
        let visible = blocks.filter { !$0.isInvisible }
        var risks: [Risk] = []
        /// Findings read apart from the risks gathered here: tables, lists of risks nested in an item.
        var apart: [Violation] = []
        var open: Int?
        var lastList: [Int] = []
        var introduction: Introduction?
        /// The risk a paragraph just opened: if a list follows at once, the paragraph introduced it.
        var openedByParagraph: Int?
        /// A `Mitigation:` paragraph just answered a `Risk:` paragraph: what follows, up to the
        /// next label, goes on with the mitigation.
        var inMitigation = false
        /// The risks told in the paragraphs since the last list or table.
        var toldInProse: [Int] = []

        func mitigate(_ indices: [Int], with value: String) {
            for index in indices { risks[index].mitigation = Prose.isPlaceholder(value) ? .placeholder : .given }
        }

        for (position, block) in visible.enumerated() {
            let introduced = introduction
            introduction = nil
            let justOpened = openedByParagraph
            openedByParagraph = nil
            switch block {
            case .paragraph(let text):
                let words = text.text
                // `(FIXME)` above the risks: a placeholder (no-placeholders reports it), not a risk's title.
                if Prose.isPlaceholder(words), visible.count > 1 { continue }
                // The template's prompt left above the author's answers to its other prompts, and
                // "There are no major risks to users." before the risks the author did name.
                if Prose.isPrompt(words) || Self.saysNoRisks(Prose.sentences(words).first ?? "") { continue }
                var mitigation = Self.mitigationValue(text)
                // `*Mitigation:*` on a line of its own: the paragraph after it is the mitigation.
                if introduced == .mitigations, mitigation == nil, !Self.isRiskLabelled(text) { mitigation = words }
                if let value = mitigation, !value.isEmpty {
                    inMitigation = open.map { risks[$0].labelled && risks[$0].gathers } ?? false
                    mitigate(open.map { [$0] } ?? lastList, with: value)
                    open = nil
                } else if mitigation != nil {
                    // `Mitigations:` introduces the list of them.
                    introduction = .mitigations
                    inMitigation = false
                } else if Self.isRiskLabelled(text) {
                    risks.append(Risk(text: text.afterLabel, location: text.location, labelled: true, gathers: true))
                    open = risks.count - 1
                    inMitigation = false
                    if Prose.introduces(words) { introduction = .elaboration }
                } else if inMitigation, text.strongLabel == nil,
                          !Self.namesRisk(Prose.sentences(words).first ?? "") {
                    continue
                } else if Prose.introduces(words) || Self.pointsAhead(words) || Self.leadsIntoMitigations(words) {
                    let lower = words.lowercased()
                    let countered = Prose.countersRisk(words)
                    introduction = ["mitigat", "measures", "safeguard", "protection"].contains(where: lower.contains) ? .mitigations
                        : Prose.describesRisk(words) && !Prose.saysAccepted(words) && !Prose.saysHandled(words) && !countered
                            && open == nil ? .risks : .elaboration
                    if introduction == .elaboration {
                        if let open {
                            risks[open].attach([words])
                        } else if countered {
                            // "The risk is generally cardinality, but in this case the dimensions are
                            // known:" a risk argued away, spelled out by what follows.
                            risks.append(Risk(text: words, location: text.location))
                            open = risks.count - 1
                        }
                    }
                } else if Self.titlesRisk(text) {
                    risks.append(Risk(text: words, location: text.location, gathers: true))
                    open = risks.count - 1
                } else if let index = open, risks[index].gathers {
                    risks[index].attach([words])
                } else if Prose.isTitle(words) {
                    risks.append(Risk(text: words, location: text.location, gathers: true))
                    open = risks.count - 1
                } else if let index = open, Self.opensByHandling(words),
                          (!risks[index].attachedSaysHandled && !Prose.saysHandled(risks[index].text))
                            || Self.endsUnderStudy([risks[index].text] + risks[index].attached) {
                    // "We do not believe this is a problem in practice because …": about the risk before
                    // (and about the open question it ended on). Closing the section, it answers the
                    // whole story told in the paragraphs before ("The approach presents a vulnerability
                    // … CSI drivers … This implies … / We propose releasing it as Tech Preview").
                    let closes = position == visible.count - 1 && Self.answersAsAuthors(words)
                    for told in closes ? toldInProse + [index] : [index] {
                        risks[told].attach([words])
                    }
                } else if open == nil, !lastList.isEmpty, Self.opensByHandling(words),
                          Self.refersToAll(words) || Self.opensWithMitigation(words) || Prose.opensWithTurn(words) {
                    // "This will be mitigated by … these issues", "The mitigation currently is …",
                    // "However, the overhead is expected to be small": the list's risks, handled together.
                    for index in lastList { risks[index].attach([words]) }
                } else if open == nil, let last = lastList.last, Self.opensByHandling(words),
                          Prose.refersBack(Prose.sentences(words).first ?? "") {
                    // "For this reason, we can do one alpha release where we log …": the last item's risk.
                    risks[last].attach([words])
                } else if let index = open, Prose.refersBack(Prose.sentences(words).first ?? ""), !Prose.namesHarmOfItsOwn(words) {
                    // "However, per the API's semantics, a route … keeps its host name", "The above
                    // risks should be considered …": more about the risk before, naming no harm of its own.
                    risks[index].attach([words])
                } else if let index = open, Prose.elaborates(words) || Self.remarksOnIt(words) {
                    // "For example, in the case where …": the risk before, spelled out; "Note that we
                    // don't know who …": a remark on it.
                    risks[index].attach([words])
                } else if Prose.describesRisk(words) {
                    // A risk told after the paragraph's handling is a risk of its own.
                    let (told, after) = Self.splitAfterHandling(words)
                    risks.append(Risk(text: told, location: text.location))
                    if let after { risks.append(Risk(text: after, location: text.location(of: Prose.sentences(after).first ?? after))) }
                    open = risks.count - 1
                    openedByParagraph = open
                    toldInProse += risks.indices.suffix(after == nil ? 1 : 2)
                } else if let index = open {
                    risks[index].attach([words])
                } else if !lastList.isEmpty, Prose.saysHandled(words), Self.refersToAll(words) {
                    for index in lastList { risks[index].attach([words]) }
                }
            case .list(let list):
                if introduced == .mitigations {
                    // Paired by order when the counts agree; otherwise the list answers the risks together.
                    // After risk paragraphs it answers every risk told since the last mitigation.
                    let unanswered = risks.indices.reversed().prefix { risks[$0].mitigation == nil }.reversed()
                    let targets = lastList.isEmpty ? Array(unanswered) : lastList
                    if targets.count == list.items.count {
                        for (index, item) in zip(targets, list.items) { mitigate([index], with: item.fullText) }
                    } else {
                        mitigate(targets, with: block.plainText)
                    }
                    open = nil
                    continue
                }
                if let index = open, introduced == .elaboration || risks[index].gathers {
                    risks[index].attach([block.plainText])
                    continue
                }
                if inMitigation { continue }
                var introducedAsRisks = introduced == .risks
                if let index = justOpened, index == risks.count - 1,
                   list.items.first.flatMap(Self.mitigationValue) == nil {
                    // The paragraph before described the risk these items spell out (unless the
                    // list opens with its mitigation: `- **Mitigation:**` then the measures).
                    risks.removeLast()
                    open = nil
                    introducedAsRisks = true
                }
                lastList = []
                toldInProse = []
                // The risks nested in the item before, kept until the next item says whether it handles them.
                var nestedRisks: [Violation] = []
                for (offset, item) in list.items.enumerated() {
                    // "- The best way to mitigate risk is …" after an item listing risks answers them.
                    let labelledMitigation = Self.mitigationValue(item)
                    let answersNested = labelledMitigation != nil
                        || item.lead.map { Self.opensWithMitigation($0.text) && Prose.saysHandled($0.text) } == true
                    if !answersNested { apart += nestedRisks }
                    nestedRisks = []
                    // "Both are unlikely" in the last item, "Both of the above problems can be
                    // mitigated by …" in any: the item speaks for every item so far.
                    defer {
                        if let sentence = Self.sentenceAboutAll(in: item.fullText),
                           offset == list.items.count - 1 || Prose.words(sentence).contains("above") {
                            for index in lastList { risks[index].attach([sentence]) }
                        }
                    }
                    if let value = labelledMitigation, let previous = lastList.last ?? open {
                        mitigate([previous], with: value)
                        continue
                    }
                    guard let lead = item.lead, !TextPatterns.saysNone(lead.text), !Self.weighsAnOption(lead) else { continue }
                    // `- Risks in using the beta provider:` over a nested list: those are the risks.
                    if Self.introducesRisks(lead.text), !item.children.isEmpty {
                        nestedRisks = violations(inBlocks: Array(item.blocks.dropFirst()))
                        continue
                    }
                    // A risk asked as a question (`Is the hash sufficient?`) in a list of its own, with
                    // nothing nested, is a risk left open; under `… as follows:` it names an aspect.
                    let asks = Prose.asksQuestion(lead.text)
                    let askedAlone = lead.text.trimmingWhitespace.hasSuffix("?") && introduced == nil
                        && item.blocks.count == 1 && item.children.isEmpty
                    var risk = Risk(text: lead.text, location: item.location,
                                    labelled: (introducedAsRisks && !asks) || askedAlone || Self.isRiskLabelled(lead),
                                    gathers: list.items.count == 1)
                    risk.attach(item.blocks.dropFirst().map(\.plainText))
                    let nested = item.children.compactMap(Self.mitigationValue)
                    if !nested.isEmpty {
                        risk.mitigation = nested.contains { !Prose.isPlaceholder($0) } ? .given : .placeholder
                    } else if Self.nestedEndsWithHarm(item) {
                        risk.mitigation = .placeholder
                    }
                    risks.append(risk)
                    lastList.append(risks.count - 1)
                }
                apart += nestedRisks
                // In a list where an item plainly tells a risk, an item saying what something can
                // do (`- Unresponsive providers can prevent creation of a cluster`) is a risk too, and
                // so is every bare title of a list of bare titles (`- Upgrades`, `- API stability`).
                let listed = risks.indices.suffix(lastList.count)
                if listed.contains(where: { risks[$0].labelled || Self.tellsRisk(risks[$0].text) }) {
                    let allBare = listed.allSatisfy { Self.isBareTitle(risks[$0]) }
                    for index in listed where Self.saysWhatCanHappen(risks[index].text) || (allBare && Self.isBareTitle(risks[index])) {
                        risks[index].labelled = true
                    }
                }
                open = list.items.count == 1 ? lastList.last : nil
            case .table(let table):
                apart += Rule.check(table, section: title)
                open = nil
                lastList = []
                toldInProse = []
            case .quote:
                if let open { risks[open].attach([block.plainText]) }
            default:
                continue
            }
        }
        return risks.compactMap(violation(for:)) + apart
    }

    /// Sub-headings under Risks: each names one risk, except a group of them (`#### Risks`,
    /// `### Security risks`), read like the section and answered as a whole by a mitigations
    /// sub-heading right after it.
    private func violations(inSubsections subsections: [Section]) -> [Violation] {
        subsections.indices.flatMap { index -> [Violation] in
            let subsection = subsections[index]
            let next = subsections.indices.contains(index + 1) ? subsections[index + 1] : nil
            guard TitleNormalizer.words(of: subsection.normalizedTitle).last == "risks" else {
                // `#### Gap 1` answered by `#### Mitigation 1` right after it.
                if let next, Self.givesMitigation(next) { return [] }
                return violations(inSubsection: subsection)
            }
            guard let next, Rule.namesMitigations(next) else { return violations(in: subsection) }
            let answers = next.visibleContent.map(\.plainText)
            return unaddressed(in: subsection, by: answers.joined(separator: "\n"))
        }
    }

    /// The risks listed in `group` that the mitigations written apart from them never speak
    /// of: no content word of the risk appears in them ("No migration plan from the old API"
    /// beside mitigations about feature gates and permissions).
    private func unaddressed(in group: Section, by mitigations: String) -> [Violation] {
        let answered = Self.topics(mitigations)
        guard !answered.isEmpty else { return [] }
        return group.blocks.flatMap { block -> [Violation] in
            guard case .list(let list) = block else { return [] }
            return list.items.compactMap { item in
                let told = Self.topics(item.fullText)
                guard let lead = item.lead, !told.isEmpty, told.isDisjoint(with: answered) else { return nil }
                return Rule.missing(lead.text, at: lead.location, section: title)
            }
        }
    }

    /// The content words of a text, cut to their first five letters so that "dependency" meets
    /// "dependencies".
    private static func topics(_ text: String) -> Set<Substring> {
        Set(Prose.words(text).filter { $0.count >= 4 && !commonWords.contains($0) }.map { $0.prefix(5) })
    }

    /// Words of four letters or more that say nothing about a topic.
    private static let commonWords: Set<String> = [
        "will", "that", "this", "with", "from", "have", "there", "their", "they", "which", "would", "could",
        "should", "when", "what", "into", "also", "some", "more", "than", "been", "being", "other", "such",
        "these", "those", "them", "then", "only", "each", "about", "after", "before", "over", "under", "within",
        "without", "where", "while", "risk", "risks", "mitigation", "mitigations", "might", "does", "make",
        "need", "needs", "used", "using", "many", "much", "very", "just", "even", "well", "like", "most",
    ]

    /// A sub-heading under Risks names one risk; its body says how it is handled. A
    /// sub-heading that holds a table of risks is read like the section.
    func violations(inSubsection risk: Section) -> [Violation] {
        if Prose.isDocumentSection(risk.normalizedTitle) { return [] }
        // `Severity: blocker` / `Likelihood: probably` rates the risk; it says nothing about handling it.
        let body = risk.visibleContent.filter { !Self.onlyRates($0) }
        if body.contains(where: { if case .table = $0 { return true } else { return false } }) {
            return violations(in: risk)
        }
        if Rule.namesMitigations(risk) { return [] }
        // `##### Mitigation` under the risk's sub-heading, with something said in it.
        if risk.subsections.contains(where: Self.givesMitigation) { return [] }
        var found = Risk(text: risk.title, location: risk.location)
        found.attach(body.map(\.plainText) + risk.subsections.map(\.title))
        // `Mitigation: TODO` in the body gives no mitigation; any other value gives one. A bare
        // `Mitigations:` gives what follows it, whatever harm that names.
        let afterBareLabel = body.firstIndex { block in
            if case .paragraph(let text) = block { return Self.mitigationValue(text)?.isEmpty == true }
            return false
        }.map { body[($0 + 1)...].map(\.plainText).joined(separator: "\n") }.flatMap { $0.isEmpty ? nil : $0 }
        let labelled = body.compactMap { block -> String? in
            guard case .paragraph(let text) = block, let value = Self.mitigationValue(text), !value.isEmpty else { return nil }
            return value
        } + (afterBareLabel.map { [$0] } ?? [])
        if !labelled.isEmpty { found.mitigation = labelled.allSatisfy(Prose.isPlaceholder) ? .placeholder : .given }
        if body.isEmpty || (afterBareLabel == nil && (Self.endsWithHarm(body) || Self.endsWithListedHarm(body))) {
            found.mitigation = .placeholder
        }
        return violation(for: found).map { [$0] } ?? []
    }

    /// True for a section titled for mitigations that says something (`#### Mitigation 1`).
    private static func givesMitigation(_ section: Section) -> Bool {
        let said = section.visibleContent.map(\.plainText)
        return Rule.namesMitigations(section) && !said.isEmpty && !said.allSatisfy(Prose.isPlaceholder)
    }

    // MARK: - Judging one risk

    private func violation(for risk: Risk) -> Violation? {
        // A question attached to a risk (`… we could pilot a few, opt-in for SIGs?`) handles nothing.
        let statements = risk.attached.filter { !$0.trimmingWhitespace.hasSuffix("?") }
        let all = ([risk.text] + statements).joined(separator: "\n")
        switch risk.mitigation {
        case .given?: return nil
        case .placeholder?: return Rule.missing(risk.text, at: risk.location, section: title)
        case nil:
            // A sentence of the paragraph opens with the label: `…may be a concern. Solution: caching.`
            if let value = Self.mitigationInALaterSentence(risk.text) {
                return Prose.isPlaceholder(value) ? Rule.missing(risk.text, at: risk.location, section: title) : nil
            }
        }
        // "One open question is whether …": a risk still under study is not handled yet, unless a
        // later paragraph opens with its mitigation ("… we do not know the other providers." /
        // "This is mitigated by a flag.").
        if Self.endsUnderStudy([risk.text] + risk.attached) { return Rule.missing(risk.text, at: risk.location, section: title) }
        if Prose.saysHandled(all) { return nil }
        if Prose.saysAccepted(all) || Prose.countersRisk(all) {
            return allowAccepted ? nil : Violation(Rule.acceptedMessage(risk.text), at: risk.location, section: title,
                                                   subject: risk.text)
        }
        let plainlyRisk = risk.labelled || (Prose.describesRisk(all) && !Prose.asksQuestion(risk.text))
        let saysMore = statements.contains { !Prose.isPlaceholder($0) }
        // "There is currently no way around this": the author's last word is that nothing handles
        // it (not "No mitigation in Tech Preview. GA will add health checks").
        let denied = Prose.sentences(all).last.map(Prose.deniesMitigation) ?? false
        if denied || risk.attached.contains(where: Prose.isPlaceholder) || (plainlyRisk && !saysMore) {
            return Rule.missing(risk.text, at: risk.location, section: title)
        }
        return Violation(Rule.doubtfulMessage(risk.text), at: risk.location, section: title, severity: .warning,
                         subject: risk.text)
    }

    // MARK: - Labels

    /// The text after a leading mitigation label (`Mitigation: …`, `**Mitigation:** …`, `M: …`).
    private static func mitigationValue(_ text: InlineText) -> String? {
        if let label = text.strongLabel.map(TitleNormalizer.normalize), label.hasPrefix("mitigat") {
            return text.afterLabel
        }
        return TextPatterns.value(after: Rule.mitigationLabels, in: text.text)
    }

    private static func mitigationInALaterSentence(_ text: String) -> String? {
        Prose.sentences(text).dropFirst().lazy.compactMap { TextPatterns.value(after: Rule.mitigationLabels, in: $0) }.first
    }

    private static func mitigationValue(_ item: ListItem) -> String? {
        guard let lead = item.lead, let value = mitigationValue(lead) else { return nil }
        let nested = item.blocks.dropFirst().map(\.plainText).joined(separator: "\n")
        return value.isEmpty ? nested : value
    }

    /// True when the text tells a risk in a sentence of its own: something going wrong, not asked.
    private static func tellsRisk(_ text: String) -> Bool {
        Prose.describesRisk(text) && !Prose.asksQuestion(text)
    }

    /// True when a risk's body ends with a paragraph whose last sentence tells harm that nothing
    /// after it handles ("The same was done on AWS, where it is indeed a problem."): whatever
    /// came before, the risk is still open. A condition ("If it happens, file an issue") tells none,
    /// nor does harm that is there already without the design ("anyone editing the groups by
    /// hand is already exposed to …"), nor a comparison finding it no greater than what exists
    /// ("However the overall attack surface … is similar"), nor, after a paragraph that opens by
    /// handling the risk, a doubt about the remedy ("To mitigate this, … However this could still
    /// lead to skew"), nor a labelled mitigation, which names the harm it handles ("**Mitigation**:
    /// … moves pods stuck terminating into the Failed phase"; not `Mitigation: None at present`).
    private static func endsWithHarm(_ body: [Block]) -> Bool {
        guard case .paragraph(let text)? = body.last else { return false }
        if let value = mitigationValue(text), !value.isEmpty, !TextPatterns.saysNone(value) { return false }
        return endsWithHarm(body, lastParagraph: text.text)
    }

    /// True when the body ends with a list that the paragraph before it announces as harm
    /// ("There are several issues here:") and that no item handles or accepts.
    private static func endsWithListedHarm(_ body: [Block]) -> Bool {
        guard body.count >= 2, case .list(let list)? = body.last, case .paragraph(let intro) = body[body.count - 2],
              Prose.introduces(intro.text), Prose.namesHarm(intro.text), !Prose.saysHandled(intro.text) else { return false }
        return !list.items.contains { Prose.saysHandled($0.fullText) || Prose.saysAccepted($0.fullText) }
    }

    /// True when a list item's nested content ends by saying the risk remains, the way
    /// `endsWithHarm(_:)` reads a sub-heading's body ("- Timeouts … \n  - … For now, no
    /// timeout is planned and the risk is removal will be stuck.").
    private static func nestedEndsWithHarm(_ item: ListItem) -> Bool {
        guard item.blocks.count > 1, let last = lastParagraph(in: item.blocks.dropFirst()),
              namesRisk(Prose.sentences(last).last ?? "") else { return false }
        return endsWithHarm(Array(item.blocks), lastParagraph: last)
    }

    /// The text of the last paragraph, looking into the last item of a trailing list.
    private static func lastParagraph(in blocks: ArraySlice<Block>) -> String? {
        switch blocks.last {
        case .paragraph(let text)?: return text.text
        case .list(let list)?: return list.items.last.flatMap { lastParagraph(in: $0.blocks[...]) }
        default: return nil
        }
    }

    /// True for a paragraph of rating labels only (`Severity: blocker`, `Likelihood: probably`).
    private static func onlyRates(_ block: Block) -> Bool {
        guard case .paragraph(let text) = block else { return false }
        return text.text.split(separator: "\n").allSatisfy { line in
            guard let colon = line.firstIndex(of: ":") else { return false }
            return ratingLabels.contains(TitleNormalizer.normalize(String(line[..<colon])))
        }
    }

    private static let ratingLabels: Set<String> = ["severity", "likelihood", "probability", "impact", "priority",
                                                    "risk level"]

    /// `endsWithHarm(_:)` on `text`, the body's last paragraph (or its last nested item's).
    private static func endsWithHarm(_ body: [Block], lastParagraph text: String) -> Bool {
        guard let last = Prose.sentences(text).last else { return false }
        let lastWords = Prose.words(last)
        guard lastWords.first != "if", !lastWords.contains("already") else { return false }
        // "(although we cannot eliminate the increase completely.)": what a remedy leaves over.
        if Prose.negates(last), lastWords.contains(where: ["completely", "fully", "entirely"].contains) { return false }
        let remedied = body.dropLast().contains { block in
            if case .paragraph(let earlier) = block { return opensByHandling(earlier.text) }
            return false
        }
        if remedied, lastWords.contains(where: Prose.possibilityWords.contains) { return false }
        return Prose.assertsHarm(last) && !Prose.asksQuestion(last) && !Prose.saysHandled(last) && !Prose.saysAccepted(last)
            && !Prose.turnsAgainstRisk(last)
    }

    /// True for a paragraph opening as a remark on what came before ("Note that …").
    private static func remarksOnIt(_ text: String) -> Bool {
        let words = Prose.words(text)
        return words.starts(with: ["note", "that"]) || words.starts(with: ["please", "note"])
    }

    /// True for a risk named by a short title with nothing said about it (`- Upgrades`).
    private static func isBareTitle(_ risk: Risk) -> Bool {
        Prose.isTitle(risk.text) && risk.attached.allSatisfy { $0.trimmingWhitespace.isEmpty }
    }

    /// True for a statement of what can happen (`Providers can prevent …`), not a question.
    private static func saysWhatCanHappen(_ text: String) -> Bool {
        !Prose.asksQuestion(text) && Prose.words(text).contains("can")
    }

    /// True when the paragraph's last sentence announces what follows ("Here is an example of
    /// potential problems and ways to deal with them."): an introduction, not a risk.
    private static func pointsAhead(_ text: String) -> Bool {
        let sentences = Prose.sentences(text)
        guard let last = sentences.last else { return false }
        let words = Prose.words(last)
        return words.starts(with: ["here", "is"]) || words.starts(with: ["here", "are"])
            || words.starts(with: ["below"]) || words.suffix(2).elementsEqual(["as", "follows"])
            || (sentences.count == 1 && announcesRisks(last))
    }

    /// A titled risk: a bold label over its description (`**User experience**: …`, not a bold
    /// question), or a paragraph all in bold that tells a risk over the paragraphs that tell and
    /// handle it (`**Pods not bound yet are not visible to the autoscaler**`).
    private static func titlesRisk(_ text: InlineText) -> Bool {
        if let label = text.strongLabel { return !label.hasSuffix("?") }
        return text.isStrongOnly && Prose.describesRisk(text.text) && !Prose.saysHandled(text.text)
    }

    /// "Running it in the CI does pose additional risks, however.", "The risks for this feature
    /// are two-fold: technical and non-technical.": a sentence speaking of risks it does not tell
    /// (ending on them, or sorting them into kinds) announces the ones told after it.
    private static func announcesRisks(_ sentence: String) -> Bool {
        let said = Prose.words(sentence).filter { !["however", "though", "too"].contains($0) }
        guard Prose.riskWords.occurrences(in: said).allSatisfy({ $0.phrase == "risks" }) else { return false }
        if said.last == "risks" { return true }
        // Sorted into kinds after a colon (not "See [KEP-4639: Risks and Mitigations](…)").
        guard let colon = sentence.firstIndex(of: ":") else { return false }
        return Prose.words(String(sentence[..<colon])).contains("risks")
    }

    /// The label a text opens with, normalised: its bold label, or a few words before a colon
    /// (`Risk 1: …`, `Cons: …`).
    private static func label(_ text: InlineText) -> String? {
        if let label = text.strongLabel { return TitleNormalizer.normalize(label) }
        guard let colon = text.text.firstIndex(of: ":"), text.text.distance(from: text.text.startIndex, to: colon) <= 16 else {
            return nil
        }
        return TitleNormalizer.normalize(String(text.text[..<colon]))
    }

    /// `Risk: …`, `**Risk**: …`, `R: …`, and numbered: `Risk 1: …`, `**Risk2**: …`.
    private static func isRiskLabelled(_ text: InlineText) -> Bool {
        label(text).map(isRiskLabel) == true || TextPatterns.value(after: Rule.riskLabels, in: text.text) != nil
    }

    /// `Pros: …`, `**Cons**: …`: an option weighed (a migration path, an alternative), not a risk.
    private static func weighsAnOption(_ text: InlineText) -> Bool {
        label(text).map(["pros", "cons", "pro", "con", "advantages", "disadvantages"].contains) == true
    }

    /// True for a heading that names one risk by its label (`Risk: Increased test cost`).
    static func isRiskTitle(_ title: String) -> Bool {
        guard let colon = title.firstIndex(of: ":") else { return false }
        return isRiskLabel(TitleNormalizer.normalize(String(title[..<colon])))
    }

    /// `risk`, `r`, `risk 1`, `risk2`, `risk #3` (normalised).
    private static func isRiskLabel(_ label: String) -> Bool {
        if label == "r" { return true }
        let words = label.split(separator: " ")
        let number: Substring
        switch words.count {
        case 1 where words[0].hasPrefix("risk"): number = words[0].dropFirst(4)
        case 2 where words[0] == "risk": number = words[1]
        default: return false
        }
        return number.allSatisfy(\.isNumber)
    }

    /// True when the sentence says there are no risks ("There are no major risks to users.",
    /// "Not aware of any security concerns.").
    private static func saysNoRisks(_ sentence: String) -> Bool {
        TextPatterns.saysNone(sentence) && !Set(Prose.words(sentence)).isDisjoint(with: ["risk", "risks", "concern", "concerns"])
    }

    /// True for a title that introduces risks (`Risks in using the beta provider:`).
    private static func introducesRisks(_ text: String) -> Bool {
        Prose.introduces(text) && namesRisk(text)
    }

    /// True when the sentence says "risk" ("…, there is also a risk that …"): it tells a risk.
    static func namesRisk(_ sentence: String) -> Bool {
        !Set(Prose.words(sentence)).isDisjoint(with: ["risk", "risks"])
    }

    /// A sentence that handles or accepts every item at once ("Both scenarios are unlikely").
    private static func sentenceAboutAll(in text: String) -> String? {
        Prose.sentences(text).first { sentence in
            let words = Prose.words(sentence)
            let aboutAll = words.contains("both") || words.contains("either")
                || words.first.map { ["all", "each"].contains($0) } ?? false
                || zip(words, words.dropFirst()).contains { ["these", "those"].contains($0.0) && ["risks", "scenarios", "cases", "issues"].contains($0.1) }
            return aboutAll && (Prose.saysHandled(sentence) || Prose.saysAccepted(sentence))
        }
    }

    /// True when a paragraph opens by handling or accepting a risk rather than telling one
    /// ("We do not believe this is a problem because …"): it speaks for the risk before it.
    private static func opensByHandling(_ text: String) -> Bool {
        guard Prose.saysHandled(text) || Prose.saysAccepted(text), let first = Prose.sentences(text).first else { return false }
        if Prose.saysAccepted(first) || Prose.refersBack(first) || opensWithPurpose(first) { return true }
        // A new risk, whatever the paragraph goes on to say.
        if namesRisk(first) { return false }
        if Prose.saysHandled(first) { return true }
        if Prose.describesRisk(first), !deniesHarm(first) { return false }
        // "Not to be discounted is churn. We disrupted … The mitigation is …": harm told before
        // the handling is a risk of the paragraph's own.
        let sentences = Prose.sentences(text)
        let handling = sentences.firstIndex { Prose.saysHandled($0) || Prose.saysAccepted($0) } ?? sentences.endIndex
        return !sentences.prefix(handling).dropFirst().contains { Prose.namesHarm($0) && !Prose.negates($0) }
    }

    /// True when a paragraph says the risk is still under study and no later paragraph opens
    /// with its mitigation or by denying the concern ("In practice this is not really a concern
    /// since …").
    private static func endsUnderStudy(_ paragraphs: [String]) -> Bool {
        guard let study = paragraphs.lastIndex(where: Prose.saysUnderStudy) else { return false }
        return !paragraphs[(study + 1)...].contains { paragraph in
            let opensDenying = deniesHarm(Prose.sentences(paragraph).first ?? "") && opensByHandling(paragraph)
            return opensDenying || (opensWithMitigation(paragraph) && Prose.saysHandled(paragraph))
        }
    }

    /// True for a sentence that names harm only to deny it ("this is not really a concern").
    private static func deniesHarm(_ sentence: String) -> Bool {
        Prose.describesRisk(sentence) && Prose.negates(sentence) && !Prose.assertsHarm(sentence)
    }

    /// True for a sentence opening with the purpose of handling ("To mitigate the risks, a thorough
    /// review …", "To address that, …"): it handles what came before, even when it names risks.
    private static func opensWithPurpose(_ sentence: String) -> Bool {
        let words = Prose.words(sentence)
        return words.count > 1 && words[0] == "to" && Prose.handlingInstructions.contains(words[1])
    }

    /// The paragraph up to its last sentence that handles a risk, and the risk told after it,
    /// if any ("… Documentation solves this. The design may also create many objects.").
    private static func splitAfterHandling(_ text: String) -> (told: String, after: String?) {
        let sentences = Prose.sentences(text)
        guard let last = sentences.lastIndex(where: { Prose.saysHandled($0) || Prose.saysAccepted($0) }),
              last + 1 < sentences.count else { return (text, nil) }
        let after = sentences[(last + 1)...].joined(separator: " ")
        guard Prose.namesHarm(after), !Prose.negates(after) else { return (text, nil) }
        return (sentences[...last].joined(separator: " "), after)
    }

    /// True when the paragraph opens with what the authors do ("We propose …", "To limit this,
    /// …", "This is why …"), not with another statement ("Ensuring that we do not prevent …").
    private static func answersAsAuthors(_ text: String) -> Bool {
        let first = Prose.sentences(text).first ?? ""
        return Prose.words(first).first == "we" || opensWithPurpose(first) || Prose.refersBack(first)
    }

    /// True when the paragraph's first sentence is about the mitigation ("The mitigation currently is …").
    private static func opensWithMitigation(_ text: String) -> Bool {
        Prose.words(Prose.sentences(text).first ?? "").contains { $0.hasPrefix("mitigat") }
    }

    /// "Mitigation involves", "Mitigations": a line with no full stop that opens with the
    /// mitigation leads into the list of them.
    private static func leadsIntoMitigations(_ text: String) -> Bool {
        Prose.isTitle(text) && Prose.words(text).first?.hasPrefix("mitigat") == true
    }

    /// "All of these are mitigated by …": a paragraph about every risk of the list before it.
    private static func refersToAll(_ text: String) -> Bool {
        let words = Set(Prose.words(text))
        return !words.isDisjoint(with: ["these", "those", "all", "both", "above", "each", "either"])
    }
}
