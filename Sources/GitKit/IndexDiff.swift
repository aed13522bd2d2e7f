import CLibGit2
import Foundation

extension Repository {
    /// The changes from the tree of `base` (nil: the empty tree) to `index`, as
    /// `changes(from:to:)` finds them, without loading the index into libgit2: directories the
    /// cache-tree marks unchanged since `base` are skipped, so the cost follows the change, not
    /// the size of the repository. Nil when this path cannot decide alone: a tree it cannot read,
    /// or files added alongside files deleted or modified (a rename or copy, which libgit2's
    /// similarity search finds).
    public func changes(from base: ObjectID?, toIndexFile index: IndexFile) -> [Change]? {
        let root: ObjectID?
        do { root = try base.map(treeID(ofCommit:)) } catch { return nil }
        var diff = IndexDiff(repository: self, entries: index.entries)
        guard diff.compare(tree: root, prefix: [], range: index.entries.indices, cached: index.cachedTree) else { return nil }
        let added = diff.changes.filter { $0.status == .added }.count
        if added > 0, added < diff.changes.count { return nil }
        return diff.changes.sorted { $0.pathBytes.lexicographicallyPrecedes($1.pathBytes) }
    }

    /// The id of the tree of commit `id`.
    func treeID(ofCommit id: ObjectID) throws(GitError) -> ObjectID {
        let commit = try lookupCommit(id)
        defer { git_commit_free(commit) }
        guard let tree = git_commit_tree_id(commit) else {
            throw GitError(code: -1, errorClass: 0, message: "commit \(id) has no tree", function: "git_commit_tree_id")
        }
        return ObjectID(tree.pointee)
    }

    /// The entries of tree `id`.
    func treeEntries(_ id: ObjectID) throws(GitError) -> [IndexDiff.TreeEntry] {
        var tree: OpaquePointer?
        var raw = id.raw
        try check("git_tree_lookup", git_tree_lookup(&tree, handle, &raw))
        defer { git_tree_free(tree) }
        return (0..<git_tree_entrycount(tree)).compactMap { position in
            guard let entry = git_tree_entry_byindex(tree, position), let name = git_tree_entry_name(entry),
                  let entryID = git_tree_entry_id(entry) else { return nil }
            return IndexDiff.TreeEntry(name: Array(UnsafeRawBufferPointer(start: name, count: strlen(name))),
                                       mode: git_tree_entry_filemode(entry).rawValue, id: ObjectID(entryID.pointee))
        }
    }
}

/// Compares a tree with index entries directory by directory.
struct IndexDiff {
    /// One entry of a tree: a file, link, submodule or directory.
    struct TreeEntry {
        let name: [UInt8]
        let mode: UInt32
        let id: ObjectID
        var isDirectory: Bool { mode == GIT_FILEMODE_TREE.rawValue }
    }

    /// The deepest directory compared; deeper paths are left to libgit2.
    static let maximumDepth = 256

    let repository: Repository
    let entries: [IndexFile.Entry]
    private(set) var changes: [Change] = []

    init(repository: Repository, entries: [IndexFile.Entry]) {
        self.repository = repository
        self.entries = entries
    }

    /// Compares directory `prefix` (empty, or ending in `/`) of the tree `tree` with the index
    /// entries in `range`, which all start with `prefix`. False when it cannot tell.
    mutating func compare(tree: ObjectID?, prefix: [UInt8], range: Range<Int>, cached: IndexFile.CachedTree?,
                          depth: Int = 0) -> Bool {
        if let tree, let cachedID = cached?.id, cachedID == tree { return true }
        guard depth < Self.maximumDepth else { return false }
        var inTree: [[UInt8]: TreeEntry] = [:]
        if let tree {
            guard let treeEntries = try? repository.treeEntries(tree) else { return false }
            for entry in treeEntries { inTree[entry.name] = entry }
        }
        var position = range.lowerBound
        while position < range.upperBound {
            let path = entries[position].path
            let rest = path.dropFirst(prefix.count)
            if let slash = rest.firstIndex(of: UInt8(ascii: "/")) {
                // A directory: the entries below it are contiguous in index order.
                let name = Array(rest[..<slash])
                let directory = Array(path[...slash])
                var end = position + 1
                while end < range.upperBound, entries[end].path.starts(with: directory) { end += 1 }
                let old = inTree.removeValue(forKey: name)
                if let old, old.isDirectory {
                    guard compare(tree: old.id, prefix: directory, range: position..<end, cached: cached?.children[name],
                                  depth: depth + 1) else { return false }
                } else {
                    if let old { record(.deleted, path: prefix + name, old: old, new: nil) }
                    for entry in entries[position..<end] { record(.added, path: Array(entry.path), old: nil, new: entry) }
                }
                position = end
            } else {
                let entry = entries[position]
                let path = Array(path)
                switch inTree.removeValue(forKey: Array(rest)) {
                case nil:
                    record(.added, path: path, old: nil, new: entry)
                case let old? where old.isDirectory:
                    guard deleteAll(old.id, prefix: path + [UInt8(ascii: "/")], depth: depth + 1) else { return false }
                    record(.added, path: path, old: nil, new: entry)
                case let old?:
                    if Self.kind(old.mode) != Self.kind(entry.mode) {
                        record(.typeChanged, path: path, old: old, new: entry)
                    } else if old.id != entry.id || old.mode != entry.mode {
                        record(.modified, path: path, old: old, new: entry)
                    }
                }
                position += 1
            }
        }
        for old in inTree.values {
            if old.isDirectory {
                guard deleteAll(old.id, prefix: prefix + old.name + [UInt8(ascii: "/")], depth: depth + 1) else { return false }
            } else {
                record(.deleted, path: prefix + old.name, old: old, new: nil)
            }
        }
        return true
    }

    /// Records every file below tree `id` as deleted.
    private mutating func deleteAll(_ id: ObjectID, prefix: [UInt8], depth: Int) -> Bool {
        guard depth < Self.maximumDepth, let treeEntries = try? repository.treeEntries(id) else { return false }
        for entry in treeEntries {
            if entry.isDirectory {
                guard deleteAll(entry.id, prefix: prefix + entry.name + [UInt8(ascii: "/")], depth: depth + 1) else { return false }
            } else {
                record(.deleted, path: prefix + entry.name, old: entry, new: nil)
            }
        }
        return true
    }

    private mutating func record(_ status: ChangeStatus, path: [UInt8], old: TreeEntry?, new: IndexFile.Entry?) {
        changes.append(Change(path: String(decoding: path, as: UTF8.self), pathBytes: path, previousPath: nil,
                              status: status, kind: new.map { Self.kind($0.mode) } ?? .file,
                              blob: new.flatMap { $0.id.isZero ? nil : $0.id }, previousBlob: old?.id))
    }

    private static func kind(_ mode: UInt32) -> EntryKind {
        switch mode {
        case GIT_FILEMODE_LINK.rawValue: .symlink
        case GIT_FILEMODE_COMMIT.rawValue: .submodule
        default: .file
        }
    }
}
