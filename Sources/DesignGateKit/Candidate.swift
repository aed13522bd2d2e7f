import Reporters
import TDDRules

/// A file the change set offers for checking, with a way to read its content.
public struct Candidate {
    /// The path as reports show it: repository-relative in git modes, as given on the command line.
    public let path: String
    public let change: ChangeKind
    public let previousPath: String?
    /// Size in bytes when known without reading (git blobs), to refuse huge files early.
    public let size: Int?
    /// The repository-relative path `documents.include` and `exclude` are matched against;
    /// nil for standard input without a name (selected by its content).
    public let selectionPath: String?
    /// Named on the command line itself (not found in a folder or a change set): when it is
    /// skipped, the user is told why even without `-v`.
    public let named: Bool
    let read: () throws(DesignGateError) -> [UInt8]
    /// Reads the document as the change set's base has it (at `previousPath` for a rename):
    /// nil for a new or copied document and in modes without a base; the closure gives nil
    /// when the base's version is over the size limit.
    var readBase: (() throws(DesignGateError) -> [UInt8]?)?

    /// A file selected by `selectionPath` (by default its `path`).
    public init(path: String, change: ChangeKind, previousPath: String? = nil, size: Int? = nil,
                selectionPath: String? = nil, named: Bool = false,
                read: @escaping () throws(DesignGateError) -> [UInt8]) {
        self.init(path: path, change: change, previousPath: previousPath, size: size,
                  selectedAs: selectionPath ?? path, named: named, read: read)
    }

    private init(path: String, change: ChangeKind, previousPath: String?, size: Int?, selectedAs: String?,
                 named: Bool, read: @escaping () throws(DesignGateError) -> [UInt8]) {
        self.path = path
        self.change = change
        self.previousPath = previousPath
        self.size = size
        self.selectionPath = selectedAs
        self.named = named
        self.read = read
    }

    /// `check -` without `--stdin-filename`: shown as `<stdin>`, selected by its content alone.
    static func unnamedInput(_ bytes: [UInt8]) -> Candidate {
        Candidate(path: "<stdin>", change: .unchanged, previousPath: nil, size: bytes.count, selectedAs: nil,
                  named: true) { () throws(DesignGateError) in bytes }
    }

    /// The same file with another change kind.
    func with(change: ChangeKind) -> Candidate {
        Candidate(path: path, change: change, previousPath: previousPath, size: size, selectedAs: selectionPath,
                  named: named, read: read)
    }
}

/// The files of a change set, plus what was skipped before selection (symlinks, submodules).
public struct ChangeSetFiles {
    public var changeSet: Report.ChangeSet
    public var candidates: [Candidate]
    public var skipped: [(path: String, reason: String)]
    /// Every changed path and the commits, in the modes that read commits.
    var history: ChangeSetHistory?

    public init(changeSet: Report.ChangeSet, candidates: [Candidate], skipped: [(path: String, reason: String)] = []) {
        self.changeSet = changeSet
        self.candidates = candidates
        self.skipped = skipped
    }
}
