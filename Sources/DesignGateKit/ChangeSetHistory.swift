import GitKit
import Reporters
import TDDMarkdown
import TDDRules

/// What a change set read from commits holds beyond its documents — every changed path and
/// the commits — for the rules about the change set as a whole. Read from git only when one runs.
struct ChangeSetHistory {
    let repository: Repository
    /// The commit the change set ends at: named designs are looked up there.
    let head: ObjectID
    /// Every change, with the commit it was compared with (nil: the empty tree).
    let changes: [(change: Change, base: ObjectID?)]
    /// The commits: reachable from each tip but from none of its hidden commits.
    let walks: [(tip: ObjectID, hiding: [ObjectID])]
    /// The pull or merge request's description, under `--ci` when the CI gives it.
    var description: String?

    /// The change set as the change-set rules see it; `documents` are the design documents it
    /// adds or changes.
    func context(review: ReviewPolicy, documents: [String], statusField: String) throws(DesignGateError) -> ChangeSetContext {
        // A path several commits change (a new branch's pre-push) is added if one added it and
        // it is still there, and its lines are summed.
        var files: [String: ChangeSetContext.ChangedFile] = [:]
        for (change, base) in changes {
            guard let file = try changedFile(change, base: base, review: review) else { continue }
            guard let earlier = files[file.path] else {
                files[file.path] = file
                continue
            }
            let lines = earlier.changedLines.map { $0 &+ (file.changedLines ?? 0) } ?? file.changedLines
            let added = earlier.change == .added && file.change == .modified
            files[file.path] = ChangeSetContext.ChangedFile(path: file.path, change: added ? .added : file.change,
                                                            inNewFolder: added ? earlier.inNewFolder : file.inNewFolder,
                                                            changedLines: lines)
        }
        var references: [ChangeSetContext.Reference] = []
        var named = Set<String>()
        func add(_ path: String, from source: String) throws(DesignGateError) {
            guard named.insert(path).inserted else { return }
            references.append(ChangeSetContext.Reference(path: path, source: source, target: try target(path, statusField: statusField)))
        }
        for commit in try commits() {
            for path in DesignReferences.inTrailers(of: try git { () throws(GitError) in try repository.message(of: commit) }) {
                try add(path, from: "commit \(commit.description.prefix(7))")
            }
        }
        for path in description.map(DesignReferences.inDescription) ?? [] {
            try add(path, from: "the pull request's description")
        }
        return ChangeSetContext(files: files.values.sorted { $0.path < $1.path }, documents: documents, references: references,
                                review: review)
    }

    private func changedFile(_ change: Change, base: ObjectID?, review: ReviewPolicy) throws(DesignGateError) -> ChangeSetContext.ChangedFile? {
        let kind: ChangeKind
        switch change.status {
        case .added, .untracked, .copied: kind = .added
        case .modified, .typeChanged: kind = .modified
        case .renamed: kind = .renamed
        case .deleted: kind = .deleted
        case .conflicted: return nil
        }
        var inNewFolder = false
        if kind == .added, let slash = change.path.lastIndex(of: "/") {
            let folder = String(change.path[..<slash])
            inNewFolder = try !git { () throws(GitError) in try repository.hasFolder(folder, in: base) }
        }
        // Lines are counted only where a policy weighs them, and only in files (not links or submodules).
        var lines: Int?
        let counted = review.designs.contains { if case .linesOver = $0.trigger { return $0.guards(change.path) } else { return false } }
        if counted, change.kind == .file {
            lines = try git { () throws(GitError) in try repository.changedLines(from: change.previousBlob, to: change.blob) }
        }
        return ChangeSetContext.ChangedFile(path: change.path, change: kind, inNewFolder: inNewFolder, changedLines: lines)
    }

    /// The change set's commits, each once.
    private func commits() throws(DesignGateError) -> [ObjectID] {
        var seen = Set<ObjectID>()
        var result: [ObjectID] = []
        for walk in walks {
            for commit in try git({ () throws(GitError) in try repository.commits(from: walk.tip, hiding: walk.hiding) })
            where seen.insert(commit).inserted {
                result.append(commit)
            }
        }
        return result
    }

    /// What the head holds at a named design's path.
    private func target(_ path: String, statusField: String) throws(DesignGateError) -> ChangeSetContext.Reference.Target {
        guard let blob = try git({ () throws(GitError) in try repository.blob(at: path, in: head) }) else { return .missing }
        guard let bytes = try GitChangeReader.readWithinLimit(blob, of: path, in: repository),
              case .document(let document) = DocumentReader.read(bytes, limits: InputLimits()) else { return .document(status: nil) }
        return .document(status: DocumentStatus(document: document, field: statusField)?.value)
    }

    private func git<T>(_ body: () throws(GitError) -> T) throws(DesignGateError) -> T {
        try GitChangeReader.git(in: repository, body)
    }
}

extension Checker {
    /// The documents with the change-set rules' findings added: on a document already reported,
    /// or on the changed path they name. The commits are read only when the policy guards code.
    static func judgeChangeSet(_ history: ChangeSetHistory, documents: [Report.Document],
                               engine: Engine) throws(DesignGateError) -> [Report.Document] {
        let policy = engine.policy
        guard !policy.review.designs.isEmpty,
              engine.severity(of: DesignRequiredRule.description, status: nil) != .off else { return documents }
        let context = try history.context(review: policy.review, documents: documents.filter { $0.change != .unchanged }.map(\.path),
                                          statusField: policy.status.field)
        var result = documents
        for (path, verdict) in engine.check(context) {
            if let index = result.firstIndex(where: { $0.path == path }) {
                result[index].verdict = result[index].verdict.adding(verdict)
                continue
            }
            let change = context.files.first(where: { $0.path == path })?.change ?? .unchanged
            result.append(Report.Document(path: path, change: change, verdict: verdict))
        }
        return result
    }
}
