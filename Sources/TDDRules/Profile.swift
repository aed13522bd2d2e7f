import TDDMarkdown

/// What a section is for, where a rule needs to find it whatever it is called.
public enum SectionRole: String, Sendable, Hashable, CaseIterable {
    case openQuestions = "open-questions"
    case risks

    /// True when a normalized section title says it plays this role, whatever the exact words:
    /// `Questions and Open Issues`, `Remaining Questions`, `Questions and Discussion Topics`,
    /// `Drawbacks and Risks`. Questions already answered or asked of others (`Frequently Asked
    /// Questions`, `Questions and Answers`, `Survey Questions`, `Resolved Questions`) do not, nor do links to a
    /// tracker's issues (`Links to Open Issues`, `Tracking Issues`).
    public func isNamed(by title: String) -> Bool {
        let words = TitleNormalizer.words(of: title)
        switch self {
        case .openQuestions:
            guard words.contains(where: Self.questionWords.contains), !words.contains(where: Self.notAskedWords.contains),
                  !Self.saysSettled(words) else {
                return false
            }
            // Said to be open, or questions first (`Questions for Reviewers`), or put up for discussion.
            return words.contains(where: Self.openWords.contains) || ["question", "questions"].contains(words.first ?? "")
                || words.contains("discussion")
        case .risks:
            return words.contains { $0 == "risk" || $0 == "risks" }
        }
    }

    private static let openWords: [Substring] = ["open", "unresolved", "outstanding", "pending", "remaining"]
    private static let settledWords: [Substring] = ["resolved", "answered", "closed", "settled", "decided"]
    private static let notAskedWords: [Substring] = ["frequently", "faq", "faqs", "asked", "answers", "survey", "interview",
                                                     "link", "links", "linked", "tracking"]
    private static let questionWords: [Substring] = ["question", "questions", "issue", "issues", "items", "points", "topics"]

    /// True when the title says its questions are settled (`Resolved Questions`, `Questions
    /// Resolved during Review`), not when it says they are still to be (`Questions to Be Resolved`).
    private static func saysSettled(_ words: [Substring]) -> Bool {
        words.indices.contains { index in
            settledWords.contains(words[index])
                && (index == 0 || !["be", "not", "yet", "being"].contains(words[index - 1]))
        }
    }
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
            if TitleNormalizer.words(of: normalized).count >= 3 { prompts.insert(normalized) }
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
    /// Every section playing each role of the profile, found once per document.
    private let roleSections: [SectionRole: [Section]]

    public init(document: Document, profile: Profile) {
        let all = document.allSections
        let candidates = Self.candidates(in: all)
        var used = Set<Int>()
        var found = Self.exactMatches(of: profile, in: candidates, used: &used)
        var nearMisses = Set<Int>()
        // A near miss is a slip in a document's own section headings: the first few hundred
        // headings are enough to find it, and each costs an edit distance per name.
        let missing = profile.sections.indices.filter { found[$0] == nil }
        let reach = missing.isEmpty ? [] : candidates.prefix(Self.nearMissReach).map { ComparableTitle($0.normalizedTitle) }
        var stems = [String?](repeating: nil, count: reach.count)
        for index in missing {
            let names = profile.sections[index].names.map { ComparableTitle($0, stemmed: true) }
            let near = reach.indices.first { candidate in
                !used.contains(candidate) && Self.isNearMiss(reach[candidate], stem: &stems[candidate], names)
            }
            if let near {
                used.insert(near)
                found[index] = near
                nearMisses.insert(index)
            }
        }
        entries = profile.sections.enumerated().map { index, spec in
            Entry(spec: spec, section: found[index].map { candidates[$0] }, isNearMiss: nearMisses.contains(index))
        }
        var roleSections: [SectionRole: [Section]] = [:]
        for entry in entries {
            guard let role = entry.spec.role, roleSections[role] == nil else { continue }
            roleSections[role] = Self.sections(playing: role, names: Set(entry.spec.names), matched: entry.section,
                                               in: all)
        }
        self.roleSections = roleSections
    }

    /// Every section playing `role`: the one the profile matched, then any other section under
    /// the same title or alias (a `Risks and Mitigations` per alternative) or whose title says
    /// it plays the role (`Questions and Open Issues`), outside those already taken.
    public func sections(for role: SectionRole) -> [Section] {
        roleSections[role] ?? []
    }

    private static func sections(playing role: SectionRole, names: Set<String>, matched: Section?,
                                 in all: [Section]) -> [Section] {
        var found = matched.map { [$0] } ?? []
        var taken = Set(found.flatMap(\.allSections).map(\.location))
        // Under Alternatives, a heading that only mentions risk ("Take the risk of …") names an
        // alternative; under Goals or Motivation ("Reduce risk"), a goal.
        let asides = role != .risks ? [] : Set(all.filter { section in
            ["alternative", "goal", "non goal", "motivation"].contains(where: section.normalizedTitle.hasPrefix)
        }.flatMap { $0.allSections.dropFirst() }.map(\.location))
        for section in all where !taken.contains(section.location)
            && (names.contains(section.normalizedTitle)
                || (role.isNamed(by: section.normalizedTitle) && !asides.contains(section.location))) {
            found.append(section)
            taken.formUnion(section.allSections.map(\.location))
        }
        return found
    }

    /// How many of `profile`'s sections `document` has under an exact title or alias: what
    /// a full match would find, without looking for near misses.
    public static func exactMatchCount(document: Document, profile: Profile) -> Int {
        var used = Set<Int>()
        return exactMatches(of: profile, in: candidates(in: document.allSections), used: &used).count
    }

    static let nearMissReach = 500

    /// Whether a normalized title could play one of `roles` in a match against `profile`:
    /// under a title or alias of a section with that role, a near miss of one, or saying it
    /// plays the role. Reading only such sections (and the preamble) is enough to match them.
    public static func mayPlay(_ roles: Set<SectionRole>, in profile: Profile) -> (String) -> Bool {
        let specs = profile.sections.filter { $0.role.map(roles.contains) ?? false }
        let names = Set(specs.flatMap(\.names))
        let comparable = specs.map { $0.names.map { ComparableTitle($0, stemmed: true) } }
        return { title in
            if names.contains(title) || roles.contains(where: { $0.isNamed(by: title) }) { return true }
            let candidate = ComparableTitle(title)
            var stem: String?
            return comparable.contains { isNearMiss(candidate, stem: &stem, $0) }
        }
    }

    /// The document's sections that may stand for a profile's: a single level-1 heading is the
    /// document's title, not one of its sections.
    private static func candidates(in all: [Section]) -> [Section] {
        let titleIsSeparate = all.filter { $0.level == 1 }.count == 1
        return titleIsSeparate ? all.filter { $0.level > 1 } : all
    }

    /// For each spec (by index) the first unused candidate under its title or an alias.
    private static func exactMatches(of profile: Profile, in candidates: [Section], used: inout Set<Int>) -> [Int: Int] {
        var byTitle: [String: [Int]] = [:]
        for (index, section) in candidates.enumerated() { byTitle[section.normalizedTitle, default: []].append(index) }
        var found: [Int: Int] = [:]
        for (index, spec) in profile.sections.enumerated() {
            let first = spec.names.compactMap { name in byTitle[name]?.first { !used.contains($0) } }.min()
            if let first {
                found[index] = first
                used.insert(first)
            }
        }
        return found
    }

    /// The document section playing `role`, near misses included.
    public func section(for role: SectionRole) -> Section? {
        entries.first { $0.spec.role == role }?.section
    }

    /// A title ready for near-miss comparison; its stem is made only when its length leaves a
    /// near miss possible (most of a document's headings are nowhere near a profile's names).
    struct ComparableTitle {
        let text: String
        let scalars: [Unicode.Scalar]
        let wordCount: Int
        /// Given for a profile's names, made on demand for a document's titles.
        let stem: String?

        init(_ text: String, stemmed: Bool = false) {
            self.text = text
            scalars = Array(text.unicodeScalars)
            wordCount = text.utf8.reduce(1) { $1 == UInt8(ascii: " ") ? $0 + 1 : $0 }
            stem = stemmed ? ProfileMatch.stemmed(text) : nil
        }
    }

    /// True when a title is one small slip away from one of `names`: singular for plural, or
    /// two edits on a longer title.
    /// `stem` holds the title's stem once made, for the next comparison.
    static func isNearMiss(_ title: ComparableTitle, stem: inout String?, _ names: [ComparableTitle]) -> Bool {
        guard !title.text.isEmpty else { return false }
        return names.contains { name in
            // A stem drops at most an `s` per word, two edits change the length by two at most.
            let slack = max(2, title.wordCount, name.wordCount)
            guard abs(title.scalars.count - name.scalars.count) <= slack else { return false }
            let titleStem = stem ?? ProfileMatch.stemmed(title.text)
            stem = titleStem
            return titleStem == (name.stem ?? ProfileMatch.stemmed(name.text))
                || (name.scalars.count >= 8 && EditDistance.between(title.scalars, name.scalars, limit: 2) <= 2)
        }
    }

    static func stemmed(_ title: String) -> String {
        TitleNormalizer.words(of: title).map { word in
            word.hasSuffix("s") && word.count > 3 ? String(word.dropLast()) : String(word)
        }.joined(separator: " ")
    }
}
