import CLibGit2
import Foundation

/// How a file changed between two snapshots.
public enum ChangeStatus: String, Sendable, Hashable {
    case added, modified, renamed, copied, typeChanged, deleted, untracked, conflicted
}

/// What kind of entry a path is in git.
public enum EntryKind: Sendable, Hashable {
    case file
    case symlink
    /// A submodule (gitlink): a commit of another repository.
    case submodule
}

/// One changed path between two snapshots.
public struct Change: Sendable, Hashable {
    /// The path, decoded as UTF-8 (invalid bytes replaced): for showing and selecting.
    public let path: String
    /// The path's bytes as git stores them: for opening the file, whatever its encoding.
    public let pathBytes: [UInt8]
    public let previousPath: String?
    public let status: ChangeStatus
    public let kind: EntryKind
    /// The new blob (nil for the working tree and deletions).
    public let blob: ObjectID?
    /// The blob the base had at this path (at `previousPath` for a rename or copy); nil for an
    /// addition.
    public let previousBlob: ObjectID?

    public init(path: String, pathBytes: [UInt8]? = nil, previousPath: String?, status: ChangeStatus, kind: EntryKind,
                blob: ObjectID?, previousBlob: ObjectID? = nil) {
        self.path = path
        self.pathBytes = pathBytes ?? Array(path.utf8)
        self.previousPath = previousPath
        self.status = status
        self.kind = kind
        self.blob = blob
        self.previousBlob = previousBlob
    }
}

/// What a diff compares the base tree with.
public enum DiffTarget {
    /// The tree of a commit.
    case commit(ObjectID)
    /// An index: the repository's own, or the file `GIT_INDEX_FILE` names.
    case index(Index)
    /// The working tree (through the index), untracked files included.
    case workingTree
}

/// A git repository opened with libgit2. The only owner of the `git_repository` handle.
public final class Repository {
    let handle: OpaquePointer

    /// Opens the repository at or above `path` (or `GIT_DIR` when the environment sets it,
    /// with `GIT_WORK_TREE`), as git itself would for a hook.
    public init(discoveringFrom path: String, environment: [String: String] = [:],
                trustOwner: Bool = false) throws(GitError) {
        precondition(libgit2Ready)
        if trustOwner { try check("git_libgit2_opts", designgate_git_set_owner_validation(0)) }
        var pointer: OpaquePointer?
        if let gitDir = environment["GIT_DIR"], !gitDir.isEmpty {
            let absolute = gitDir.hasPrefix("/") ? gitDir : path + "/" + gitDir
            try check("git_repository_open_ext", git_repository_open_ext(&pointer, absolute,
                                                                           GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil))
        } else {
            try check("git_repository_open_ext", git_repository_open_ext(&pointer, path, 0, nil))
        }
        guard let pointer else {
            throw GitError(code: -1, errorClass: 0, message: "no repository", function: "git_repository_open_ext")
        }
        handle = pointer
        if let workTree = environment["GIT_WORK_TREE"], !workTree.isEmpty {
            let absolute = workTree.hasPrefix("/") ? workTree : path + "/" + workTree
            try check("git_repository_set_workdir", git_repository_set_workdir(handle, absolute, 0))
        }
    }

    deinit { git_repository_free(handle) }

    /// The working tree folder (with a trailing `/`), nil for a bare repository.
    public var workingDirectory: String? {
        git_repository_workdir(handle).map { String(cString: $0) }
    }

    public var gitDirectory: String { String(cString: git_repository_path(handle)) }

    public var isBare: Bool { git_repository_is_bare(handle) == 1 }
    public var isShallow: Bool { git_repository_is_shallow(handle) == 1 }
    public var isHeadUnborn: Bool { git_repository_head_unborn(handle) == 1 }

    /// The commit `revision` names (tags peeled).
    public func commit(_ revision: String) throws(GitError) -> ObjectID {
        var object: OpaquePointer?
        try check("git_revparse_single", git_revparse_single(&object, handle, revision))
        defer { git_object_free(object) }
        var peeled: OpaquePointer?
        try check("git_object_peel", git_object_peel(&peeled, object, GIT_OBJECT_COMMIT))
        defer { git_object_free(peeled) }
        return ObjectID(git_object_id(peeled).pointee)
    }

    /// Whether the object exists in the object database.
    public func contains(_ id: ObjectID) -> Bool {
        var odb: OpaquePointer?
        guard git_repository_odb(&odb, handle) == 0 else { return false }
        defer { git_odb_free(odb) }
        var raw = id.raw
        return git_odb_exists(odb, &raw) == 1
    }

    /// The first parent of a commit; nil for a root commit.
    public func firstParent(of id: ObjectID) throws(GitError) -> ObjectID? {
        let commit = try lookupCommit(id)
        defer { git_commit_free(commit) }
        guard git_commit_parentcount(commit) > 0, let parent = git_commit_parent_id(commit, 0) else { return nil }
        return ObjectID(parent.pointee)
    }

    public func mergeBase(_ a: ObjectID, _ b: ObjectID) throws(GitError) -> ObjectID {
        var out = git_oid()
        var first = a.raw, second = b.raw
        try check("git_merge_base", git_merge_base(&out, handle, &first, &second))
        return ObjectID(out)
    }

    /// Commits reachable from `tip` but from none of `hidden` (oldest last).
    public func commits(from tip: ObjectID, hiding hidden: [ObjectID]) throws(GitError) -> [ObjectID] {
        var walk: OpaquePointer?
        try check("git_revwalk_new", git_revwalk_new(&walk, handle))
        defer { git_revwalk_free(walk) }
        var start = tip.raw
        try check("git_revwalk_push", git_revwalk_push(walk, &start))
        for id in hidden {
            var raw = id.raw
            try check("git_revwalk_hide", git_revwalk_hide(walk, &raw))
        }
        var result: [ObjectID] = []
        var next = git_oid()
        while true {
            let code = git_revwalk_next(&next, walk)
            if code == GIT_ITEROVER.rawValue { break }
            try check("git_revwalk_next", code)
            result.append(ObjectID(next))
        }
        return result
    }

    /// The ids of every remote-tracking branch (`refs/remotes/*`).
    public func remoteTrackingTips() throws(GitError) -> [ObjectID] {
        var iterator: OpaquePointer?
        try check("git_reference_iterator_glob_new", git_reference_iterator_glob_new(&iterator, handle, "refs/remotes/*"))
        defer { git_reference_iterator_free(iterator) }
        var result: [ObjectID] = []
        var reference: OpaquePointer?
        while true {
            let code = git_reference_next(&reference, iterator)
            if code == GIT_ITEROVER.rawValue { break }
            try check("git_reference_next", code)
            defer { git_reference_free(reference) }
            var peeled: OpaquePointer?
            if git_reference_peel(&peeled, reference, GIT_OBJECT_COMMIT) == 0 {
                result.append(ObjectID(git_object_id(peeled).pointee))
                git_object_free(peeled)
            } else {
                git_error_clear()
            }
        }
        return result
    }

    /// The changes from the tree of `base` (nil: the empty tree) to `target`, with renames
    /// and copies found (on the whole diff, before any path filter).
    public func changes(from base: ObjectID?, to target: DiffTarget) throws(GitError) -> [Change] {
        var options = git_diff_options()
        try check("git_diff_options_init", git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)))
        options.flags = GIT_DIFF_INCLUDE_TYPECHANGE.rawValue | GIT_DIFF_SKIP_BINARY_CHECK.rawValue
        if case .workingTree = target {
            options.flags |= GIT_DIFF_INCLUDE_UNTRACKED.rawValue | GIT_DIFF_RECURSE_UNTRACKED_DIRS.rawValue
        }
        var baseTree: OpaquePointer?
        if let base { baseTree = try tree(of: base) }
        defer { git_tree_free(baseTree) }
        var diff: OpaquePointer?
        switch target {
        case .commit(let id):
            let newTree = try tree(of: id)
            defer { git_tree_free(newTree) }
            try check("git_diff_tree_to_tree", git_diff_tree_to_tree(&diff, handle, baseTree, newTree, &options))
        case .index(let index):
            try check("git_diff_tree_to_index", git_diff_tree_to_index(&diff, handle, baseTree, index.handle, &options))
        case .workingTree:
            try check("git_diff_tree_to_workdir_with_index",
                      git_diff_tree_to_workdir_with_index(&diff, handle, baseTree, &options))
        }
        defer { git_diff_free(diff) }
        var find = git_diff_find_options()
        try check("git_diff_find_options_init", git_diff_find_options_init(&find, UInt32(GIT_DIFF_FIND_OPTIONS_VERSION)))
        find.flags = GIT_DIFF_FIND_RENAMES.rawValue | GIT_DIFF_FIND_COPIES.rawValue
        // As git does: inexact matching compares every source with every destination while
        // their product stays within `diff.renameLimit` squared, and is skipped beyond it.
        // (libgit2's own limit counts matches per file, and so can pair a renamed file with
        // the wrong one among many that share a template.)
        var sources = 0, destinations = 0
        for index in 0..<git_diff_num_deltas(diff) {
            switch git_diff_get_delta(diff, index)?.pointee.status {
            case GIT_DELTA_DELETED?, GIT_DELTA_MODIFIED?: sources += 1
            case GIT_DELTA_ADDED?, GIT_DELTA_UNTRACKED?: destinations += 1
            default: continue
            }
        }
        let limit = renameLimit()
        let (pairs, overflow) = sources.multipliedReportingOverflow(by: destinations)
        if overflow || pairs > limit * limit {
            find.flags |= GIT_DIFF_FIND_EXACT_MATCH_ONLY.rawValue
        } else {
            find.rename_limit = max(sources, 1)
        }
        try check("git_diff_find_similar", git_diff_find_similar(diff, &find))

        // Working-tree content is read from disk, never from an object id.
        let fromWorkingTree: Bool
        if case .workingTree = target { fromWorkingTree = true } else { fromWorkingTree = false }
        var result: [Change] = []
        for index in 0..<git_diff_num_deltas(diff) {
            guard let delta = git_diff_get_delta(diff, index)?.pointee else { continue }
            let status: ChangeStatus
            switch delta.status {
            case GIT_DELTA_ADDED: status = .added
            case GIT_DELTA_MODIFIED: status = .modified
            case GIT_DELTA_RENAMED: status = .renamed
            case GIT_DELTA_COPIED: status = .copied
            case GIT_DELTA_TYPECHANGE: status = .typeChanged
            case GIT_DELTA_DELETED: status = .deleted
            case GIT_DELTA_UNTRACKED: status = .untracked
            case GIT_DELTA_CONFLICTED: status = .conflicted
            default: continue
            }
            let newPathBytes = Array(UnsafeBufferPointer(start: delta.new_file.path, count: strlen(delta.new_file.path)))
                .map { UInt8(bitPattern: $0) }
            let newPath = String(decoding: newPathBytes, as: UTF8.self)
            let oldPath = String(cString: delta.old_file.path)
            let kind: EntryKind
            switch delta.new_file.mode {
            case UInt16(GIT_FILEMODE_LINK.rawValue): kind = .symlink
            case UInt16(GIT_FILEMODE_COMMIT.rawValue): kind = .submodule
            default: kind = .file
            }
            let id = ObjectID(delta.new_file.id)
            let previousID = ObjectID(delta.old_file.id)
            result.append(Change(path: newPath, pathBytes: newPathBytes,
                                 previousPath: status == .renamed || status == .copied ? oldPath : nil,
                                 status: status, kind: kind,
                                 blob: fromWorkingTree || id.isZero ? nil : id,
                                 previousBlob: previousID.isZero ? nil : previousID))
        }
        return result
    }

    /// git's `diff.renameLimit`: 1000 unless configured; zero or less means git's maximum.
    private func renameLimit() -> Int {
        var config: OpaquePointer?
        guard git_repository_config_snapshot(&config, handle) == 0 else {
            git_error_clear()
            return 1000
        }
        defer { git_config_free(config) }
        var value: Int32 = 0
        guard git_config_get_int32(&value, config, "diff.renameLimit") == 0 else {
            git_error_clear()
            return 1000
        }
        return value > 0 ? min(Int(value), 32767) : 32767
    }

    /// Every file in the tree of a commit, as additions.
    public func files(in commit: ObjectID) throws(GitError) -> [Change] {
        try changes(from: nil, to: .commit(commit)).map {
            Change(path: $0.path, pathBytes: $0.pathBytes, previousPath: nil, status: .added, kind: $0.kind, blob: $0.blob)
        }
    }

    /// A blob's size without inflating it.
    public func blobSize(_ id: ObjectID) throws(GitError) -> Int {
        var odb: OpaquePointer?
        try check("git_repository_odb", git_repository_odb(&odb, handle))
        defer { git_odb_free(odb) }
        var length = 0
        var type = GIT_OBJECT_ANY
        var raw = id.raw
        try check("git_odb_read_header", git_odb_read_header(&length, &type, odb, &raw))
        return length
    }

    /// A blob's bytes, copied out before the blob is freed.
    public func blobContent(_ id: ObjectID) throws(GitError) -> [UInt8] {
        var blob: OpaquePointer?
        var raw = id.raw
        try check("git_blob_lookup", git_blob_lookup(&blob, handle, &raw))
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let bytes = git_blob_rawcontent(blob) else { return [] }
        return Array(UnsafeRawBufferPointer(start: bytes, count: size))
    }

    /// The repository's own index.
    public func index() throws(GitError) -> Index {
        var pointer: OpaquePointer?
        try check("git_repository_index", git_repository_index(&pointer, handle))
        guard let pointer else { throw GitError(code: -1, errorClass: 0, message: "no index", function: "git_repository_index") }
        return Index(handle: pointer)
    }

    func lookupCommit(_ id: ObjectID) throws(GitError) -> OpaquePointer? {
        var commit: OpaquePointer?
        var raw = id.raw
        try check("git_commit_lookup", git_commit_lookup(&commit, handle, &raw))
        return commit
    }

    func tree(of id: ObjectID) throws(GitError) -> OpaquePointer? {
        let commit = try lookupCommit(id)
        defer { git_commit_free(commit) }
        var tree: OpaquePointer?
        try check("git_commit_tree", git_commit_tree(&tree, commit))
        return tree
    }
}

/// A git index: the repository's, or a standalone one opened from a file.
public final class Index {
    let handle: OpaquePointer

    init(handle: OpaquePointer) {
        self.handle = handle
    }

    /// Opens the index file at `path` (what `GIT_INDEX_FILE` names), read only.
    public init(file path: String) throws(GitError) {
        precondition(libgit2Ready)
        var pointer: OpaquePointer?
        try check("git_index_open", git_index_open(&pointer, path))
        guard let pointer else { throw GitError(code: -1, errorClass: 0, message: "no index", function: "git_index_open") }
        handle = pointer
    }

    deinit { git_index_free(handle) }

    /// Whether the entry at `path` is only an intent to add (`git add -N`): git does not
    /// commit it.
    public func isIntentToAdd(_ path: String) -> Bool {
        guard let entry = git_index_get_bypath(handle, path, 0) else { return false }
        return Int32(entry.pointee.flags_extended) & Int32(GIT_INDEX_ENTRY_INTENT_TO_ADD.rawValue) != 0
    }
}
