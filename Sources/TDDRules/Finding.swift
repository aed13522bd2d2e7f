import TDDMarkdown

/// How much a finding matters. `off` turns a rule off.
public enum Severity: String, Sendable, CaseIterable, Codable, Comparable {
    case error
    case warning
    case off

    private var rank: Int {
        switch self {
        case .error: return 2
        case .warning: return 1
        case .off: return 0
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// Why a finding does not count: a disable comment or a front-matter waiver.
public struct Suppression: Sendable, Hashable {
    public enum Source: String, Sendable, Hashable {
        case comment
        case waiver
    }

    public let source: Source
    public let reason: String
    public let approver: String?

    public init(source: Source, reason: String, approver: String? = nil) {
        self.source = source
        self.reason = reason
        self.approver = approver
    }
}

/// What a rule reports: where, what, and the section it is in.
public struct Violation: Sendable, Hashable {
    public let location: SourceLocation
    public let message: String
    public let section: String?
    /// A lower severity for this one violation (never higher than the rule's).
    public let severity: Severity?
    /// The words the violation is about (a question, a risk), in full: how the same one is
    /// found in another version of the document.
    public let subject: String?

    public init(_ message: String, at location: SourceLocation, section: String? = nil, severity: Severity? = nil,
                subject: String? = nil) {
        self.message = message
        self.location = location
        self.section = section
        self.severity = severity
        self.subject = subject
    }
}

/// Whether a finding was already in the base version of its document (`--new-only`), in
/// SARIF's words.
public enum BaselineState: String, Sendable, Hashable {
    /// Not in the base version: the change brought it.
    case new
    /// Already in the base version: it does not fail the run.
    case unchanged
    /// Not matched in the base version, which had one of the same rule and section (a question
    /// reworded): it counts like a new one.
    case updated
    /// In the base version only: the change fixed it (listed by SARIF, never counted).
    case absent
}

/// One finding in one document: the model every reporter reads.
public struct Finding: Sendable, Hashable {
    public let ruleId: String
    public let severity: Severity
    public let message: String
    public let location: SourceLocation
    public let section: String?
    public var suppression: Suppression?
    /// Set when the run compares findings with the base version (`--new-only`).
    public var baselineState: BaselineState?

    public init(ruleId: String, severity: Severity, message: String, location: SourceLocation,
                section: String? = nil, suppression: Suppression? = nil) {
        self.ruleId = ruleId
        self.severity = severity
        self.message = message
        self.location = location
        self.section = section
        self.suppression = suppression
    }

    public var isSuppressed: Bool { suppression != nil }

    /// True when the finding counts against its document: not suppressed, and not already in
    /// the base version under `--new-only`.
    public var counts: Bool { suppression == nil && baselineState != .unchanged }

    /// `findings` in document order, then in rule registry order, then in the order each rule
    /// reported them (missing sections in template order): the same input always prints the
    /// same way, so reports diff cleanly.
    public static func ordered(_ findings: [Finding]) -> [Finding] {
        findings.enumerated().sorted { lhs, rhs in
            (lhs.element.location.line, lhs.element.location.column, Self.rank[lhs.element.ruleId] ?? Int.max, lhs.offset)
                < (rhs.element.location.line, rhs.element.location.column, Self.rank[rhs.element.ruleId] ?? Int.max, rhs.offset)
        }.map(\.element)
    }

    /// Each rule id's place in the registry.
    private static let rank = Dictionary(RuleRegistry.descriptions.enumerated().map { ($1.id, $0) },
                                         uniquingKeysWith: { first, _ in first })
}

/// What identifies a finding across versions of a document, wherever its line: the rule, the
/// section and the message (no message quotes a line number).
public struct FindingIdentity: Sendable, Hashable {
    public let ruleId: String
    public let section: String
    public let message: String

    public init(_ finding: Finding) {
        self.init(ruleId: finding.ruleId, section: finding.section ?? "", message: finding.message)
    }

    public init(ruleId: String, section: String, message: String) {
        self.ruleId = ruleId
        self.section = section
        self.message = message
    }
}
