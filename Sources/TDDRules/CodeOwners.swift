/// A CODEOWNERS file, read as GitHub and GitLab read it.
///
/// - Lines: `#` starts a comment (at the start of a line, or after a space); `\#` and `\ `
///   escape a pattern's `#` and spaces. A rule is a pattern followed by owners: `@user`,
///   `@org/team` (or a GitLab group `@group/sub`), or an e-mail address. A line with any other
///   owner word is skipped, as GitHub skips it.
/// - Patterns, as in `.gitignore`: `*` and `?` stay within one folder, `**` crosses folders,
///   `[abc]` is a set; a leading `/` anchors the pattern at the root, a trailing `/` matches a
///   folder and everything under it, a pattern without `/` matches at any depth, and a pattern
///   naming a folder owns everything under it, except `folder/*`, which owns only the files
///   directly in it. A pattern with a `/` inside is anchored at the root on GitHub; GitLab
///   matches it at any depth (its "relative paths"): a file with GitLab sections, or at
///   `.gitlab/CODEOWNERS`, is read the GitLab way. Matching is case-sensitive.
/// - The last matching rule wins; a rule without owners leaves its paths unowned.
/// - GitLab sections: `[Name]`, `^[Name]` (optional), `[Name][2]` (two approvals), each
///   optionally followed by default owners for its rules that name none; sections with the
///   same name (any case) are one section; `!pattern` makes its paths unowned in its section.
///   Each section is read on its own (its last matching rule wins) and a path is owned by
///   every section that owns it; the rules before the first heading form an unnamed section.
public struct CodeOwners: Sendable {
    /// Where the file is looked for, in GitHub's order (then GitLab's own folder); the first found is read.
    public static let locations = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS", ".gitlab/CODEOWNERS"]

    /// One rule: a pattern and who owns what it matches.
    public struct Entry: Sendable {
        public let pattern: String
        /// As written (`@org/team`, `@alice`, `alice@example.com`); empty: unowned.
        public let owners: [String]
        public let line: Int
        /// Matches paths and, for a folder, everything under it.
        let globs: [Glob]

        func matches(_ path: String) -> Bool { globs.contains { $0.matches(path) } }
    }

    /// A GitLab section (or the unnamed one before any heading).
    public struct Section: Sendable {
        /// nil for the rules before the first heading.
        public let name: String?
        /// `^[Name]`: its owners are asked, but their approval is not required.
        public let optional: Bool
        /// `[Name][N]`: how many of its owners must approve (1 by default).
        public let approvals: Int
        public internal(set) var entries: [Entry]
    }

    /// The owners one section gives a path: the section and its last rule that matched.
    public struct Ownership: Sendable {
        public let section: Section
        public let entry: Entry
    }

    /// The file's path in the repository, for messages.
    public let file: String
    public let sections: [Section]
    /// Lines that were skipped, and why.
    public let skipped: [(line: Int, reason: String)]

    /// Parses `text`, the content of the CODEOWNERS at `file`.
    public init(file: String, text: String) {
        self.file = file
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let gitLab = file.hasPrefix(".gitlab/") || lines.contains { Self.heading(Self.words(in: $0)) != nil }
        var sections = [Section(name: nil, optional: false, approvals: 1, entries: [])]
        var current = 0
        var defaults: [String] = []
        var skipped: [(line: Int, reason: String)] = []
        for (offset, raw) in lines.enumerated() {
            let number = offset + 1
            let words = Self.words(in: raw)
            guard let first = words.first else { continue }
            if let heading = Self.heading(words) {
                if let index = sections.firstIndex(where: { $0.name?.lowercased() == heading.section.name?.lowercased() }) {
                    current = index
                } else {
                    sections.append(heading.section)
                    current = sections.count - 1
                }
                defaults = heading.owners
                continue
            }
            let owners = Array(words.dropFirst())
            if let invalid = owners.first(where: { !$0.contains("@") }) {
                skipped.append((number, "`\(invalid)` is not an owner (write @user, @org/team or an e-mail address)"))
                continue
            }
            let excludes = first.hasPrefix("!")
            let pattern = excludes ? String(first.dropFirst()) : first
            sections[current].entries.append(Entry(pattern: first, owners: excludes ? [] : (owners.isEmpty ? defaults : owners),
                                                   line: number, globs: Self.globs(pattern, gitLab: gitLab)))
        }
        self.sections = sections
        self.skipped = skipped
    }

    /// The sections that own `path` (repository-relative), each with its last matching rule.
    public func owners(of path: String) -> [Ownership] {
        sections.compactMap { section in
            guard let entry = section.entries.last(where: { $0.matches(path) }), !entry.owners.isEmpty else { return nil }
            return Ownership(section: section, entry: entry)
        }
    }

    /// A line's words: split at unescaped spaces, escapes removed, a comment dropped.
    static func words(in line: Substring) -> [String] {
        var words: [String] = []
        var word = ""
        var escaped = false
        for character in line {
            if escaped {
                word.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "#", word.isEmpty {
                break
            } else if character == " " || character == "\t" || character == "\r" {
                if !word.isEmpty { words.append(word) }
                word = ""
            } else {
                word.append(character)
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    /// A GitLab section heading: `[Name]`, `^[Name]`, `[Name][2]`, then default owners.
    private static func heading(_ words: [String]) -> (section: Section, owners: [String])? {
        guard var head = words.first else { return nil }
        var rest = Array(words.dropFirst())
        let optional = head.hasPrefix("^[")
        if optional { head.removeFirst() }
        guard head.hasPrefix("[") else { return nil }
        // A name with spaces spans several words: join them up to the closing bracket.
        while !head.contains("]"), !rest.isEmpty { head += " " + rest.removeFirst() }
        guard let close = head.firstIndex(of: "]") else { return nil }
        let name = String(head[head.index(after: head.startIndex)..<close])
        var tail = head[head.index(after: close)...]
        var approvals = 1
        if tail.hasPrefix("["), tail.hasSuffix("]"), let count = Int(tail.dropFirst().dropLast()), count > 0 {
            approvals = count
            tail = ""
        }
        guard !name.isEmpty, tail.isEmpty, rest.allSatisfy({ $0.contains("@") }) else { return nil }
        return (Section(name: name, optional: optional, approvals: approvals, entries: []), rest)
    }

    /// The globs a pattern matches paths with (see the type's documentation).
    static func globs(_ pattern: String, gitLab: Bool) -> [Glob] {
        var body = pattern
        var anchored = body.hasPrefix("/")
        while body.hasPrefix("/") { body.removeFirst() }
        let folderOnly = body.hasSuffix("/")
        while body.hasSuffix("/") { body.removeLast() }
        if body.isEmpty { return [Glob("**", caseSensitive: true)] }
        if !gitLab, body.contains("/") { anchored = true }
        let base = (anchored || body.hasPrefix("**/") ? "" : "**/") + body
        if folderOnly { return [Glob(base + "/**", caseSensitive: true)] }
        if body == "*" || body.hasSuffix("/*") { return [Glob(base, caseSensitive: true)] }
        return [Glob(base, caseSensitive: true), Glob(base + "/**", caseSensitive: true)]
    }
}

/// Owner names compared as GitHub and GitLab compare them: without the `@`, ignoring case.
public enum OwnerName {
    public static func normalized(_ name: String) -> String {
        var name = Substring(name)
        while name.hasPrefix("@") { name = name.dropFirst() }
        return name.lowercased()
    }
}
