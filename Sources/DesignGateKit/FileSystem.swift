import Foundation
import Reporters

/// The few file operations designgate needs, with errors that say what to do.
public enum FileSystem {
    /// `name` inside `directory`, one slash between them; inside "." it is `name` itself.
    public static func join(_ directory: String, _ name: String) -> String {
        if directory == "." { return name }
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// `path` as given when absolute, otherwise inside `directory`.
    public static func resolve(_ path: String, in directory: String) -> String {
        path.hasPrefix("/") ? path : join(directory, path)
    }

    /// What is at a path, looked at without reading it.
    public enum Kind: Equatable {
        case regular(size: Int)
        case directory
        case symbolicLink
        /// A FIFO, a device, a socket: named for messages.
        case special(String)
    }

    /// The kind of `path`, following a final symbolic link only when `followLinks`; nil when
    /// nothing is there.
    public static func kind(of path: String, followLinks: Bool = false) -> Kind? {
        kind(ofBytes: Array(path.utf8), followLinks: followLinks)
    }

    /// `kind(of:)` for a path given as bytes (a name that is not valid UTF-8).
    public static func kind(ofBytes path: [UInt8], followLinks: Bool = false) -> Kind? {
        var status = stat()
        let found = withCString(path) { followLinks ? stat($0, &status) : lstat($0, &status) }
        return found == 0 ? kind(status) : nil
    }

    /// Calls `body` with `bytes` as a NUL-terminated C string.
    private static func withCString<Result>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> Result) -> Result {
        (bytes.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map(body) ?? body("")
        }
    }

    private static func kind(_ status: stat) -> Kind {
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .regular(size: Int(status.st_size))
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        case S_IFIFO: return .special("a FIFO")
        case S_IFCHR: return .special("a character device")
        case S_IFBLK: return .special("a block device")
        case S_IFSOCK: return .special("a socket")
        default: return .special("not a regular file")
        }
    }

    /// Reads a regular file of at most `limit` bytes. Anything else — a FIFO, a device, a
    /// folder, and a symbolic link unless `followLinks` — is refused before a byte is read,
    /// and never more than `limit` bytes are read.
    public static func read(_ path: String, limit: Int, followLinks: Bool = false) throws(DesignGateError) -> [UInt8] {
        try read(bytes: Array(path.utf8), limit: limit, followLinks: followLinks)
    }

    /// `read(_:limit:followLinks:)` for a path given as bytes (a name that is not valid UTF-8).
    public static func read(bytes path: [UInt8], limit: Int, followLinks: Bool = false) throws(DesignGateError) -> [UInt8] {
        let shown = TerminalText.path(String(decoding: path, as: UTF8.self))
        let descriptor = withCString(path) { open($0, O_RDONLY | O_NONBLOCK | O_CLOEXEC | (followLinks ? 0 : O_NOFOLLOW)) }
        guard descriptor >= 0 else {
            let reason = errno
            if reason == ELOOP || (reason == ENXIO && kind(ofBytes: path) == .symbolicLink) {
                throw DesignGateError("cannot read \(shown): it is a symbolic link, which is not followed",
                                      hint: "replace the link with the file itself")
            }
            if reason == ENOENT { throw DesignGateError("cannot read \(shown): no such file", hint: "check the path") }
            if reason == EACCES { throw DesignGateError("cannot read \(shown): permission denied", hint: "make the file readable") }
            throw DesignGateError("cannot read \(shown): \(String(cString: strerror(reason)))", hint: "check the path")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw DesignGateError("cannot read \(shown): \(String(cString: strerror(errno)))", hint: "check the path")
        }
        switch kind(status) {
        case .regular(let size) where size > limit:
            throw DesignGateError("cannot read \(shown): it is \(size) bytes, over the \(limit)-byte limit", hint: "use a smaller file")
        case .regular:
            break
        case .directory:
            throw DesignGateError("cannot read \(shown): it is a folder", hint: "name a file")
        case .symbolicLink, .special:
            throw DesignGateError("cannot read \(shown): it is \(describe(kind(status))), not a regular file", hint: "name a regular file")
        }
        var bytes = [UInt8](repeating: 0, count: min(Int(status.st_size), limit) + 1)
        var count = 0
        while count < bytes.count {
            let got = bytes.withUnsafeMutableBytes { buffer in
                buffer.baseAddress.map { Glibc.read(descriptor, $0 + count, buffer.count - count) } ?? 0
            }
            if got < 0, errno == EINTR { continue }
            guard got >= 0 else {
                throw DesignGateError("cannot read \(shown): \(String(cString: strerror(errno)))", hint: "make the file readable")
            }
            if got == 0 { break }
            count += got
        }
        guard count <= limit else {
            throw DesignGateError("cannot read \(shown): it grew past the \(limit)-byte limit while being read", hint: "use a smaller file")
        }
        return Array(bytes[..<count])
    }

    /// A file the repository holds for designgate itself (its configuration, CODEOWNERS), shown
    /// in messages as `shown`; nil when there is none. Only a regular file is read: a link could
    /// point at a secret (`/proc/self/environ`) or a device that never ends.
    static func readRepositoryFile(_ path: String, shown: String, limit: Int, hint: String) throws(DesignGateError) -> [UInt8]? {
        guard let kind = kind(of: path) else { return nil }
        guard case .regular = kind else {
            throw DesignGateError("\(shown) is \(describe(kind)), not a regular file; it was not read", hint: hint)
        }
        return try read(path, limit: limit)
    }

    /// A kind as a message names it ("a FIFO", "a symbolic link").
    public static func describe(_ kind: Kind) -> String {
        switch kind {
        case .regular: return "a file"
        case .directory: return "a folder"
        case .symbolicLink: return "a symbolic link"
        case .special(let name): return name
        }
    }

    public static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    public static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    /// Markdown files under `directory` with their sizes, relative paths joined to it; hidden
    /// folders skipped. Symbolic links and special files are skipped with the reason, never
    /// followed, so nothing outside the folder is read.
    public static func markdownFiles(under directory: String) -> (files: [(path: String, size: Int)], skipped: [(path: String, reason: String)]) {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return ([], []) }
        var files: [(path: String, size: Int)] = []
        var skipped: [(path: String, reason: String)] = []
        while let item = enumerator.nextObject() as? String {
            let path = join(directory, item)
            let name = (item as NSString).lastPathComponent
            let kind = self.kind(of: path)
            if name.hasPrefix(".") {
                if kind == .directory { enumerator.skipDescendants() }
                continue
            }
            let lower = name.lowercased()
            guard lower.hasSuffix(".md") || lower.hasSuffix(".markdown") else { continue }
            switch kind {
            case .regular(let size)?: files.append((path, size))
            case .directory?, nil: continue
            case .symbolicLink?: skipped.append((path, "symbolic link, not followed"))
            case let other?: skipped.append((path, "\(describe(other)), not a regular file"))
            }
        }
        return (files.sorted { $0.path < $1.path }, skipped)
    }

    /// Writes `data` to `path` atomically: a temporary file beside it, then a rename. On
    /// failure nothing is left behind and an existing file is untouched. `executable` makes it
    /// runnable (mode 0755), as a git hook must be.
    public static func writeAtomically(_ data: String, to path: String, executable: Bool = false) throws(DesignGateError) {
        let staged = try stage(data, besides: path, executable: executable)
        try staged.commit()
    }

    /// Content written to a temporary file beside its destination, waiting to be renamed over
    /// it: several files can be staged and only then committed, so a failure on one leaves
    /// every destination untouched.
    public struct StagedFile {
        public let temporary: String
        public let destination: String

        /// Renames the temporary file over the destination.
        public func commit() throws(DesignGateError) {
            guard rename(temporary, destination) == 0 else {
                let reason = String(cString: strerror(errno))
                discard()
                throw DesignGateError("cannot write \(TerminalText.path(destination)): \(reason)", hint: "choose a writable output path")
            }
        }

        /// Removes the temporary file.
        public func discard() { unlink(temporary) }
    }

    /// Writes `data` to a new temporary file in `path`'s folder.
    public static func stage(_ data: String, besides path: String, executable: Bool = false) throws(DesignGateError) -> StagedFile {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let shown = TerminalText.path(path)
        guard isDirectory(directory) else {
            throw DesignGateError("cannot write \(shown): folder \(TerminalText.path(directory)) does not exist",
                                  hint: "create the folder or choose another output path")
        }
        let temporary = directory + "/." + url.lastPathComponent + ".designgate-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, executable ? 0o755 : 0o666)
        guard descriptor >= 0 else {
            let reason = errno
            throw DesignGateError("cannot write \(shown): \(reason == EACCES || reason == EROFS ? "folder \(TerminalText.path(directory)) is not writable" : String(cString: strerror(reason)))",
                                  hint: "choose a writable output path")
        }
        if executable { fchmod(descriptor, 0o755) }
        let failure = writeAll(Array(data.utf8), to: descriptor)
        let closed = close(descriptor)
        if let failure = failure ?? (closed == 0 ? nil : errno) {
            unlink(temporary)
            let reason = failure == ENOSPC ? "the disk is full" : String(cString: strerror(failure))
            throw DesignGateError("cannot write \(shown): \(reason)", hint: "free some space or choose another output path")
        }
        return StagedFile(temporary: temporary, destination: path)
    }

    /// Writes every byte to an open file; the errno of a failure, or nil.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                buffer.baseAddress.map { Glibc.write(descriptor, $0 + written, buffer.count - written) } ?? 0
            }
            if result < 0 {
                if errno == EINTR { continue }
                return errno
            }
            written += result
        }
        return nil
    }
}
