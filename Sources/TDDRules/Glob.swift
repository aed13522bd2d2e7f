/// A path pattern: `**` matches any number of directories (zero included), `*` anything
/// within one path segment, `?` one character; `[abc]` a set. Matching ignores case.
///
/// Matching walks the pattern's tokens from the last, keeping which path positions the rest
/// matches from, so it takes time proportional to the pattern's length times the path's,
/// whatever the pattern: no backtracking on `**a**a**a…`.
public struct Glob: Sendable, Hashable {
    public let pattern: String
    private let tokens: [Token]
    private let caseSensitive: Bool

    private enum Token: Sendable, Hashable {
        case character(Character)
        /// `?`
        case any
        /// `[abc]`, `[!abc]`
        case set([Character], negated: Bool)
        /// `*`
        case star
        /// `**` not followed by `/`
        case doubleStar
        /// `**/`: zero or more whole directories
        case directories
    }

    public init(_ pattern: String) {
        self.init(pattern, caseSensitive: false)
    }

    /// A glob that tells `A` from `a` when `caseSensitive` (as git and CODEOWNERS do).
    public init(_ pattern: String, caseSensitive: Bool) {
        self.pattern = pattern
        self.caseSensitive = caseSensitive
        self.tokens = Self.tokens(Array(caseSensitive ? pattern : pattern.lowercased()))
    }

    public func matches(_ path: String) -> Bool {
        let path = Array(caseSensitive ? path : path.lowercased())
        let count = path.count
        // next[j]: the tokens after t match path j…; here[j]: tokens t… match path j…;
        // throughSlash[j]: some `/` at k >= j has the tokens after t matching after it.
        var next = [Bool](repeating: false, count: count + 1)
        next[count] = true
        var here = next
        var throughSlash = next
        for token in tokens.reversed() {
            for j in stride(from: count, through: 0, by: -1) {
                let more = j < count
                switch token {
                case .character(let c):
                    here[j] = more && path[j] == c && next[j + 1]
                case .any:
                    here[j] = more && path[j] != "/" && next[j + 1]
                case .set(let members, let negated):
                    here[j] = more && members.contains(path[j]) != negated && next[j + 1]
                case .star:
                    here[j] = next[j] || (more && path[j] != "/" && here[j + 1])
                case .doubleStar:
                    here[j] = next[j] || (more && here[j + 1])
                case .directories:
                    throughSlash[j] = more && ((path[j] == "/" && next[j + 1]) || throughSlash[j + 1])
                    here[j] = next[j] || throughSlash[j]
                }
            }
            swap(&next, &here)
        }
        return next[0]
    }

    private static func tokens(_ chars: [Character]) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        while index < chars.count {
            let char = chars[index]
            index += 1
            switch char {
            case "*":
                guard index < chars.count, chars[index] == "*" else {
                    tokens.append(.star)
                    continue
                }
                index += 1
                if index < chars.count, chars[index] == "/" {
                    index += 1
                    tokens.append(.directories)
                } else {
                    tokens.append(.doubleStar)
                }
            case "?":
                tokens.append(.any)
            case "[":
                guard let close = chars[index...].firstIndex(of: "]") else {
                    tokens.append(.character(char))
                    continue
                }
                var members = Array(chars[index..<close])
                let negated = members.first == "!" || members.first == "^"
                if negated { members.removeFirst() }
                tokens.append(.set(members, negated: negated))
                index = close + 1
            default:
                tokens.append(.character(char))
            }
        }
        return tokens
    }
}
