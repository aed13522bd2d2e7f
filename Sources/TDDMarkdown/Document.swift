/// A position in the original file: 1-based line and column (column in Unicode scalars).
public struct SourceLocation: Sendable, Hashable, Comparable {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int = 1) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// A run of inline content flattened to plain text, with what the rules need to know about
/// its markup.
public struct InlineText: Sendable, Hashable {
    /// The text without markup; line breaks, soft or hard, are newlines.
    public let text: String
    public let location: SourceLocation
    /// Every non-blank character is inside `~~strikethrough~~`.
    public let isStruckThrough: Bool
    /// The text starts with a struck-through run.
    public let startsStruckThrough: Bool
    /// Every non-blank character is inside emphasis (`_like this_`).
    public let isEmphasisOnly: Bool
    /// The whole text is one strong emphasis (`**like this**`): a bold title.
    public let isStrongOnly: Bool
    /// The label of a leading `**Label:**` (or `**Label**:`), without the colon, or a leading
    /// bold question followed by text (`**Question?** Answer.`), with its question mark.
    public let strongLabel: String?
    /// The text after a leading strong label, trimmed; the whole text when there is none.
    public let afterLabel: String

    public init(text: String, location: SourceLocation, isStruckThrough: Bool = false,
                startsStruckThrough: Bool = false, isEmphasisOnly: Bool = false, isStrongOnly: Bool = false,
                strongLabel: String? = nil, afterLabel: String? = nil) {
        self.text = text
        self.location = location
        self.isStruckThrough = isStruckThrough
        self.startsStruckThrough = startsStruckThrough
        self.isEmphasisOnly = isEmphasisOnly
        self.isStrongOnly = isStrongOnly
        self.strongLabel = strongLabel
        self.afterLabel = afterLabel ?? text.trimmingWhitespace
    }
}

extension InlineText {
    /// Where `fragment` starts in the text: the line of its first occurrence, or the text's own
    /// location when it does not occur.
    public func location(of fragment: String) -> SourceLocation {
        guard let start = text.range(of: fragment)?.lowerBound else { return location }
        let breaks = text[..<start].utf8.count { $0 == UInt8(ascii: "\n") }
        return breaks == 0 ? location : SourceLocation(line: location.line + breaks)
    }
}

/// The state of a GFM task item.
public enum TaskState: Sendable, Hashable {
    case open
    case done
}

/// A list item: its own blocks (paragraphs, nested lists, …) and task state.
public struct ListItem: Sendable, Hashable {
    public let location: SourceLocation
    public let task: TaskState?
    public let blocks: [Block]

    /// The item's first paragraph (or heading), if it starts with one.
    public var lead: InlineText? {
        switch blocks.first {
        case .paragraph(let text)?: return text
        case .heading(let text, _)?: return text
        default: return nil
        }
    }

    /// Nested list items, one level down.
    public var children: [ListItem] {
        blocks.flatMap { block -> [ListItem] in
            if case .list(let list) = block { return list.items }
            return []
        }
    }

    /// Nested list items at every depth, in document order.
    public var descendants: [ListItem] {
        children.flatMap { [$0] + $0.descendants }
    }

    /// All text of the item, nested content included.
    public var fullText: String { blocks.map(\.plainText).joined(separator: "\n") }
}

/// A bullet or ordered list.
public struct ListBlock: Sendable, Hashable {
    public let location: SourceLocation
    public let ordered: Bool
    public let items: [ListItem]
}

/// A table cell.
public struct TableCell: Sendable, Hashable {
    public let text: InlineText
}

/// A GFM table: header cells and body rows.
public struct Table: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public let location: SourceLocation
        public let cells: [TableCell]

        /// The plain text of the cell at `index`, or "" when the row is short.
        public func text(at index: Int) -> String {
            index < cells.count ? cells[index].text.text.trimmingWhitespace : ""
        }
    }

    public let location: SourceLocation
    public let header: Row
    public let rows: [Row]

    /// Header cell texts, trimmed.
    public var columnNames: [String] { header.cells.map { $0.text.text.trimmingWhitespace } }
}

/// A block of a section's body.
public indirect enum Block: Sendable, Hashable {
    case paragraph(InlineText)
    case list(ListBlock)
    case table(Table)
    /// A fenced or indented code block.
    case code(SourceLocation, String)
    /// An HTML block (comments included), raw.
    case html(SourceLocation, String)
    case quote(SourceLocation, [Block])
    case thematicBreak(SourceLocation)
    /// A heading that does not open a section (inside a list or quote).
    case heading(InlineText, level: Int)

    public var location: SourceLocation {
        switch self {
        case .paragraph(let text), .heading(let text, _): return text.location
        case .list(let list): return list.location
        case .table(let table): return table.location
        case .code(let location, _), .html(let location, _), .quote(let location, _),
             .thematicBreak(let location):
            return location
        }
    }

    /// The block's text without markup; HTML blocks give "".
    public var plainText: String {
        switch self {
        case .paragraph(let text), .heading(let text, _): return text.text
        case .list(let list): return list.items.map(\.fullText).joined(separator: "\n")
        case .table(let table):
            return ([table.header] + table.rows)
                .map { $0.cells.map(\.text.text).joined(separator: " | ") }
                .joined(separator: "\n")
        case .code(_, let text): return text
        case .quote(_, let blocks): return blocks.map(\.plainText).joined(separator: "\n")
        case .html, .thematicBreak: return ""
        }
    }

    /// True for blocks that carry no content a reader sees (HTML comments, rules).
    public var isInvisible: Bool {
        switch self {
        case .html(_, let raw): return raw.trimmingWhitespace.hasPrefix("<!--")
        case .thematicBreak: return true
        default: return false
        }
    }
}

/// A heading and everything up to the next heading of the same or a higher level.
public struct Section: Sendable, Hashable {
    /// The heading text without markup, as written (numbering included).
    public let title: String
    /// The title as the policy compares it (see `TitleNormalizer`).
    public let normalizedTitle: String
    public let level: Int
    public let location: SourceLocation
    /// Blocks before the first sub-section.
    public let blocks: [Block]
    public let subsections: [Section]

    /// This section and all sections below it, in document order.
    public var allSections: [Section] {
        var all: [Section] = []
        appendAll(to: &all)
        return all
    }

    private func appendAll(to all: inout [Section]) {
        all.append(self)
        for section in subsections { section.appendAll(to: &all) }
    }

    /// The visible blocks of the section and of its sub-sections, in document order.
    public var visibleContent: [Block] {
        allSections.flatMap { $0.blocks.filter { !$0.isInvisible } }
    }

    /// True when neither the section nor its sub-sections have visible content.
    public var isEmpty: Bool {
        blocks.allSatisfy(\.isInvisible) && subsections.allSatisfy(\.isEmpty)
    }
}

/// A comment in the document (`<!-- … -->`), with the line it starts on.
public struct HTMLComment: Sendable, Hashable {
    public let location: SourceLocation
    /// The line the comment ends on.
    public let endLine: Int
    /// The text between `<!--` and `-->`, trimmed.
    public let body: String
}

/// Something about the input itself worth reporting (invalid UTF-8, bad front matter).
public struct InputNotice: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case invalidUTF8
        case invalidFrontMatter
    }

    public let kind: Kind
    public let message: String
    public let location: SourceLocation
}

/// A parsed design document: front matter, the section tree and its comments.
public struct Document: Sendable {
    public let frontMatter: YAMLNode?
    /// Blocks before the first heading.
    public let preamble: [Block]
    /// Top-level sections (each may hold sub-sections).
    public let sections: [Section]
    public let comments: [HTMLComment]
    public let notices: [InputNotice]
    /// Number of lines in the file.
    public let lineCount: Int

    public init(frontMatter: YAMLNode?, preamble: [Block], sections: [Section],
                comments: [HTMLComment], notices: [InputNotice], lineCount: Int) {
        self.frontMatter = frontMatter
        self.preamble = preamble
        self.sections = sections
        self.allSections = sections.flatMap(\.allSections)
        self.comments = comments
        self.notices = notices
        self.lineCount = lineCount
    }

    /// Every section, depth first, in document order.
    public let allSections: [Section]

    /// The front matter `title`, else the first level-1 heading.
    public var title: String? {
        if let title = frontMatter?["title"]?.scalar, !title.isEmpty { return title }
        return allSections.first { $0.level == 1 }?.title
    }

    /// Where a finding about the whole document goes: its first level-1 heading, else line 1.
    public var titleLocation: SourceLocation {
        allSections.first { $0.level == 1 }?.location ?? SourceLocation(line: 1)
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space.
    public var trimmingWhitespace: String {
        // Most text starts and ends with an ASCII letter: nothing to trim.
        let string = String(self)
        if let first = string.utf8.first, let last = string.utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return string
        }
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(self[start...last])
    }
}
