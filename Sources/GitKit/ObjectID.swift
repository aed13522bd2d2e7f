import CLibGit2

/// A git object id (SHA-1), as a value.
public struct ObjectID: Sendable, Hashable, CustomStringConvertible {
    let raw: git_oid

    init(_ raw: git_oid) {
        self.raw = raw
    }

    /// The id whose 20 raw bytes are `bytes`.
    init(bytes: ArraySlice<UInt8>) {
        var oid = git_oid()
        bytes.withUnsafeBufferPointer { _ = git_oid_fromraw(&oid, $0.baseAddress) }
        raw = oid
    }

    public init?(hex: String) {
        guard hex.count == 40 else { return nil }
        var oid = git_oid()
        guard git_oid_fromstr(&oid, hex) == 0 else { return nil }
        raw = oid
    }

    /// The 40 hex digits.
    public var description: String {
        var buffer = [CChar](repeating: 0, count: 41)
        var copy = raw
        git_oid_tostr(&buffer, 41, &copy)
        return String(decoding: buffer.prefix(40).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// True for the all-zero id git uses for "no object".
    public var isZero: Bool {
        var copy = raw
        return git_oid_is_zero(&copy) == 1
    }

    public static func == (lhs: ObjectID, rhs: ObjectID) -> Bool {
        var l = lhs.raw, r = rhs.raw
        return git_oid_cmp(&l, &r) == 0
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(description) }
}
