import CLibGit2

/// A failed libgit2 call: its return code, error class, message and the function called.
public struct GitError: Error, Sendable, Equatable, CustomStringConvertible {
    public let code: Int32
    public let errorClass: Int32
    public let message: String
    public let function: String

    public var description: String { "\(function): \(message) (code \(code), class \(errorClass))" }

    /// libgit2 1.5's ownership refusal, in either of its forms: `GIT_EOWNER`, or the
    /// misleading "config value 'safe.directory' was not found" when none is set.
    public var isOwnershipRefusal: Bool {
        code == GIT_EOWNER.rawValue || (message.contains("safe.directory") && code == GIT_ENOTFOUND.rawValue)
    }

    public var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue }

    /// A repository format libgit2 1.5 cannot read (split or sparse index, SHA-256, …).
    public var isUnsupportedFormat: Bool {
        message.contains("unsupported mandatory extension") || message.contains("unsupported extension")
            || message.contains("unsupported repository version")
    }
}

/// The one gate every libgit2 call goes through: a negative return becomes a `GitError`
/// carrying `git_error_last()` (which libgit2 1.5 may leave NULL).
@discardableResult
func check(_ function: String, _ result: Int32) throws(GitError) -> Int32 {
    guard result < 0 else { return result }
    let last = git_error_last()
    let message = last.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "no message from libgit2"
    let errorClass = last.map { $0.pointee.klass } ?? 0
    git_error_clear()
    throw GitError(code: result, errorClass: errorClass, message: message, function: function)
}

#if os(Linux)
/// Stands in for libgit2's TLS set-up, which seeds a random generator and parses every CA
/// certificate on the system (a sixth of the hook's start-up). designgate reads local objects
/// and references only and never opens a connection, so the link (`--wrap`, in Package.swift)
/// sends libgit2's call here, and it does nothing.
@_cdecl("__wrap_git_mbedtls_stream_global_init")
func skipTLSSetUp() -> Int32 {
    skippedTLSSetUp = true
    return 0
}
#endif

/// True once libgit2's initialisation has called `skipTLSSetUp` (set during `git_libgit2_init`, under its lock).
nonisolated(unsafe) var skippedTLSSetUp = false

/// libgit2 is initialised once, on first use, by the modes that read git only.
let libgit2Ready: Bool = {
    git_libgit2_init()
    // Objects are read, never trusted for writing: skip re-hashing each one, as git does.
    _ = designgate_git_set_strict_hash_verification(0)
    // Map packs 1 MiB at a time, at most 2 MiB at once: `--all` over a large pack reads every
    // blob once, in pack order, and would otherwise keep every page it read resident.
    _ = designgate_git_set_mapped_windows(1 << 20, 2 << 20)
    return true
}()
