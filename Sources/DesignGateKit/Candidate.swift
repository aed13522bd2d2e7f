import Reporters

/// A file the change set offers for checking, with a way to read its content.
public struct Candidate {
    public let path: String
    public let change: ChangeKind
    public let previousPath: String?
    /// Size in bytes when known without reading (git blobs), to refuse huge files early.
    public let size: Int?
    let read: () throws(DesignGateError) -> [UInt8]

    public init(path: String, change: ChangeKind, previousPath: String? = nil, size: Int? = nil,
                read: @escaping () throws(DesignGateError) -> [UInt8]) {
        self.path = path
        self.change = change
        self.previousPath = previousPath
        self.size = size
        self.read = read
    }

    /// The same file with another change kind.
    func with(change: ChangeKind) -> Candidate {
        Candidate(path: path, change: change, previousPath: previousPath, size: size, read: read)
    }
}

/// The files of a change set, plus what was skipped before selection (symlinks, submodules).
public struct ChangeSetFiles {
    public var changeSet: Report.ChangeSet
    public var candidates: [Candidate]
    public var skipped: [(path: String, reason: String)]

    public init(changeSet: Report.ChangeSet, candidates: [Candidate], skipped: [(path: String, reason: String)] = []) {
        self.changeSet = changeSet
        self.candidates = candidates
        self.skipped = skipped
    }
}
