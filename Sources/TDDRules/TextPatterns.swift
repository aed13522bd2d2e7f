import TDDMarkdown

/// Text tests shared by the rules: placeholders, "none" statements, labels.
enum TextPatterns {
    /// Words that mean "not decided yet" when they are all a text says.
    static let undecided: Set<String> = ["tbd", "tba", "todo", "to be determined", "to be decided", "fixme", "xxx", "pending", "wip"]

    /// Statements that there is nothing to list ("None", "N/A", "No open questions").
    static func saysNone(_ text: String) -> Bool {
        let normalized = TitleNormalizer.normalize(text)
        if ["none", "n a", "na", "nothing", "not applicable", "none so far", "none yet", "none known",
            "none at this time", "none at the moment", "none currently", "currently none", "none as of yet",
            "none as of now", "there are none", "no known risks", "no risks", "no significant risks",
            "no open questions", "no unresolved questions", "no questions"].contains(normalized) {
            return true
        }
        return normalized.hasPrefix("none ") || normalized.hasPrefix("n a ")
            || normalized.hasPrefix("there are no ") || normalized.hasPrefix("no open questions")
            || normalized.hasPrefix("no known ") || normalized.hasPrefix("no unresolved")
            || normalized.hasPrefix("the author has no open questions")
            || normalized.hasPrefix("not aware of any ") || normalized.hasPrefix("we are not aware of any ")
    }

    /// True when `text` contains the lowercase ASCII `needle`, ignoring ASCII case: one pass
    /// over the bytes, no lowercased copy of the text.
    static func containsIgnoringCase(_ text: String, _ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return true }
        let bytes = Array(text.utf8)
        guard bytes.count >= pattern.count else { return false }
        func lower(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte + 0x20 : byte }
        for start in 0...(bytes.count - pattern.count) where lower(bytes[start]) == first {
            if (1..<pattern.count).allSatisfy({ lower(bytes[start + $0]) == pattern[$0] }) { return true }
        }
        return false
    }

    /// True when the text says nothing yet: empty, `-`, `?`, `TBD`, `TODO`, `N/A`.
    static func isUndecided(_ text: String) -> Bool {
        let trimmed = text.trimmingWhitespace
        if trimmed.isEmpty || ["-", "--", "?", "—", "…", "..."].contains(trimmed) { return true }
        let normalized = TitleNormalizer.normalize(trimmed)
        return normalized.isEmpty || undecided.contains(normalized) || normalized == "n a" || normalized == "na"
    }

    /// The text after `label:` when the text starts with one of `labels` (any case, bold or
    /// not, also `Label -` / `Label →` unless `separators` says otherwise), trimmed; nil otherwise.
    static func value(after labels: [String], in text: String,
                      separators: Set<Character> = [":", "-", "→", "："]) -> String? {
        let trimmed = text.trimmingWhitespace
        let lower = trimmed.lowercased()
        for label in labels where lower.hasPrefix(label) {
            var rest = lower.dropFirst(label.count)
            // `**Answer**:`, `[Solution] :`: emphasis, a bracket and spaces before the separator.
            while let next = rest.first, "*_] ".contains(next) { rest = rest.dropFirst() }
            guard let separator = rest.first, separators.contains(separator) else { continue }
            return String(trimmed.suffix(rest.count - 1)).trimmingWhitespace
        }
        return nil
    }

    /// A short quote of `text` for messages.
    static func excerpt(_ text: String, limit: Int = 60) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingWhitespace
        return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
    }
}

/// Every visible text of a document with the section it is in.
struct TextWalk {
    struct Item {
        let text: InlineText
        let section: Section?
        /// The item is a table cell (not a whole paragraph or list item).
        let isCell: Bool
    }

    static func items(_ document: Document) -> [Item] {
        var result = blocksItems(document.preamble, section: nil)
        for section in document.allSections {
            result += blocksItems(section.blocks, section: section)
        }
        return result
    }

    private static func blocksItems(_ blocks: [Block], section: Section?) -> [Item] {
        blocks.flatMap { block -> [Item] in
            switch block {
            case .paragraph(let text), .heading(let text, _):
                return [Item(text: text, section: section, isCell: false)]
            case .list(let list):
                return list.items.flatMap { blocksItems($0.blocks, section: section) }
            case .quote(_, let inner):
                return blocksItems(inner, section: section)
            case .table(let table):
                return table.rows.flatMap { $0.cells.map { Item(text: $0.text, section: section, isCell: true) } }
            case .code, .html, .thematicBreak:
                return []
            }
        }
    }
}
