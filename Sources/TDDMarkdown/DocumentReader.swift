/// Limits that keep a hostile or accidental input from costing unbounded time or memory.
public struct InputLimits: Sendable, Equatable {
    /// Files larger than this are not parsed (SPEC §3: 5 MiB).
    public var maxBytes: Int = 5 * 1024 * 1024
    /// Tables whose estimated cells add up to more than this are refused (see `InputGuard`).
    public var maxTableCells: Int = 100_000

    public init(maxBytes: Int = 5 * 1024 * 1024, maxTableCells: Int = 100_000) {
        self.maxBytes = maxBytes
        self.maxTableCells = maxTableCells
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
    public static func read(_ bytes: [UInt8], limits: InputLimits = InputLimits()) -> ReadOutcome {
        if bytes.count > limits.maxBytes {
            return .tooLarge(bytes: bytes.count, limit: limits.maxBytes)
        }
        if bytes.contains(0) { return .binary }
        let source = SourceText(bytes)
        if let refusal = InputGuard(maxTableCells: limits.maxTableCells)
            .check(source.body, lineOffset: source.lineOffset) {
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
        let tree = MarkdownParser.parse(source)
        return .document(Document(frontMatter: frontMatter, preamble: tree.preamble,
                                  sections: tree.sections, comments: tree.comments,
                                  notices: notices, lineCount: source.lineCount))
    }

    /// Parses Markdown text (tests and templates); limits still apply.
    public static func parse(_ text: String, limits: InputLimits = InputLimits()) -> ReadOutcome {
        read(Array(text.utf8), limits: limits)
    }
}
