import TDDMarkdown

/// What a section is for, where a rule needs to find it whatever it is called.
public enum SectionRole: String, Sendable, Hashable, CaseIterable {
    case openQuestions = "open-questions"
    case risks
}

/// A field a profile expects in a section (`**Purpose:**`), with its aliases.
public struct FieldSpec: Sendable, Hashable {
    public let title: String
    public let aliases: [String]
    /// Normalized title and aliases.
    public let names: [String]

    public init(_ title: String, aliases: [String] = []) {
        self.title = title
        self.aliases = aliases
        names = ([title] + aliases).map(TitleNormalizer.normalize)
    }
}

/// A section a profile knows: canonical title, aliases, whether it is required, its fields.
public struct SectionSpec: Sendable, Hashable {
    public let title: String
    public let aliases: [String]
    public let required: Bool
    public let fields: [FieldSpec]
    public let role: SectionRole?
    /// Normalized title and aliases.
    public let names: [String]

    public init(_ title: String, aliases: [String] = [], required: Bool = true,
                fields: [FieldSpec] = [], role: SectionRole? = nil) {
        self.title = title
        self.aliases = aliases
        self.required = required
        self.fields = fields
        self.role = role
        names = ([title] + aliases).map(TitleNormalizer.normalize)
    }
}

/// A named policy: the sections a design document must have, and the template it comes from.
public struct Profile: Sendable, Hashable {
    public let name: String
    public let sections: [SectionSpec]
    /// The Markdown template `designgate new` writes; its text is a placeholder when left in.
    public let template: String
    /// The template's prompts, normalized: its paragraphs, items and field texts of three
    /// words or more. Parsed once per profile, not once per document.
    public let templatePrompts: Set<String>

    public init(name: String, sections: [SectionSpec], template: String) {
        self.name = name
        self.sections = sections
        self.template = template
        templatePrompts = Self.prompts(of: template)
    }

    private static func prompts(of template: String) -> Set<String> {
        guard case .document(let document) = DocumentReader.parse(template) else { return [] }
        var prompts = Set<String>()
        for item in TextWalk.items(document) {
            let normalized = TitleNormalizer.normalize(item.text.afterLabel)
            if normalized.split(separator: " ").count >= 3 { prompts.insert(normalized) }
        }
        return prompts
    }

    /// The section spec playing `role`, if the profile has one.
    public func spec(for role: SectionRole) -> SectionSpec? {
        sections.first { $0.role == role }
    }
}

/// How a document's headings line up with a profile's sections.
public struct ProfileMatch: Sendable {
    /// A profile section and the heading that stands for it.
    public struct Entry: Sendable {
        public let spec: SectionSpec
        public let section: Section?
        /// True when the heading only nearly matches (`Risk & Mitigation`).
        public let isNearMiss: Bool
    }

    public let entries: [Entry]

    public init(document: Document, profile: Profile) {
        let all = document.allSections
        // A single level-1 heading is the document's title, not one of its sections.
        let titleIsSeparate = all.filter { $0.level == 1 }.count == 1
        let candidates = titleIsSeparate ? all.filter { $0.level > 1 } : all
        var used = Set<SourceLocation>()
        var found: [Int: Section] = [:]
        for (index, spec) in profile.sections.enumerated() {
            let names = Set(spec.names)
            if let section = candidates.first(where: { !used.contains($0.location) && names.contains($0.normalizedTitle) }) {
                found[index] = section
                used.insert(section.location)
            }
        }
        var entries: [Entry] = []
        for (index, spec) in profile.sections.enumerated() {
            if let section = found[index] {
                entries.append(Entry(spec: spec, section: section, isNearMiss: false))
            } else if let near = candidates.first(where: {
                !used.contains($0.location) && Self.isNearMiss($0.normalizedTitle, spec.names)
            }) {
                used.insert(near.location)
                entries.append(Entry(spec: spec, section: near, isNearMiss: true))
            } else {
                entries.append(Entry(spec: spec, section: nil, isNearMiss: false))
            }
        }
        self.entries = entries
    }

    /// The number of profile sections the document has under an exact title or alias.
    public var exactMatches: Int { entries.filter { $0.section != nil && !$0.isNearMiss }.count }

    /// The document section playing `role`, near misses included.
    public func section(for role: SectionRole) -> Section? {
        entries.first { $0.spec.role == role }?.section
    }

    /// True when `title` is one small slip away from one of `names`: singular for plural,
    /// or two edits on a longer title.
    static func isNearMiss(_ title: String, _ names: [String]) -> Bool {
        guard !title.isEmpty else { return false }
        let stem = stemmed(title)
        return names.contains { name in
            stemmed(name) == stem || (name.count >= 8 && editDistance(title, name, limit: 2) <= 2)
        }
    }

    private static func stemmed(_ title: String) -> String {
        title.split(separator: " ").map { word in
            word.count > 3 && word.hasSuffix("s") ? String(word.dropLast()) : String(word)
        }.joined(separator: " ")
    }

    /// Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`.
    static func editDistance(_ lhs: String, _ rhs: String, limit: Int) -> Int {
        let a = Array(lhs), b = Array(rhs)
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1,
                                 previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            if current.min() ?? 0 > limit { return limit + 1 }
            previous = current
        }
        return previous[b.count]
    }
}
