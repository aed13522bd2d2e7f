import CCmarkGFM
import Synchronization

/// Registers cmark-gfm's extensions once per process.
private let extensionsRegistered: Bool = {
    cmark_gfm_core_extensions_ensure_registered()
    return true
}()

/// cmark-gfm 0.29 adds each extension's special characters to a process-wide table when a
/// parse reaches its inlines and removes them when it is done: two parses at once would see
/// each other's table. cmark's own work runs under this lock; converting its tree does not.
private let cmarkLock = Mutex(())

/// Converts cmark-gfm's tree into the immutable model. All cmark memory is freed before
/// `parse` returns; nesting deeper than `maxDepth` is not descended into.
struct MarkdownParser {
    struct Tree {
        var preamble: [Block]
        var sections: [Section]
        var comments: [HTMLComment]
    }

    static let maxDepth = 64

    let source: SourceText
    private(set) var comments: [HTMLComment] = []
    /// Node kinds by cmark's numeric node type, filled as types are met.
    private var kinds: [UInt32: NodeKind] = [:]

    /// The model of `source`; with `keepsBlocks`, only the preamble, the first section and
    /// the sections whose normalized title it accepts (with their subsections) get their
    /// blocks and comments, the others only their headings.
    static func parse(_ source: SourceText, keepsBlocks: ((String) -> Bool)? = nil) -> Tree {
        precondition(extensionsRegistered)
        guard let root = cmarkTree(source.body) else {
            return Tree(preamble: [], sections: [], comments: [])
        }
        defer { cmark_node_free(root) }
        var converter = MarkdownParser(source: source)
        return converter.tree(root, keepsBlocks: keepsBlocks)
    }

    /// cmark-gfm's tree of `body`, with the table, task list and strikethrough extensions;
    /// the caller frees it.
    private static func cmarkTree(_ body: [UInt8]) -> OpaquePointer? {
        cmarkLock.withLock { _ -> OpaquePointer? in
            guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8) else { return nil }
            defer { cmark_parser_free(parser) }
            for name in ["table", "tasklist", "strikethrough"] {
                if let ext = cmark_find_syntax_extension(name) {
                    cmark_parser_attach_syntax_extension(parser, ext)
                }
            }
            body.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.map { base in
                    base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                        cmark_parser_feed(parser, $0, buffer.count)
                    }
                }
            }
            return cmark_parser_finish(parser)
        }
    }

    // MARK: - Sections

    private final class SectionBuilder {
        let title: InlineText
        let normalizedTitle: String
        let level: Int
        /// Whether the blocks under it are converted.
        var keepsBlocks = true
        /// Whether its subsections' blocks are (it was asked for).
        var keepsSubsections = true
        var blocks: [Block] = []
        var subsections: [Section] = []

        init(title: InlineText, level: Int) {
            self.title = title
            self.normalizedTitle = TitleNormalizer.normalize(title.text)
            self.level = level
        }

        func build() -> Section {
            Section(title: title.text, normalizedTitle: normalizedTitle,
                    level: level, location: title.location, blocks: blocks, subsections: subsections)
        }
    }

    private mutating func tree(_ root: OpaquePointer, keepsBlocks: ((String) -> Bool)?) -> Tree {
        var preamble: [Block] = []
        var topLevel: [Section] = []
        var stack: [SectionBuilder] = []

        func close(downTo level: Int) {
            while let last = stack.last, last.level >= level {
                stack.removeLast()
                let section = last.build()
                if let parent = stack.last {
                    parent.subsections.append(section)
                } else {
                    topLevel.append(section)
                }
            }
        }

        var isFirstSection = true
        for node in children(root) {
            if kind(node) == .heading {
                let level = Int(cmark_node_get_heading_level(node))
                close(downTo: level)
                let section = SectionBuilder(title: inline(node, depth: 0), level: level)
                if let keepsBlocks {
                    section.keepsSubsections = stack.last?.keepsSubsections == true || keepsBlocks(section.normalizedTitle)
                    section.keepsBlocks = section.keepsSubsections || isFirstSection
                }
                isFirstSection = false
                stack.append(section)
            } else if stack.last?.keepsBlocks != false, let block = block(node, depth: 0) {
                if let current = stack.last {
                    current.blocks.append(block)
                } else {
                    preamble.append(block)
                }
            }
        }
        close(downTo: 0)
        return Tree(preamble: preamble, sections: topLevel, comments: comments)
    }

    // MARK: - Blocks

    private mutating func block(_ node: OpaquePointer, depth: Int) -> Block? {
        let location = self.location(node)
        switch kind(node) {
        case .paragraph:
            return .paragraph(inline(node, depth: depth))
        case .heading:
            return .heading(inline(node, depth: depth), level: Int(cmark_node_get_heading_level(node)))
        case .list:
            guard depth < Self.maxDepth else { return nil }
            let items = children(node).map { item -> ListItem in
                let task: TaskState? = typeName(item) == "tasklist"
                    ? (cmark_gfm_extensions_get_tasklist_item_checked(item) ? .done : .open)
                    : nil
                return ListItem(location: self.location(item), task: task,
                                blocks: children(item).compactMap { block($0, depth: depth + 1) })
            }
            return .list(ListBlock(location: location,
                                   ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                                   items: items))
        case .table:
            let rows = children(node).map { row in
                Table.Row(location: self.location(row),
                          cells: children(row).map { TableCell(text: inline($0, depth: depth)) })
            }
            guard let header = rows.first else { return nil }
            return .table(Table(location: location, header: header, rows: Array(rows.dropFirst())))
        case .codeBlock:
            return .code(location, literal(node))
        case .htmlBlock:
            let raw = literal(node)
            collectComments(raw, at: location)
            return .html(location, raw)
        case .blockQuote:
            guard depth < Self.maxDepth else { return nil }
            return .quote(location, children(node).compactMap { block($0, depth: depth + 1) })
        case .thematicBreak:
            return .thematicBreak(location)
        default:
            return nil
        }
    }

    // MARK: - Inlines

    private struct Run {
        var text: String
        var struck: Bool
        var emphasised: Bool
    }

    private mutating func inline(_ node: OpaquePointer, depth: Int) -> InlineText {
        var runs: [Run] = []
        collect(node, struck: false, emphasised: false, depth: depth, into: &runs)
        let text = runs.map(\.text).joined()
        let visible = runs.filter { !$0.text.trimmingWhitespace.isEmpty }

        var strongLabel: String?
        var afterLabel: String?
        var strongOnly = false
        let inlineChildren = children(node)
        if let first = inlineChildren.first, kind(first) == .strong {
            var strongRuns: [Run] = []
            // The label's text only: its comments were collected with the paragraph's.
            collect(first, struck: false, emphasised: false, depth: depth, into: &strongRuns, comments: false)
            let strong = strongRuns.map(\.text).joined()
            let strongText = strong.trimmingWhitespace
            let rest = text.dropFirst(strong.count)
            strongOnly = !strongText.isEmpty && rest.trimmingWhitespace.isEmpty
            if strongText.hasSuffix(":") {
                strongLabel = String(strongText.dropLast()).trimmingWhitespace
                afterLabel = rest.trimmingWhitespace
            } else if rest.trimmingWhitespace.hasPrefix(":") {
                strongLabel = strongText
                afterLabel = String(rest.trimmingWhitespace.dropFirst()).trimmingWhitespace
            } else if strongText.hasSuffix("?"), !rest.trimmingWhitespace.isEmpty {
                // `**Question?** Its answer.`
                strongLabel = strongText
                afterLabel = rest.trimmingWhitespace
            }
        }
        return InlineText(
            text: text,
            location: location(node),
            isStruckThrough: !visible.isEmpty && visible.allSatisfy(\.struck),
            startsStruckThrough: visible.first?.struck ?? false,
            isEmphasisOnly: !visible.isEmpty && visible.allSatisfy(\.emphasised),
            isStrongOnly: strongOnly,
            strongLabel: strongLabel,
            afterLabel: afterLabel)
    }

    private mutating func collect(_ node: OpaquePointer, struck: Bool, emphasised: Bool,
                                  depth: Int, into runs: inout [Run], comments collecting: Bool = true) {
        guard depth < Self.maxDepth else { return }
        for child in children(node) {
            switch kind(child) {
            case .text, .code:
                runs.append(Run(text: literal(child), struck: struck, emphasised: emphasised))
            case .softbreak, .linebreak:
                // The author's line breaks stay: an answer on the line after a question reads as its own line.
                runs.append(Run(text: "\n", struck: struck, emphasised: emphasised))
            case .htmlInline:
                if collecting { collectComments(literal(child), at: location(child)) }
            case .strikethrough:
                collect(child, struck: true, emphasised: emphasised, depth: depth + 1, into: &runs, comments: collecting)
            case .emph:
                collect(child, struck: struck, emphasised: true, depth: depth + 1, into: &runs, comments: collecting)
            default:
                collect(child, struck: struck, emphasised: emphasised, depth: depth + 1, into: &runs, comments: collecting)
            }
        }
    }

    // MARK: - Helpers

    private mutating func collectComments(_ raw: String, at location: SourceLocation) {
        let bytes = Array(raw.utf8)
        var line = location.line
        var index = 0
        while let open = Self.find(Self.commentOpen, in: bytes, from: index) {
            line += Self.newlines(in: bytes[index..<open])
            let bodyStart = open + Self.commentOpen.count
            guard let close = Self.find(Self.commentClose, in: bytes, from: bodyStart) else { break }
            let body = bytes[bodyStart..<close]
            let bodyLines = Self.newlines(in: body)
            comments.append(HTMLComment(
                location: SourceLocation(line: line, column: line == location.line ? location.column : 1),
                endLine: line + bodyLines,
                body: String(decoding: body, as: UTF8.self).trimmingWhitespace))
            line += bodyLines
            index = close + Self.commentClose.count
        }
    }

    private static let commentOpen = Array("<!--".utf8)
    private static let commentClose = Array("-->".utf8)

    /// The offset of the first `needle` in `bytes` at or after `start`.
    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var index = start
        while index <= bytes.count - needle.count {
            if bytes[index] == first, bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    private static func newlines(in bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    private func children(_ node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    /// cmark's name for the node's type (`tasklist` for a task item, whose numeric type is an item's).
    private func typeName(_ node: OpaquePointer) -> String {
        cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
    }

    /// The node's kind, by cmark's numeric type: its name is read once per type and parse
    /// (extension types such as tables are numbered when the extension registers).
    private mutating func kind(_ node: OpaquePointer) -> NodeKind {
        let type = cmark_node_get_type(node).rawValue
        if let known = kinds[type] { return known }
        let found = NodeKind(rawValue: typeName(node)) ?? .other
        kinds[type] = found
        return found
    }

    private func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    private func location(_ node: OpaquePointer) -> SourceLocation {
        source.location(bodyLine: Int(cmark_node_get_start_line(node)),
                        byteColumn: Int(cmark_node_get_start_column(node)))
    }
}

/// The kinds of cmark node the model reads, by cmark's type names; anything else is `other`.
enum NodeKind: String {
    case paragraph, heading, list, table, strong, text, code, softbreak, linebreak, strikethrough, emph, other
    case codeBlock = "code_block"
    case htmlBlock = "html_block"
    case blockQuote = "block_quote"
    case thematicBreak = "thematic_break"
    case htmlInline = "html_inline"
}
