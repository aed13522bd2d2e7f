import TDDMarkdown

/// A rule option's value.
public enum OptionValue: Sendable, Hashable, CustomStringConvertible {
    case bool(Bool)
    case int(Int)
    case strings([String])

    public var description: String {
        switch self {
        case .bool(let value): return String(value)
        case .int(let value): return String(value)
        case .strings(let values): return "[" + values.joined(separator: ", ") + "]"
        }
    }

    /// The kind of value, for configuration errors.
    public var typeName: String {
        switch self {
        case .bool: return "true or false"
        case .int: return "a number"
        case .strings: return "a list of strings"
        }
    }
}

/// One documented option of a rule, with its default.
public struct RuleOption: Sendable, Hashable {
    public let name: String
    public let defaultValue: OptionValue
    public let summary: String

    public init(_ name: String, default defaultValue: OptionValue, _ summary: String) {
        self.name = name
        self.defaultValue = defaultValue
        self.summary = summary
    }
}

/// A rule example: a Markdown document checked with only its rule enabled (at `error`),
/// under the `.designgate.yml` it names. In a failing example, a line ending in `↓` (after
/// optional spaces) must get an error, a line ending in `⇣` a warning (a finding the rule
/// is not sure of), and no other line may get a finding; markers are removed before the
/// document is parsed.
public struct Example: Sendable {
    public let document: String
    /// The configuration the example needs, in `.designgate.yml`'s own syntax (`profile:
    /// standard`, `rules: { risks-have-mitigations: { allowNone: true } }`); nil for the defaults.
    public let configuration: String?
    /// The document's base version, for a rule that compares the two (the change turns `base`
    /// into `document`); nil for a document checked on its own.
    public let base: String?
    /// Where the example is written, so that a test failing on it points there.
    public let filePath: String
    public let line: Int

    public init(_ document: String, base: String? = nil, configuration: String? = nil,
                filePath: StaticString = #filePath, line: UInt = #line) {
        self.document = document
        self.base = base
        self.configuration = configuration
        self.filePath = "\(filePath)"
        self.line = Int(line)
    }
}

/// A rule describes itself: id, summary, rationale, default severity, options and examples.
public struct RuleDescription: Sendable {
    public let id: String
    public let summary: String
    public let description: String
    public let defaultSeverity: Severity
    public let options: [RuleOption]
    public let passingExamples: [Example]
    public let failingExamples: [Example]
    /// False for rules about the suppressions themselves: a disable comment or waiver never
    /// hides their findings.
    public let suppressible: Bool
    /// The `.designgate.yml` lines that set the rule's policy up, for `explain` to show (a rule
    /// whose policy lives outside `rules:`).
    public let configuration: String?

    public init(id: String, summary: String, description: String, defaultSeverity: Severity,
                options: [RuleOption] = [], suppressible: Bool = true, configuration: String? = nil,
                passingExamples: [Example] = [], failingExamples: [Example] = []) {
        self.id = id
        self.summary = summary
        self.description = description
        self.defaultSeverity = defaultSeverity
        self.options = options
        self.suppressible = suppressible
        self.configuration = configuration
        self.passingExamples = passingExamples
        self.failingExamples = failingExamples
    }

    /// The marker that flags an expected error in an example line.
    public static let marker: Character = "↓"
    /// The marker that flags an expected warning: a finding the rule is not sure of.
    public static let warningMarker: Character = "⇣"

    /// The severity an example line's marker expects, if it ends in one.
    public static func expectedSeverity(of line: Substring) -> Severity? {
        switch line.last {
        case marker: return .error
        case warningMarker: return .warning
        default: return nil
        }
    }
}

/// The options a rule runs with: configured values over the documented defaults.
public struct RuleOptions: Sendable, Hashable {
    public var values: [String: OptionValue]

    public init(_ values: [String: OptionValue] = [:]) {
        self.values = values
    }

    /// The option's configured value, or its documented default: the default is written once,
    /// where the rule declares the option.
    public func value(of option: RuleOption) -> OptionValue {
        values[option.name] ?? option.defaultValue
    }

    /// True when a boolean option is on.
    public func isOn(_ option: RuleOption) -> Bool {
        if case .bool(let value) = value(of: option) { return value }
        return false
    }

    /// A number option's value (0 when it is not a number).
    public func int(_ option: RuleOption) -> Int {
        if case .int(let value) = value(of: option) { return value }
        return 0
    }

    /// A list option's values (none when it is not a list).
    public func strings(_ option: RuleOption) -> [String] {
        if case .strings(let values) = value(of: option) { return values }
        return []
    }
}

/// Everything a rule may look at for one document.
public struct RuleContext: Sendable {
    public let document: Document
    public let profile: Profile
    public let match: ProfileMatch
    public private(set) var options: RuleOptions
    /// Today's date as `YYYY-MM-DD`.
    public let today: String
    /// The document's declared status, if any.
    public let status: DocumentStatus?
    /// The statuses the configuration allows; empty allows any.
    public let allowedStatuses: [String]
    /// The version of the document the change set started from, when there is one.
    public let base: BaseVersion?
    /// The document's repository-relative path; nil for standard input without a name.
    public let path: String?
    public let review: ReviewPolicy
    /// The repository's CODEOWNERS, if it has one.
    public let codeOwners: CodeOwners?
    /// The document's disable comments and waivers, read once for every rule.
    public let directives: Directives

    public init(document: Document, profile: Profile, match: ProfileMatch, options: RuleOptions,
                today: String, status: DocumentStatus?, allowedStatuses: [String], base: BaseVersion? = nil,
                path: String? = nil, review: ReviewPolicy = ReviewPolicy(), codeOwners: CodeOwners? = nil) {
        self.document = document
        self.profile = profile
        self.match = match
        self.options = options
        self.today = today
        self.status = status
        self.allowedStatuses = allowedStatuses
        self.base = base
        self.path = path
        self.review = review
        self.codeOwners = codeOwners
        directives = Directives(document)
    }

    /// The same context with other options.
    public func with(options: RuleOptions) -> RuleContext {
        var context = self
        context.options = options
        return context
    }

    /// The base version parsed and judged like this one (same profile, status field and
    /// options); nil without a readable base. With `roles`, only the sections that may play
    /// them get their content (besides the preamble and the first section, where the status is).
    public func baseContext(reading roles: Set<SectionRole>? = nil) -> RuleContext? {
        guard let base, let document = base.document(keepsBlocks: roles.map { ProfileMatch.mayPlay($0, in: profile) })
        else { return nil }
        return RuleContext(document: document, profile: profile, match: ProfileMatch(document: document, profile: profile),
                           options: options, today: today, status: DocumentStatus(document: document, field: base.statusField),
                           allowedStatuses: allowedStatuses, path: path, review: review, codeOwners: codeOwners)
    }

    /// The document section playing `role` in the profile, if the document has it.
    public func section(for role: SectionRole) -> Section? {
        match.section(for: role)
    }

    /// Every section playing `role` (see `ProfileMatch.sections(for:)`).
    public func sections(for role: SectionRole) -> [Section] {
        match.sections(for: role)
    }
}

/// The base version of a document (the staged file's `HEAD` version, a range's start, a
/// rename's old path), parsed only when a rule asks: most edits cannot undo anything, and
/// then the base costs one blob read and one comparison of lines.
public struct BaseVersion: Sendable {
    public let bytes: [UInt8]
    let limits: InputLimits
    /// The front-matter key holding the status (the policy's).
    var statusField = "status"
    /// The lines of the new version around what the change touched (between the longest
    /// common prefix and suffix of lines, with one line either side); nil when nothing changed.
    public let changedLines: ClosedRange<Int>?
    /// True when the base's lines the change replaced hold a heading.
    public let replacedAHeading: Bool
    /// The base already parsed by the caller, if it was.
    private let parsed: Document?

    /// The base `bytes` of the document whose new version is `head`; `document` when the
    /// caller has parsed them already.
    public init(bytes: [UInt8], head: [UInt8], limits: InputLimits, document: Document? = nil) {
        self.bytes = bytes
        self.limits = limits
        self.parsed = document
        let before = Self.lines(bytes)
        let after = Self.lines(head)
        var prefix = 0
        while prefix < before.count, prefix < after.count, bytes[before[prefix]] == head[after[prefix]] { prefix += 1 }
        var suffix = 0
        while suffix < before.count - prefix, suffix < after.count - prefix,
              bytes[before[before.count - 1 - suffix]] == head[after[after.count - 1 - suffix]] { suffix += 1 }
        if prefix == before.count, prefix == after.count {
            changedLines = nil
            replacedAHeading = false
        } else {
            changedLines = max(1, prefix)...max(1, min(after.count, after.count - suffix + 1))
            replacedAHeading = before[prefix..<(before.count - suffix)].contains { range in
                let line = bytes[range].drop { $0 == 0x20 }
                return line.first == UInt8(ascii: "#") || line.first == UInt8(ascii: "=")
            }
        }
    }

    /// Each line's byte range, without its line break.
    private static func lines(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            ranges.append(start..<index)
            start = index + 1
        }
        if start < bytes.count { ranges.append(start..<bytes.count) }
        return ranges
    }

    /// The parsed base, nil when it is not a readable document; `keepsBlocks` as in
    /// `DocumentReader.read(_:limits:keepsBlocks:)`.
    public func document(keepsBlocks: ((String) -> Bool)? = nil) -> Document? {
        if let parsed { return parsed }
        guard case .document(let document) = DocumentReader.read(bytes, limits: limits, keepsBlocks: keepsBlocks) else { return nil }
        return document
    }
}

/// A check of the policy: pure, one document in, violations out.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    init()
    func check(_ context: RuleContext) -> [Violation]
    /// When the engine runs the rule. Given by the protocol the rule adopts (`ComparingRule`,
    /// `SuppressionRule`), so the engine needs no dynamic cast per rule and document.
    var stage: RuleStage { get }
}

/// When a rule runs on a document, and the rule as that stage calls it.
public enum RuleStage {
    /// With the others, on the document alone.
    case document
    /// After the document rules, reading what they found.
    case comparing(any ComparingRule)
    /// After the suppressions are applied.
    case suppression(any SuppressionRule)
}

extension Rule {
    public var stage: RuleStage { .document }
}

/// What the rules found in one document, each run with its own options, for a rule that
/// builds on another's reading: a rule that did not run (switched off) runs when asked.
public struct RuleFindings {
    /// The document's context, without any rule's options.
    let context: RuleContext
    /// Each rule's options, by rule id.
    let settings: [String: RuleOptions]
    /// What each rule that ran found, by rule id.
    let found: [String: [Violation]]

    /// What `rule` finds in the document, or in `other` (the base version's context).
    public func violations<Checked: Rule>(of rule: Checked.Type, in other: RuleContext? = nil) -> [Violation] {
        let id = rule.description.id
        if other == nil, let known = found[id] { return known }
        return Checked().check((other ?? context).with(options: settings[id] ?? RuleOptions()))
    }
}

/// A rule that reads what the other rules found (comparing a document with its base
/// version): it runs after them.
public protocol ComparingRule: Rule {
    func check(_ context: RuleContext, findings: RuleFindings) -> [Violation]
}

extension ComparingRule {
    /// Nothing to check before the other rules have run.
    public func check(_ context: RuleContext) -> [Violation] { [] }
    public var stage: RuleStage { .comparing(self) }
}

/// What the suppressions of one document did, for the rules about the suppressions themselves.
public struct SuppressionOutcome: Sendable {
    /// Every disable comment and waiver the document declares.
    public let entries: [Directives.Entry]
    /// The entries that hid at least one finding.
    public let used: Set<Directives.Entry>
    /// The ids of the rules that ran on the document.
    public let ran: Set<String>
}

/// A rule that judges the suppressions once they are applied (which directive hid nothing).
/// Its findings are never suppressed.
public protocol SuppressionRule: Rule {
    func check(_ context: RuleContext, suppressions: SuppressionOutcome) -> [Violation]
}

extension SuppressionRule {
    /// Nothing to check before the suppressions are applied.
    public func check(_ context: RuleContext) -> [Violation] { [] }
    public var stage: RuleStage { .suppression(self) }
}
