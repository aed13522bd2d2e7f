import Foundation
import GitKit
import Reporters
import TDDRules
import TDDMarkdown

/// Reads the change set of a git mode: which documents changed and their content from the
/// right object (staged blob, tree at head, or working file).
struct GitChangeReader {
    let root: String
    private let repository: Repository
    private let mode: CheckMode
    /// The variables the CI and git set (`GIT_INDEX_FILE`, the CI's base and head).
    private let environment: [String: String]
    /// The pre-push hook's standard input: the refs being pushed.
    private let prePushInput: String
    private let directory: String

    /// Opens the repository holding `directory` to read `mode`'s change set; `trustOwner` skips
    /// libgit2's ownership check.
    init(directory: String, mode: CheckMode, environment: [String: String], prePushInput: String = "",
         trustOwner: Bool = false) throws(DesignGateError) {
        self.directory = directory
        self.mode = mode
        self.environment = environment
        self.prePushInput = prePushInput
        do {
            repository = try Repository(discoveringFrom: directory, environment: environment, trustOwner: trustOwner)
        } catch {
            throw Self.openError(error, directory: directory)
        }
        root = repository.workingDirectory.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? repository.gitDirectory
    }

    func files() throws(DesignGateError) -> ChangeSetFiles {
        switch mode {
        case .worktree:
            try requireWorkTree("check (working tree mode)")
            let head = try headOrNil()
            return try collect(git { () throws(GitError) in try repository.changes(from: head, to: .workingTree) },
                               changeSet: Report.ChangeSet(mode: "worktree", base: head?.description), fromWorkTree: true)
        case .staged:
            try requireWorkTree("check --staged")
            let head = try headOrNil()
            if let bytes = try? FileSystem.read(indexPath, limit: 1 << 30), let file = IndexFile(bytes: bytes),
               let changes = repository.changes(from: head, toIndexFile: file) {
                return try collect(changes, changeSet: Report.ChangeSet(mode: "staged", base: head?.description))
            }
            let index = try openIndex()
            let changes = try git { () throws(GitError) in try repository.changes(from: head, to: .index(index)) }
            var skipped: [(String, String)] = []
            let committed = changes.filter { change in
                if index.isIntentToAdd(change.path) {
                    skipped.append((change.path, "intent to add only (git add -N): not part of the commit"))
                    return false
                }
                return true
            }
            var files = try collect(committed, changeSet: Report.ChangeSet(mode: "staged", base: head?.description))
            files.skipped.insert(contentsOf: skipped, at: 0)
            return files
        case .range(let spec):
            return try rangeFiles(spec, mode: "range")
        case .commit(let revision):
            let commit = try resolve(revision)
            let parent = try git { () throws(GitError) in try repository.firstParent(of: commit) }
            if let parent, !repository.contains(parent) {
                throw Self.shallowError(missing: parent.description, needed: "the parent of \(revision)")
            }
            let changes = try git { () throws(GitError) in try repository.changes(from: parent, to: .commit(commit)) }
            var files = try collect(changes, changeSet: Report.ChangeSet(mode: "commit", base: parent?.description, head: commit.description))
            files.history = ChangeSetHistory(repository: repository, head: commit, changes: changes.map { ($0, parent) },
                                             walks: [(commit, parent.map { [$0] } ?? [])])
            return files
        case .all(let revision):
            if revision == nil, repository.isHeadUnborn {
                throw DesignGateError("--all reads the tree of HEAD, but this repository has no commit yet",
                                      hint: "commit first, or name the files: `designgate check docs/design`")
            }
            let commit = try resolve(revision ?? "HEAD")
            var files = try collect(git { () throws(GitError) in try repository.files(in: commit) },
                                    changeSet: Report.ChangeSet(mode: "all", head: commit.description))
            files.candidates = files.candidates.map { $0.with(change: .unchanged) }
            return files
        case .prePush:
            return try prePushFiles()
        case .ci(let base):
            let detected = try CIDetector(environment: environment, explicitBase: base).detect()
            do {
                var files = try rangeFiles(detected.range, mode: "ci:\(detected.provider)")
                files.history?.description = detected.description
                return files
            } catch where base == nil && error.message.hasPrefix("unknown revision") {
                throw DesignGateError("\(error.message): the base \(detected.provider == "local" ? "designgate assumed" : "the CI gave") "
                                      + "for --ci is not in this clone",
                                      hint: "name the base with `--ci --base REF` (for example `--base origin/main`), "
                                      + "or fetch it before the check")
            }
        case .paths:
            return ChangeSetFiles(changeSet: Report.ChangeSet(mode: "paths"), candidates: [])
        }
    }

    // MARK: - Modes

    private func rangeFiles(_ spec: String, mode: String) throws(DesignGateError) -> ChangeSetFiles {
        let parts: [String]
        let threeDot = spec.contains("...")
        if threeDot {
            parts = spec.components(separatedBy: "...")
        } else {
            parts = spec.components(separatedBy: "..")
        }
        guard parts.count == 2, !parts[0].isEmpty || !parts[1].isEmpty else {
            throw DesignGateError("invalid range `\(spec)`", hint: "write A..B (tree of A against tree of B) or A...B (from their merge base)")
        }
        let head = try resolve(parts[1].isEmpty ? "HEAD" : parts[1])
        let from = try resolve(parts[0].isEmpty ? "HEAD" : parts[0])
        var base = from
        if threeDot {
            do {
                base = try repository.mergeBase(from, head)
            } catch {
                if repository.isShallow {
                    throw Self.shallowError(missing: "the merge base of \(parts[0]) and \(parts[1])", needed: "a three-dot range")
                }
                throw DesignGateError("\(parts[0]) and \(parts[1]) have no common ancestor",
                                      hint: "use a two-dot range (A..B) to compare the trees directly")
            }
        }
        let changes = try git { () throws(GitError) in try repository.changes(from: base, to: .commit(head)) }
        var files = try collect(changes, changeSet: Report.ChangeSet(mode: mode, base: base.description, head: head.description))
        files.history = ChangeSetHistory(repository: repository, head: head, changes: changes.map { ($0, base) }, walks: [(head, [base])])
        return files
    }

    /// `--pre-push`: the refs on standard input; deletions skipped; a new branch checked
    /// against the commits no remote-tracking ref has.
    private func prePushFiles() throws(DesignGateError) -> ChangeSetFiles {
        var merged: [String: Change] = [:]
        var heads: [String: ObjectID] = [:]
        var history: [(change: Change, base: ObjectID?)] = []
        var walks: [(tip: ObjectID, hiding: [ObjectID])] = []
        var lastTip: ObjectID?
        var described: [String] = []
        for line in prePushInput.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: " ").map(String.init)
            guard fields.count == 4 else {
                throw DesignGateError("unexpected pre-push input line `\(line)`",
                                      hint: "git feeds `<local ref> <local sha> <remote ref> <remote sha>` lines; run this from a pre-push hook")
            }
            guard let local = ObjectID(hex: fields[1]), let remote = ObjectID(hex: fields[3]) else {
                throw DesignGateError("unexpected object id in pre-push line `\(line)`", hint: "git feeds 40-digit ids")
            }
            if local.isZero { continue }
            let tip = try resolve(fields[1])
            var changes: [Change] = []
            if remote.isZero {
                let known = try git { () throws(GitError) in try repository.remoteTrackingTips() }
                let commits = try git { () throws(GitError) in try repository.commits(from: tip, hiding: known) }
                // Oldest first, so the latest change of a path wins.
                for commit in commits.reversed() {
                    let parent = try git { () throws(GitError) in try repository.firstParent(of: commit) }
                    // Each commit's own parent is no base of the push: a new branch's documents have none.
                    let own = try git { () throws(GitError) in try repository.changes(from: parent, to: .commit(commit)) }
                    history += own.map { ($0, parent) }
                    changes += own.map {
                        Change(path: $0.path, pathBytes: $0.pathBytes, previousPath: $0.previousPath, status: $0.status,
                               kind: $0.kind, blob: $0.blob)
                    }
                }
                walks.append((tip, known))
                described.append("\(fields[2]) (new)")
            } else {
                guard repository.contains(remote) else {
                    throw DesignGateError("the remote's \(fields[2]) is at \(remote), which this repository does not have",
                                          hint: "run `git fetch` first, then push again")
                }
                let base = try resolve(fields[3])
                changes = try git { () throws(GitError) in try repository.changes(from: base, to: .commit(tip)) }
                history += changes.map { ($0, base) }
                walks.append((tip, [base]))
                described.append(fields[2])
            }
            lastTip = tip
            for change in changes {
                merged[change.path] = change
                heads[change.path] = tip
            }
        }
        // Check each path as it is in the pushed tip; drop paths the tip no longer has.
        var candidates: [Candidate] = []
        var skipped: [(path: String, reason: String)] = []
        var trees: [ObjectID: [String: Change]] = [:]
        for path in merged.keys.sorted() {
            guard let change = merged[path], let tip = heads[path] else { continue }
            if trees[tip] == nil {
                let files = try git { () throws(GitError) in try repository.files(in: tip) }
                trees[tip] = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
            }
            guard let current = trees[tip]?[path], change.status != .deleted else { continue }
            let latest = Change(path: path, previousPath: change.previousPath, status: change.status,
                                kind: current.kind, blob: current.blob, previousBlob: change.previousBlob)
            switch candidate(for: latest, fromWorkTree: false) {
            case .candidate(let item): candidates.append(item)
            case .skip(let reason): skipped.append((path, reason))
            case .ignore: continue
            }
        }
        let mode = "pre-push" + (described.isEmpty ? "" : " " + described.joined(separator: ", "))
        var files = ChangeSetFiles(changeSet: Report.ChangeSet(mode: mode), candidates: candidates, skipped: skipped)
        files.history = lastTip.map { ChangeSetHistory(repository: repository, head: $0, changes: history, walks: walks) }
        return files
    }

    // MARK: - Candidates

    private enum Decision {
        case candidate(Candidate)
        case skip(String)
        case ignore
    }

    private func collect(_ changes: [Change], changeSet: Report.ChangeSet,
                         fromWorkTree: Bool = false) throws(DesignGateError) -> ChangeSetFiles {
        var files = ChangeSetFiles(changeSet: changeSet, candidates: [])
        for change in changes.sorted(by: { $0.path < $1.path }) {
            switch candidate(for: change, fromWorkTree: fromWorkTree) {
            case .candidate(let item): files.candidates.append(item)
            case .skip(let reason): files.skipped.append((change.path, reason))
            case .ignore: continue
            }
        }
        return files
    }

    private func candidate(for change: Change, fromWorkTree: Bool) -> Decision {
        switch change.status {
        case .deleted: return .ignore
        case .conflicted: return .skip("unmerged (conflicted) entry")
        default: break
        }
        switch change.kind {
        case .symlink: return .skip("symbolic link, not followed")
        case .submodule: return .skip("submodule (gitlink), not a file")
        case .file: break
        }
        let kind: ChangeKind
        switch change.status {
        case .added, .untracked: kind = .added
        case .renamed: kind = .renamed
        case .copied: kind = .copied
        default: kind = .modified
        }
        let repository = self.repository
        var item: Candidate
        if fromWorkTree || change.blob == nil {
            let file = Array((root + "/").utf8) + change.pathBytes
            switch FileSystem.kind(ofBytes: file) {
            case .symbolicLink?: return .skip("symbolic link, not followed")
            case .regular(let size)?:
                item = Candidate(path: change.path, change: kind, previousPath: change.previousPath, size: size) {
                    () throws(DesignGateError) in try FileSystem.read(bytes: file, limit: InputLimits().maxBytes)
                }
            case let other?: return .skip("\(FileSystem.describe(other)), not a regular file")
            case nil: return .ignore
            }
        } else {
            guard let blob = change.blob else { return .ignore }
            let path = change.path
            item = Candidate(path: path, change: kind, previousPath: change.previousPath, size: try? repository.blobSize(blob)) {
                () throws(DesignGateError) in try Self.read(blob, of: path, in: repository)
            }
        }
        // The base's version, as the diff found it: a modified or renamed document has one (a
        // copy is a new document). One over the size limit is not compared.
        if kind == .modified || kind == .renamed, let previous = change.previousBlob {
            let path = change.previousPath ?? change.path
            item.readBase = { () throws(DesignGateError) in try Self.readWithinLimit(previous, of: path, in: repository) }
        }
        return .candidate(item)
    }

    /// A blob's bytes; a missing object is an error that says how to fetch it.
    static func read(_ blob: ObjectID, of path: String, in repository: Repository) throws(DesignGateError) -> [UInt8] {
        do {
            return try repository.blobContent(blob)
        } catch {
            throw DesignGateError("cannot read \(path) (blob \(blob)): \(error)",
                                  hint: "the object is missing (a partial or shallow clone?): fetch it with `git fetch --unshallow` or `git fetch --refetch`")
        }
    }

    /// A blob's bytes, or nil when it is over the size limit (or its size cannot be read).
    static func readWithinLimit(_ blob: ObjectID, of path: String, in repository: Repository) throws(DesignGateError) -> [UInt8]? {
        guard let size = try? repository.blobSize(blob), size <= InputLimits().maxBytes else { return nil }
        return try read(blob, of: path, in: repository)
    }

    // MARK: - Helpers

    /// The index `--staged` reads: `GIT_INDEX_FILE` (relative to where designgate runs) or the repository's.
    private var indexPath: String {
        if let file = environment["GIT_INDEX_FILE"], !file.isEmpty {
            return FileSystem.resolve(file, in: directory)
        }
        return FileSystem.join(repository.gitDirectory, "index")
    }

    private func openIndex() throws(DesignGateError) -> Index {
        do {
            if let file = environment["GIT_INDEX_FILE"], !file.isEmpty { return try Index(file: indexPath) }
            return try repository.index()
        } catch {
            throw Self.openError(error, directory: directory)
        }
    }

    private func headOrNil() throws(DesignGateError) -> ObjectID? {
        if repository.isHeadUnborn { return nil }
        return try resolve("HEAD")
    }

    private func resolve(_ revision: String) throws(DesignGateError) -> ObjectID {
        do {
            return try repository.commit(revision)
        } catch {
            if repository.isShallow, ObjectID(hex: revision) != nil || error.message.contains("object not found") {
                throw Self.shallowError(missing: revision, needed: "revision \(revision)")
            }
            if let id = ObjectID(hex: revision), !repository.contains(id) {
                throw DesignGateError("commit \(revision) is not in this repository",
                                      hint: "fetch it (`git fetch origin \(revision)`) or check the id")
            }
            throw DesignGateError("unknown revision `\(revision)`",
                                  hint: "check the name with `git rev-parse \(revision)`; for a remote branch fetch it first")
        }
    }

    private func requireWorkTree(_ what: String) throws(DesignGateError) {
        if repository.isBare {
            throw DesignGateError("\(what) needs a work tree, but \(repository.gitDirectory) is a bare repository",
                                  hint: "use --range, --commit or --all in a bare repository")
        }
    }

    private static func shallowError(missing: String, needed: String) -> DesignGateError {
        DesignGateError("this is a shallow clone and \(missing) (\(needed)) is not in it",
                        hint: "fetch the full history: `fetch-depth: 0` (GitHub Actions), `GIT_DEPTH: 0` (GitLab CI), or `git fetch --unshallow`")
    }

    private func git<T>(_ body: () throws(GitError) -> T) throws(DesignGateError) -> T {
        try Self.git(in: repository, body)
    }

    /// Runs a libgit2 read on `repository`; its error as designgate's, saying how to fetch what a shallow clone lacks.
    static func git<T>(in repository: Repository, _ body: () throws(GitError) -> T) throws(DesignGateError) -> T {
        do {
            return try body()
        } catch {
            if error.isNotFound, repository.isShallow {
                throw shallowError(missing: "an object the change set needs", needed: error.message)
            }
            throw DesignGateError("git: \(error.message)", hint: "check the repository with `git fsck`")
        }
    }

    static func openError(_ error: GitError, directory: String) -> DesignGateError {
        if error.isOwnershipRefusal {
            let path = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
            return DesignGateError(
                "the repository at \(path) is owned by another user, so it is not trusted (git's safe.directory check)",
                hint: "if you trust it, run `git config --global --add safe.directory \(path)` (the exact path: libgit2 1.5 ignores `*`), or pass --trust-repo-owner")
        }
        if error.isUnsupportedFormat {
            var hint = "designgate reads repositories through libgit2 1.5"
            if error.message.contains("'link'") { hint = "turn the split index off: `git update-index --no-split-index`" }
            if error.message.contains("'sdir'") { hint = "turn the sparse index off: `git sparse-checkout init --no-sparse-index`" }
            if error.message.contains("objectformat") { hint = "SHA-256 repositories are not supported; check the files as paths instead" }
            if error.message.contains("worktreeconfig") { hint = "remove `extensions.worktreeConfig` (`git config --unset extensions.worktreeConfig`) if you can" }
            return DesignGateError("unsupported repository format: \(error.message)", hint: hint)
        }
        if error.isNotFound, error.function == "git_repository_open_ext" {
            return DesignGateError("not a git repository: \(directory)",
                                   hint: "run inside a repository, pass -C DIR, or name the files to check them without git")
        }
        return DesignGateError("cannot open the repository: \(error.message)", hint: "check it with `git status`")
    }
}
