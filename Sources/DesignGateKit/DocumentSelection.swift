import TDDMarkdown
import TDDRules

/// Which Markdown files are design documents (SPEC §2).
public struct DocumentSelection: Sendable, Hashable {
    public static let defaultInclude = ["**/design/**", "**/designs/**", "**/tdd/**", "**/*tdd*.md", "**/*design-doc*.md"]
    static let markdownExtensions = [".md", ".markdown"]

    public var include: [Glob]
    public var exclude: [Glob]
    /// Also select by front matter `type` or the first heading.
    public var detect: Bool
    /// Skip files whose name contains `template` (the default when no exclude is configured).
    public var excludeTemplates: Bool

    public init(include: [String] = DocumentSelection.defaultInclude, exclude: [String] = [],
                detect: Bool = true, excludeTemplates: Bool = true) {
        self.include = include.map(Glob.init)
        self.exclude = exclude.map(Glob.init)
        self.detect = detect
        self.excludeTemplates = excludeTemplates
    }

    /// What the path alone says.
    public enum PathDecision: Sendable, Equatable {
        case selected
        /// A Markdown file the globs do not name: selected only if its content says so.
        case needsContent
        case skipped(String)
    }

    public func decide(path: String) -> PathDecision {
        let lower = path.lowercased()
        guard Self.markdownExtensions.contains(where: { lower.hasSuffix($0) }) else {
            return .skipped("not a Markdown file")
        }
        let name = lower.split(separator: "/").last.map(String.init) ?? lower
        if excludeTemplates, name.contains("template") { return .skipped("a template") }
        if let glob = exclude.first(where: { $0.matches(path) }) { return .skipped("excluded by \(glob.pattern)") }
        if include.contains(where: { $0.matches(path) }) { return .selected }
        return detect ? .needsContent : .skipped("not matched by documents.include")
    }

    /// Whether a document's content marks it as a design document: front matter
    /// `type: tdd|design`, or a first heading naming a (Technical) Design Document.
    public static func detected(_ document: Document) -> Bool {
        if let type = document.frontMatter?["type"]?.scalar?.lowercased(), ["tdd", "design"].contains(type) {
            return true
        }
        guard let first = document.allSections.first?.title.lowercased() else { return false }
        return first.contains("design document")
    }
}
