import TDDMarkdown

/// How a document came into the change set.
public enum ChangeKind: String, Sendable, Hashable, CaseIterable {
    case added
    case modified
    case renamed
    case copied
    /// Removed by the change set: only a finding about the change set as a whole (such as
    /// `design-required`) is reported on a deleted path.
    case deleted
    /// Named on the command line or found in a tree, not compared with anything.
    case unchanged
}

/// Everything a rule about a whole change set may look at: every changed path, the design
/// documents among them, and the designs the change set's commits or pull request name.
public struct ChangeSetContext: Sendable {
    /// One changed path, code or document.
    public struct ChangedFile: Sendable, Hashable {
        public let path: String
        /// `added`, `modified`, `renamed` or `deleted` (a copy counts as added).
        public let change: ChangeKind
        /// Added in a folder the base did not have.
        public let inNewFolder: Bool
        /// Lines added plus lines removed; nil when not counted (no policy needs it).
        public let changedLines: Int?

        public init(path: String, change: ChangeKind, inNewFolder: Bool = false, changedLines: Int? = nil) {
            self.path = path
            self.change = change
            self.inNewFolder = inNewFolder
            self.changedLines = changedLines
        }
    }

    /// A design named by a `Design:` commit trailer or a `Design:` line of the pull request's description.
    public struct Reference: Sendable, Hashable {
        /// What the head holds at the path.
        public enum Target: Sendable, Hashable {
            case missing
            /// A file; its status, if it declares one.
            case document(status: String?)
        }

        /// Repository-relative.
        public let path: String
        /// Where it was named: `commit 1a2b3c4` or `the pull request's description`.
        public let source: String
        public let target: Target

        public init(path: String, source: String, target: Target) {
            self.path = path
            self.source = source
            self.target = target
        }
    }

    public let files: [ChangedFile]
    /// The design documents the change set adds or changes (as they are at its head).
    public let documents: [String]
    public let references: [Reference]
    public let review: ReviewPolicy

    public init(files: [ChangedFile], documents: [String], references: [Reference], review: ReviewPolicy) {
        self.files = files
        self.documents = documents
        self.references = references
        self.review = review
    }
}

/// What a change-set rule reports: a violation, and the path of the change set it is on.
public struct ChangeSetViolation: Sendable, Hashable {
    public let path: String
    public let violation: Violation

    public init(_ message: String, path: String, line: Int = 1) {
        self.path = path
        self.violation = Violation(message, at: SourceLocation(line: line))
    }
}

/// A check of the policy on a whole change set (run once per check, in the modes that read
/// commits: `--range`, `--commit`, `--pre-push`, `--ci`).
public protocol ChangeSetRule: Sendable {
    static var description: RuleDescription { get }
    init()
    func check(_ changeSet: ChangeSetContext) -> [ChangeSetViolation]
}
