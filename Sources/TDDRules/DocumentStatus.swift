import TDDMarkdown

/// A document's review status: the front-matter key, or a `**Status:**` field before the
/// first section.
public struct DocumentStatus: Sendable, Hashable {
    public let value: String
    public let location: SourceLocation

    public init?(document: Document, field: String) {
        if let node = document.frontMatter?[field], let value = node.scalar?.trimmingWhitespace, !value.isEmpty {
            self.value = value
            self.location = SourceLocation(line: node.line)
            return
        }
        let label = TitleNormalizer.normalize(field)
        let leading = document.preamble + (document.sections.first.map { $0.blocks } ?? [])
        for block in leading {
            for part in Section.inlineParts(block) + Self.labelledItems(block)
            where part.strongLabel.map(TitleNormalizer.normalize) == label && !part.afterLabel.isEmpty {
                self.value = part.afterLabel
                self.location = part.location
                return
            }
        }
        return nil
    }

    private static func labelledItems(_ block: Block) -> [InlineText] {
        guard case .list(let list) = block else { return [] }
        return list.items.compactMap(\.lead)
    }
}
