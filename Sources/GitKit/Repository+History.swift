import CLibGit2

/// What the rules about a whole change set read: commit messages, files at a commit, folders
/// in its tree, and how many lines a change touched.
extension Repository {
    /// A commit's full message, as git stores it.
    public func message(of id: ObjectID) throws(GitError) -> String {
        let commit = try lookupCommit(id)
        defer { git_commit_free(commit) }
        guard let message = git_commit_message(commit) else { return "" }
        return String(cString: message)
    }

    /// The blob at `path` in the tree of `commit`; nil when the tree has no file there.
    public func blob(at path: String, in commit: ObjectID) throws(GitError) -> ObjectID? {
        guard let entry = try entry(at: path, in: commit) else { return nil }
        defer { git_tree_entry_free(entry) }
        guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB, let id = git_tree_entry_id(entry) else { return nil }
        return ObjectID(id.pointee)
    }

    /// Whether the tree of `commit` (nil: the empty tree) has a folder at `path`.
    public func hasFolder(_ path: String, in commit: ObjectID?) throws(GitError) -> Bool {
        guard let commit else { return false }
        if path.isEmpty { return true }
        guard let entry = try entry(at: path, in: commit) else { return false }
        defer { git_tree_entry_free(entry) }
        return git_tree_entry_type(entry) == GIT_OBJECT_TREE
    }

    /// Lines added plus lines removed from blob `old` to blob `new` (nil: no file); 0 for binary content.
    public func changedLines(from old: ObjectID?, to new: ObjectID?) throws(GitError) -> Int {
        func lookup(_ id: ObjectID?) throws(GitError) -> OpaquePointer? {
            guard var raw = id?.raw else { return nil }
            var blob: OpaquePointer?
            try check("git_blob_lookup", git_blob_lookup(&blob, handle, &raw))
            return blob
        }
        let oldBlob = try lookup(old)
        defer { git_blob_free(oldBlob) }
        let newBlob = try lookup(new)
        defer { git_blob_free(newBlob) }
        var patch: OpaquePointer?
        try check("git_patch_from_blobs", git_patch_from_blobs(&patch, oldBlob, nil, newBlob, nil, nil))
        defer { git_patch_free(patch) }
        var added = 0, removed = 0
        try check("git_patch_line_stats", git_patch_line_stats(nil, &added, &removed, patch))
        return added + removed
    }

    /// The tree entry at `path` in the tree of `commit`, for the caller to free; nil when there is none.
    private func entry(at path: String, in commit: ObjectID) throws(GitError) -> OpaquePointer? {
        let tree = try tree(of: commit)
        defer { git_tree_free(tree) }
        var entry: OpaquePointer?
        let code = git_tree_entry_bypath(&entry, tree, path)
        if code == GIT_ENOTFOUND.rawValue {
            git_error_clear()
            return nil
        }
        try check("git_tree_entry_bypath", code)
        return entry
    }
}
