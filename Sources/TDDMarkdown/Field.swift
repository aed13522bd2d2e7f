/// A named part of a section: a `**Label:**` item or paragraph, or a sub-heading (SPEC §3).
public struct Field: Sendable, Hashable {
    public let name: String
    public let normalizedName: String
    public let location: SourceLocation
    /// The field's content as plain text: what follows the label, nested items and
    /// following paragraphs, or a sub-section's body.
    public let value: String
    /// The content blocks one by one (the label's own text first, when it has any).
    public let parts: [InlineText]
}

extension Section {
    /// The section's fields in document order: labelled items and paragraphs, then
    /// sub-sections.
    public var fields: [Field] {
        var result: [Field] = []
        var pending: (label: InlineText, name: String, parts: [InlineText])?

        func flush() {
            if let field = pending {
                result.append(Self.field(field.name, at: field.label.location, parts: field.parts))
            }
            pending = nil
        }

        for block in blocks {
            switch block {
            case .list(let list):
                flush()
                for item in list.items {
                    guard let lead = item.lead, let label = lead.strongLabel else { continue }
                    var parts = lead.afterLabel.isEmpty ? [] : [InlineText(text: lead.afterLabel, location: lead.location,
                                                                           isEmphasisOnly: lead.isEmphasisOnly)]
                    parts += item.blocks.dropFirst().flatMap(Self.inlineParts)
                    result.append(Self.field(label, at: lead.location, parts: parts))
                }
            case .paragraph(let text) where text.strongLabel != nil:
                flush()
                let parts = text.afterLabel.isEmpty ? [] : [InlineText(text: text.afterLabel, location: text.location,
                                                                       isEmphasisOnly: text.isEmphasisOnly)]
                pending = (text, text.strongLabel ?? "", parts)
            default:
                pending?.parts += Self.inlineParts(block)
            }
        }
        flush()
        for section in subsections {
            result.append(Self.field(section.title, at: section.location,
                                     parts: section.blocks.flatMap(Self.inlineParts)
                                        + section.subsections.flatMap { $0.blocks.flatMap(Self.inlineParts) }))
        }
        return result
    }

    private static func field(_ name: String, at location: SourceLocation, parts: [InlineText]) -> Field {
        Field(name: name, normalizedName: TitleNormalizer.normalize(name), location: location,
              value: parts.map(\.text).joined(separator: "\n").trimmingWhitespace, parts: parts)
    }

    /// The visible text pieces of a block: paragraphs, list items, table rows, code.
    public static func inlineParts(_ block: Block) -> [InlineText] {
        switch block {
        case .paragraph(let text), .heading(let text, _):
            return [text]
        case .list(let list):
            return list.items.flatMap { $0.blocks.flatMap(inlineParts) }
        case .table(let table):
            return table.rows.flatMap { $0.cells.map(\.text) }
        case .quote(_, let blocks):
            return blocks.flatMap(inlineParts)
        case .code(let location, let text):
            return [InlineText(text: text, location: location)]
        case .html, .thematicBreak:
            return []
        }
    }
}
