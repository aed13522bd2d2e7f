/// A git index file read directly from its bytes (versions 2 to 4, SHA-1), for the staged
/// check's fast path: the entries and the cache-tree (`TREE` extension), which marks the
/// directories unchanged since the index last wrote their tree. Anything it does not fully
/// understand (another version, a split or sparse index, a required extension it does not
/// know, entries in conflict or only intended to add, truncated data) makes `init` return nil,
/// and the caller reads the index through libgit2 instead. The trailing checksum is not
/// verified: git verified it when it wrote the file.
public struct IndexFile {
    /// One staged file.
    public struct Entry {
        /// The path, as bytes, relative to the work tree.
        public let path: ArraySlice<UInt8>
        /// The git file mode (`100644`, `100755`, `120000`, `160000`).
        public let mode: UInt32
        public let id: ObjectID
    }

    /// A directory of the cache-tree: its tree id when still valid, and its subdirectories.
    public struct CachedTree {
        /// The directory's tree id; nil when a change below it invalidated it.
        public let id: ObjectID?
        /// Subdirectories by name.
        public let children: [[UInt8]: CachedTree]
    }

    /// The entries in index order (by path bytes).
    public let entries: [Entry]
    /// The root of the cache-tree; nil when the index has none.
    public let cachedTree: CachedTree?

    /// Parses `bytes`, the whole index file; nil when the fast path cannot use it.
    public init?(bytes: [UInt8]) {
        var reader = ByteReader(bytes: bytes)
        guard bytes.count >= 32, let signature = reader.uint32(), signature == 0x4449_5243, // "DIRC"
              let version = reader.uint32(), (2...4).contains(version),
              let count = reader.uint32(), Int(count) <= bytes.count / 62 else { return nil }
        var entries: [Entry] = []
        entries.reserveCapacity(Int(count))
        var previous: ArraySlice<UInt8> = []
        for _ in 0..<count {
            let start = reader.offset
            guard reader.skip(24), let mode = reader.uint32(), reader.skip(12),
                  let raw = reader.slice(20), let flags = reader.uint16() else { return nil }
            // Stage bits (a conflict) or extended flags (intent to add, skip-worktree): libgit2's path.
            guard flags & 0x3000 == 0, flags & 0x4000 == 0 else { return nil }
            let path: ArraySlice<UInt8>
            if version == 4 {
                guard let strip = reader.varint(), strip <= previous.count, let suffix = reader.nulTerminated() else { return nil }
                path = ArraySlice(previous.dropLast(strip) + suffix)
            } else {
                guard let name = reader.nulTerminated() else { return nil }
                path = name
                // Entries are padded with NULs to a multiple of eight bytes (the one ending the path included).
                let length = reader.offset - start
                guard reader.skip((8 - length % 8) % 8) else { return nil }
            }
            guard !path.isEmpty, entries.isEmpty || previous.lexicographicallyPrecedes(path) else { return nil }
            // Regular files as git writes them into trees: executable or not.
            let canonical = mode & 0o170000 == 0o100000 ? (mode & 0o111 != 0 ? 0o100755 : 0o100644) : mode
            entries.append(Entry(path: path, mode: canonical, id: ObjectID(bytes: raw)))
            previous = path
        }
        var cachedTree: CachedTree?
        // Extensions until the trailing checksum.
        while reader.remaining > 20 {
            guard let signature = reader.slice(4), let size = reader.uint32(), let data = reader.slice(Int(size)) else { return nil }
            if signature.elementsEqual("TREE".utf8) {
                var treeReader = ByteReader(bytes: Array(data))
                guard let root = Self.cachedTree(&treeReader, depth: 0) else { return nil }
                cachedTree = root.tree
            } else if !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(signature[signature.startIndex]) {
                // A lowercase signature is required to understand the index (`link`, `sdir`).
                return nil
            }
        }
        guard reader.remaining == 20 else { return nil }
        self.entries = entries
        self.cachedTree = cachedTree
    }

    /// Reads one cache-tree directory and, in order, the directories below it.
    private static func cachedTree(_ reader: inout ByteReader, depth: Int) -> (name: [UInt8], tree: CachedTree)? {
        guard depth < 1024, let name = reader.nulTerminated().map(Array.init), let entryCount = reader.decimal(until: UInt8(ascii: " ")),
              let subtrees = reader.decimal(until: UInt8(ascii: "\n")), subtrees >= 0 else { return nil }
        var id: ObjectID?
        if entryCount >= 0 {
            guard let raw = reader.slice(20) else { return nil }
            id = ObjectID(bytes: raw)
        }
        var children: [[UInt8]: CachedTree] = [:]
        for _ in 0..<subtrees {
            guard let child = cachedTree(&reader, depth: depth + 1) else { return nil }
            children[child.name] = child.tree
        }
        return (name, CachedTree(id: id, children: children))
    }
}

/// Reads big-endian numbers and byte strings from a buffer, never past its end.
private struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    var remaining: Int { bytes.count - offset }

    mutating func skip(_ count: Int) -> Bool {
        guard count >= 0, count <= remaining else { return false }
        offset += count
        return true
    }

    /// The next `count` bytes, sharing the buffer.
    mutating func slice(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, count <= remaining else { return nil }
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }

    mutating func uint32() -> UInt32? {
        guard remaining >= 4 else { return nil }
        defer { offset += 4 }
        return UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8
            | UInt32(bytes[offset + 3])
    }

    mutating func uint16() -> UInt16? {
        guard remaining >= 2 else { return nil }
        defer { offset += 2 }
        return UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
    }

    mutating func byte() -> UInt8? {
        guard remaining >= 1 else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// The bytes up to a NUL, which is consumed.
    mutating func nulTerminated() -> ArraySlice<UInt8>? {
        guard let end = bytes[offset...].firstIndex(of: 0) else { return nil }
        defer { offset = end + 1 }
        return bytes[offset..<end]
    }

    /// Git's variable-length offset encoding (index version 4 path prefixes).
    mutating func varint() -> Int? {
        guard var current = byte() else { return nil }
        var value = Int(current & 0x7f)
        while current & 0x80 != 0 {
            guard value < 1 << 40, let next = byte() else { return nil }
            current = next
            value = (value + 1) << 7 | Int(current & 0x7f)
        }
        return value
    }

    /// A decimal number (optionally negative) in ASCII, up to `terminator`, which is consumed.
    mutating func decimal(until terminator: UInt8) -> Int? {
        guard let end = bytes[offset...].firstIndex(of: terminator), end > offset, end - offset <= 11 else { return nil }
        defer { offset = end + 1 }
        return Int(String(decoding: bytes[offset..<end], as: UTF8.self))
    }
}
