import Yams

/// A YAML value with the 1-based line it starts on, detached from the YAML library.
///
/// Front matter and `.designgate.yml` are both read into this shape, so every consumer can
/// name the line of a bad value.
public struct YAMLNode: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case scalar(String)
        case sequence([YAMLNode])
        case mapping([Entry])
    }

    /// One `key: value` pair of a mapping, with the key's line.
    public struct Entry: Sendable, Equatable {
        public let key: String
        public let keyLine: Int
        public let value: YAMLNode
    }

    public let kind: Kind
    public let line: Int

    /// Parses YAML text; `firstLine` is the file line the text starts on.
    /// Returns nil for an empty document.
    public static func parse(_ text: String, firstLine: Int = 1) throws(YAMLError) -> YAMLNode? {
        let node: Node?
        do {
            // Tags are never read (every value is kept as text): the basic resolver skips compiling
            // the default one's regular expressions, a tenth of a hook's start-up.
            node = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            let (message, line) = Self.describe(error, firstLine: firstLine)
            throw YAMLError(message: Self.short(message), line: line)
        } catch {
            throw YAMLError(message: Self.short("\(error)"), line: firstLine)
        }
        guard let node else { return nil }
        var budget = maxValues
        return try convert(node, firstLine: firstLine, budget: &budget)
    }

    /// The most values one YAML text may hold once its aliases are expanded: a few aliases
    /// nested in each other (`&a [*b, *b, …]`) would otherwise expand to billions.
    public static let maxValues = 100_000

    /// An error message quotes at most a short piece of the text: the file may not be YAML at
    /// all, and may hold anything.
    private static func short(_ message: String) -> String {
        message.count > 120 ? String(message.prefix(119)) + "…" : message
    }

    /// The scalar text, or nil for a sequence or mapping.
    public var scalar: String? {
        if case .scalar(let value) = kind { return value }
        return nil
    }

    /// The items of a sequence, or nil.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    /// The entries of a mapping, or nil.
    public var mapping: [Entry]? {
        if case .mapping(let entries) = kind { return entries }
        return nil
    }

    /// The value of `key` in a mapping (compared case-insensitively), or nil.
    public subscript(key: String) -> YAMLNode? {
        mapping?.first { $0.key.lowercased() == key.lowercased() }?.value
    }

    /// A short name for the node's kind, for error messages.
    public var kindName: String {
        switch kind {
        case .scalar: return scalar.map { "`\(Self.short($0))`" } ?? "a value"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }

    private static func convert(_ node: Node, firstLine: Int, budget: inout Int) throws(YAMLError) -> YAMLNode {
        let line = (node.mark?.line ?? 1) + firstLine - 1
        budget -= 1
        guard budget >= 0 else {
            throw YAMLError(message: "more than \(maxValues) values once aliases are expanded; write the values out instead of nesting aliases",
                            line: line)
        }
        switch node {
        case .scalar(let scalar):
            return YAMLNode(kind: .scalar(scalar.string), line: line)
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            for item in sequence { items.append(try convert(item, firstLine: firstLine, budget: &budget)) }
            return YAMLNode(kind: .sequence(items), line: line)
        case .mapping(let mapping):
            var entries: [Entry] = []
            for (key, value) in mapping {
                entries.append(Entry(key: key.string ?? "\(key)", keyLine: (key.mark?.line ?? 1) + firstLine - 1,
                                     value: try convert(value, firstLine: firstLine, budget: &budget)))
            }
            return YAMLNode(kind: .mapping(entries), line: line)
        case .alias:
            return YAMLNode(kind: .scalar(""), line: line)
        }
    }

    private static func describe(_ error: YamlError, firstLine: Int) -> (message: String, line: Int) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return (what, mark.line + firstLine - 1)
        case .composer(let context, let problem, let mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return (what, mark.line + firstLine - 1)
        case .reader(let problem, let offset, _, let yaml):
            // The offset counts bytes; the line is one more than the line ends before it.
            let line = offset.map { offset in yaml.utf8.prefix(offset).filter { $0 == 0x0A }.count } ?? 0
            return (problem, line + firstLine)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ("duplicated key \(duplicates.prefix(3).map { "`\($0)`" }.joined(separator: ", "))", context.mark.line + firstLine - 1)
        default:
            return ("\(error)", firstLine)
        }
    }
}

/// YAML that could not be read, with the line where the reader gave up.
public struct YAMLError: Error, Sendable, Equatable {
    public let message: String
    public let line: Int
}
