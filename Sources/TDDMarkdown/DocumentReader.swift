/// Limits that keep a hostile or accidental input from costing unbounded time or memory:
/// with them, any document is read and checked in well under a second and 256 MiB.
public struct InputLimits: Sendable, Equatable {
    /// Files larger than this are not parsed: 1 MiB, six times the largest real design
    /// document we know of (a 170 KB KEP).
    public var maxBytes: Int
    /// Tables whose cells add up to more than this are refused (see `InputGuard`).
    public var maxTableCells: Int
    /// A table with more columns than this is refused.
    public var maxTableColumns: Int
    /// Lines opening more nested quotes and list items than this are refused.
    public var maxNesting: Int
    /// Paragraphs with more `[` than this are refused.
    public var maxBracketsPerParagraph: Int
    /// Paragraphs with more `*`, `_` and `~` than this are refused.
    public var maxDelimitersPerParagraph: Int

    public init(maxBytes: Int = 1024 * 1024, maxTableCells: Int = 100_000, maxTableColumns: Int = 1_000,
                maxNesting: Int = 100, maxBracketsPerParagraph: Int = 2_000, maxDelimitersPerParagraph: Int = 10_000) {
        self.maxBytes = maxBytes
        self.maxTableCells = maxTableCells
        self.maxTableColumns = maxTableColumns
        self.maxNesting = maxNesting
        self.maxBracketsPerParagraph = maxBracketsPerParagraph
        self.maxDelimitersPerParagraph = maxDelimitersPerParagraph
    }
}

/// What reading a file as a design document gave.
public enum ReadOutcome: Sendable {
    case document(Document)
    /// The file holds NUL bytes: not Markdown.
    case binary
    /// The file is larger than the limit and was not parsed.
    case tooLarge(bytes: Int, limit: Int)
    /// The input would make the parser blow up; it was not parsed.
    case refused(message: String, line: Int)
}

/// Reads bytes into a `Document`, applying the input limits first.
public enum DocumentReader {
    /// Reads `bytes`; with `keepsBlocks`, only the preamble, the first section and the
    /// sections whose normalized title it accepts (with their subsections) get their blocks,
    /// the others only their headings: for a version of which only some sections are read.
    public static func read(_ bytes: [UInt8], limits: InputLimits = InputLimits(),
                            keepsBlocks: ((String) -> Bool)? = nil) -> ReadOutcome {
        if bytes.count > limits.maxBytes {
            return .tooLarge(bytes: bytes.count, limit: limits.maxBytes)
        }
        if bytes.contains(0) { return .binary }
        let source = SourceText(bytes)
        if let refusal = InputGuard(limits: limits).check(source.body, lineOffset: source.lineOffset) {
            return .refused(message: refusal.message, line: refusal.line)
        }

        var notices: [InputNotice] = []
        if let line = source.invalidUTF8Line {
            notices.append(InputNotice(
                kind: .invalidUTF8,
                message: "invalid UTF-8 at line \(line), read with replacement characters; save the file as UTF-8",
                location: SourceLocation(line: line)))
        }
        var frontMatter: YAMLNode?
        if let yaml = source.frontMatter {
            do {
                frontMatter = try YAMLNode.parse(yaml.text, firstLine: yaml.firstLine)
            } catch {
                notices.append(InputNotice(
                    kind: .invalidFrontMatter,
                    message: "front matter is not valid YAML (\(error.message)); it was ignored",
                    location: SourceLocation(line: error.line)))
            }
        }
        let tree = MarkdownParser.parse(source, keepsBlocks: keepsBlocks)
        return .document(Document(frontMatter: frontMatter, preamble: tree.preamble,
                                  sections: tree.sections, comments: tree.comments,
                                  notices: notices, lineCount: source.lineCount))
    }

    /// Parses Markdown text (tests and templates); limits still apply.
    public static func parse(_ text: String, limits: InputLimits = InputLimits()) -> ReadOutcome {
        read(Array(text.utf8), limits: limits)
    }
}
