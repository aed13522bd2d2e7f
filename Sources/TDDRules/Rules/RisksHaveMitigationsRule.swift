import TDDMarkdown

/// Every risk in the Risks section has a mitigation.
public struct RisksHaveMitigationsRule: Rule {
    public static let description = RuleDescription(
        id: "risks-have-mitigations",
        summary: "every risk has a mitigation",
        description: """
            A risk without a plan is a surprise waiting to happen. The section is found by alias \
            (Risks and Mitigation Strategies, Risks & Mitigations, Risks, Risk Assessment). \
            Accepted forms: a table with a risk column and a mitigation column (Mitigation, \
            Mitigation Plan, Mitigation Strategy, Response, Contingency), each row with a real \
            mitigation (not empty, `-`, `?`, `TBD`, `TODO`, `N/A`); a list of risks, each with \
            `Mitigation:` (or `Mitigated by`, `Mitigation plan:`, `Answer:`, `A:`) inline or in a \
            nested item, or prose saying how it is mitigated ("mitigated by …", not "cannot be \
            mitigated"); `- R: …` items each followed by an `- M: …` item; `Risk:`/`Mitigation:` \
            paragraph pairs; a sub-heading per risk with a mitigation label, a Mitigation \
            sub-heading or prose saying how it is mitigated; and the standard template's **Potential \
            Risks** / **Mitigation Plans** fields, paired by id (`R1`, `Risk 1`) or by order. A \
            risk table without a mitigation column is one finding; a section in prose only gets \
            one warning; an empty section, or one saying there are none, is one finding unless \
            `allowNone` is set and it says so explicitly.
            """,
        defaultSeverity: .error,
        options: [RuleOption("allowNone", default: .bool(false),
                             "accept a Risks section that states there are none (\"No known risks\", \"None\")")],
        passingExamples: [
            """
            # Cache
            ## Risks & Mitigations
            | Risk | Impact | Mitigation |
            | --- | --- | --- |
            | Stale reads | Wrong prices | Short TTLs |

            - Risk: cold start
              - Mitigation: a warmer job
            - Thundering herd. Mitigated by: request coalescing.
            - Hot keys. This is mitigated by local caching.
            - R: eviction storms
            - M: jittered TTLs
            """,
            """
            <!-- profile: standard -->
            # Cache
            ## 10. Risks & Mitigation Strategies
            - **Potential Risks:**
              - R1: stale reads
              - R2: cold start
            - **Mitigation Plans:**
              - R2: warmer job
              - R1: short TTLs
            """,
            "<!-- option: allowNone=true -->\n# Cache\n## Risks\nNo known risks.\n",
        ],
        failingExamples: [
            """
            # Cache
            ## Risks
            | Risk | Mitigation |
            | --- | --- |
            | Stale reads | TBD | ↓
            | Cold start | warmer |

            - Risk: memory pressure ↓
            - Risk: eviction storms
              - Mitigation: jittered TTLs
            - Hot keys. This cannot be mitigated. ↓
            - R: cold start ↓
            - M: TBD
            """,
            """
            # Cache
            ## Risks
            | Risk | Impact | ↓
            | --- | --- |
            | Stale reads | High |
            """,
            "# Cache\n## Risks ↓\nNone.\n",
            """
            <!-- profile: standard -->
            # Cache
            ## Risks & Mitigation Strategies
            - **Potential Risks:**
              - Stale reads
              - Cold start ↓
            - **Mitigation Plans:**
              - Short TTLs
            """,
        ])

    static let mitigationLabels = ["mitigation plan", "mitigation strategy", "mitigations", "mitigation", "mitigated by",
                                   "mitigate", "m", "response", "contingency", "缓解", "缓解措施", "对策"]
    static let riskLabels = ["risk", "r"]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        guard let section = context.section(for: .risks) else { return [] }
        let title = section.title
        let visible = section.blocks.filter { !$0.isInvisible }
        let allowNone = context.options.bool("allowNone", default: false)
        if visible.isEmpty && section.subsections.isEmpty {
            return [Violation("no risks identified: list each risk with its mitigation", at: section.location, section: title)]
        }
        if section.subsections.isEmpty, visible.allSatisfy({ if case .paragraph = $0 { return true } else { return false } }) {
            let text = visible.map(\.plainText).joined(separator: " ")
            if TextPatterns.saysNone(text) {
                return allowNone ? [] : [Violation("the section says there are no risks; name the risks you considered, or set `allowNone: true` for this rule",
                                                   at: section.location, section: title)]
            }
            if TextPatterns.isUndecided(text) {
                return [Violation("no risks identified: list each risk with its mitigation", at: section.location, section: title)]
            }
        }

        var violations: [Violation] = []
        var structured = false
        if let pair = Self.templatePair(visible) {
            structured = true
            violations += Self.pairByID(risks: pair.risks, mitigations: pair.mitigations, section: title)
        } else {
            var openRisk: InlineText?
            for block in visible {
                switch block {
                case .table(let table):
                    structured = true
                    violations += Self.check(table, section: title)
                case .list(let list):
                    structured = true
                    for (index, item) in list.items.enumerated() {
                        // `- R: …` followed by `- M: …`: the mitigation is the next item.
                        if Self.mitigationItemValue(item) != nil { continue }
                        let next = list.items.indices.contains(index + 1) ? list.items[index + 1] : nil
                        let nextMitigates = next.flatMap(Self.mitigationItemValue).map { !TextPatterns.isUndecided($0) } ?? false
                        if Self.isMitigated(item) || nextMitigates { continue }
                        guard let lead = item.lead, !TextPatterns.saysNone(lead.text) else { continue }
                        violations.append(Self.missing(lead.text, at: item.location, section: title))
                    }
                case .paragraph(let text):
                    if TextPatterns.value(after: Self.mitigationLabels, in: text.text) != nil {
                        openRisk = nil
                    } else if TextPatterns.value(after: Self.riskLabels, in: text.afterLabel) != nil
                                || TextPatterns.value(after: Self.riskLabels, in: text.text) != nil {
                        structured = true
                        if let open = openRisk { violations.append(Self.missing(open.text, at: open.location, section: title)) }
                        openRisk = Self.hasMitigation(text.text) ? nil : text
                    }
                default:
                    continue
                }
            }
            if let open = openRisk { violations.append(Self.missing(open.text, at: open.location, section: title)) }
        }
        for risk in section.subsections {
            structured = true
            let body = risk.allSections.flatMap { $0.blocks.map(\.plainText) }.joined(separator: "\n")
            let mitigatedHeading = risk.subsections.contains { $0.normalizedTitle.contains("mitigat") }
            if !mitigatedHeading && !Self.hasMitigation(body) {
                violations.append(Self.missing(risk.title, at: risk.location, section: title))
            }
        }
        if !structured {
            return [Violation("risks are written in prose, so they cannot be paired with mitigations: list each risk with its mitigation",
                              at: section.location, section: title, severity: .warning)]
        }
        return violations
    }

    static func missing(_ risk: String, at location: SourceLocation, section: String) -> Violation {
        Violation("risk has no mitigation: \"\(TextPatterns.excerpt(risk))\"; add `Mitigation: …`", at: location, section: section)
    }

    /// Labels that answer a risk written as a question (the Q&A style some Risks sections use).
    static let answerLabels = ["answer", "a", "workaround"]

    /// Whether `text` gives a mitigation: a label with text after it, an arrow to one, or
    /// prose that says how the risk is mitigated ("This is mitigated by …").
    static func hasMitigation(_ text: String) -> Bool {
        let labels = mitigationLabels.filter { $0 != "m" } + answerLabels
        if let value = TextPatterns.value(afterAnywhere: labels, in: text) { return !TextPatterns.isUndecided(value) }
        if text.contains("→") { return !TextPatterns.isUndecided(String(text.split(separator: "→").last ?? "")) }
        return saysMitigated(text)
    }

    /// Prose naming a mitigation, and not saying there is none.
    static func saysMitigated(_ text: String) -> Bool {
        let lower = text.lowercased()
        let negations = ["cannot be mitigated", "can't be mitigated", "not be mitigated", "no mitigation", "not mitigated"]
        return lower.contains("mitigat") && !negations.contains { lower.contains($0) }
    }

    /// The text of an item that is itself a mitigation (`- M: …`, `- Mitigation: …`) of the item before.
    static func mitigationItemValue(_ item: ListItem) -> String? {
        item.lead.flatMap { TextPatterns.value(after: mitigationLabels, in: $0.text) }
    }

    static func isMitigated(_ item: ListItem) -> Bool {
        if let lead = item.lead, hasMitigation(lead.text) { return true }
        return item.children.contains { child in
            guard let text = child.lead?.text else { return false }
            if let value = TextPatterns.value(after: mitigationLabels, in: text) { return !TextPatterns.isUndecided(value) }
            return hasMitigation(child.fullText)
        }
    }

    static func check(_ table: Table, section: String) -> [Violation] {
        let columns = table.columnNames.map(TitleNormalizer.normalize)
        guard let mitigation = columns.firstIndex(where: { column in
            column.contains("mitigat") || ["response", "contingency", "缓解措施", "对策", "缓解"].contains(column)
        }) else {
            return [Violation("risk table has no mitigation column: add a `Mitigation` column", at: table.location, section: section)]
        }
        return table.rows.compactMap { row in
            if row.cells.allSatisfy({ TextPatterns.isUndecided($0.text.text) }) { return nil }
            guard TextPatterns.isUndecided(row.text(at: mitigation)) else { return nil }
            let risk = row.text(at: mitigation == 0 ? 1 : 0)
            return missing(risk, at: row.location, section: section)
        }
    }

    /// The standard template's `**Potential Risks:**` and `**Mitigation Plans:**` items.
    static func templatePair(_ blocks: [Block]) -> (risks: [InlineText], mitigations: [InlineText])? {
        var risks: [InlineText]?
        var mitigations: [InlineText]?
        for case .list(let list) in blocks {
            for item in list.items {
                guard let label = item.lead?.strongLabel.map(TitleNormalizer.normalize) else { continue }
                let parts = item.children.isEmpty
                    ? (item.lead.map { $0.afterLabel.isEmpty ? [] : [InlineText(text: $0.afterLabel, location: $0.location)] } ?? [])
                    : item.children.compactMap(\.lead)
                if label.hasPrefix("potential risk") || label == "risks" { risks = parts }
                if label.hasPrefix("mitigation") { mitigations = parts }
            }
        }
        guard let risks else { return nil }
        return (risks, mitigations ?? [])
    }

    /// Pairs risks with mitigations by id (`R1`, `Risk 1`) when every risk has one, else by order.
    static func pairByID(risks: [InlineText], mitigations: [InlineText], section: String) -> [Violation] {
        let real = mitigations.filter { !TextPatterns.isUndecided($0.afterLabel) }
        let riskIDs = risks.map { id(in: $0.text) }
        if riskIDs.allSatisfy({ $0 != nil }) {
            let mitigated = Set(real.compactMap { id(in: $0.text) })
            return zip(risks, riskIDs).compactMap { risk, id in
                mitigated.contains(id ?? "") ? nil : missing(risk.text, at: risk.location, section: section)
            }
        }
        return risks.dropFirst(real.count).map { missing($0.text, at: $0.location, section: section) }
    }

    /// `R1`, `R-001`, `Risk 1` at the start of a text, normalized to its number.
    static func id(in text: String) -> String? {
        let words = TitleNormalizer.normalize(text).split(separator: " ")
        guard let first = words.first else { return nil }
        if first == "risk", words.count > 1, let number = Int(words[1]) { return String(number) }
        if first.hasPrefix("r"), let number = Int(first.dropFirst()) { return String(number) }
        if first == "r", words.count > 1, let number = Int(words[1]) { return String(number) }
        return nil
    }
}
