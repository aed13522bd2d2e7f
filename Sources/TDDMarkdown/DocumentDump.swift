/// The model as the rules see it, one node per line with its line and column: front matter
/// keys, comments, notices, then the preamble and the section tree with every block, field
/// and inline flag. Stable, so a golden file pins what the parser makes of a document.
extension Document: CustomDebugStringConvertible {
    public var debugDescription: String {
        var dump = DocumentDump()
        dump.line("document lines=\(lineCount)" + (title.map { " title=\(DocumentDump.quoted($0))" } ?? ""))
        for entry in frontMatter?.mapping ?? [] {
            dump.line("front matter \(DocumentDump.quoted(entry.key)) line \(entry.keyLine): \(entry.value.kindName)")
        }
        for comment in comments {
            dump.line("comment \(comment.location.line)-\(comment.endLine) \(DocumentDump.quoted(comment.body))")
        }
        for notice in notices {
            dump.line("notice \(notice.kind) \(DocumentDump.at(notice.location)) \(DocumentDump.quoted(notice.message))")
        }
        if !preamble.isEmpty {
            dump.line("preamble")
            dump.nested { dump in preamble.forEach { dump.block($0) } }
        }
        sections.forEach { dump.section($0) }
        return dump.text
    }
}

/// Writes the outline `Document.debugDescription` returns.
private struct DocumentDump {
    private(set) var text = ""
    private var depth = 0

    mutating func line(_ content: String) {
        text += String(repeating: "  ", count: depth) + content + "\n"
    }

    mutating func nested(_ body: (inout DocumentDump) -> Void) {
        depth += 1
        body(&self)
        depth -= 1
    }

    mutating func section(_ section: Section) {
        line("section \(section.level) \(Self.at(section.location)) \(Self.quoted(section.title))"
             + " normalized=\(Self.quoted(section.normalizedTitle))")
        nested { dump in
            for field in section.fields {
                dump.line("field \(Self.at(field.location)) \(Self.quoted(field.name)) = \(Self.quoted(field.value))")
            }
            section.blocks.forEach { dump.block($0) }
            section.subsections.forEach { dump.section($0) }
        }
    }

    mutating func block(_ block: Block) {
        switch block {
        case .paragraph(let text):
            line("paragraph " + Self.inline(text))
        case .heading(let text, let level):
            line("heading \(level) " + Self.inline(text))
        case .list(let list):
            line("list \(Self.at(list.location)) " + (list.ordered ? "ordered" : "bullet"))
            nested { dump in list.items.forEach { dump.item($0) } }
        case .table(let table):
            line("table \(Self.at(table.location)) " + Self.cells(table.header))
            nested { dump in
                for row in table.rows { dump.line("row \(Self.at(row.location)) " + Self.cells(row)) }
            }
        case .code(let location, let code):
            line("code \(Self.at(location)) \(Self.quoted(code))")
        case .html(let location, let raw):
            line("html \(Self.at(location)) \(Self.quoted(raw))" + (block.isInvisible ? " invisible" : ""))
        case .quote(let location, let blocks):
            line("quote \(Self.at(location))")
            nested { dump in blocks.forEach { dump.block($0) } }
        case .thematicBreak(let location):
            line("break \(Self.at(location))")
        }
    }

    private mutating func item(_ item: ListItem) {
        let task: String
        switch item.task {
        case .open?: task = " [ ]"
        case .done?: task = " [x]"
        case nil: task = ""
        }
        line("item \(Self.at(item.location))" + task)
        nested { dump in item.blocks.forEach { dump.block($0) } }
    }

    static func at(_ location: SourceLocation) -> String { "\(location.line):\(location.column)" }

    static func inline(_ text: InlineText) -> String {
        var flags: [String] = []
        if text.isStruckThrough { flags.append("struck") } else if text.startsStruckThrough { flags.append("starts-struck") }
        if text.isEmphasisOnly { flags.append("emphasis") }
        if text.isStrongOnly { flags.append("strong") }
        if let label = text.strongLabel { flags.append("label=" + quoted(label)) }
        return "\(at(text.location)) \(quoted(text.text))" + flags.map { " " + $0 }.joined()
    }

    static func cells(_ row: Table.Row) -> String {
        "[" + row.cells.map { quoted($0.text.text) }.joined(separator: " | ") + "]"
    }

    /// The text in double quotes, with quotes, backslashes and line breaks escaped.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default: result.append(character)
            }
        }
        return result + "\""
    }
}
