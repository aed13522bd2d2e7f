/// A path pattern: `**` matches any number of directories (zero included), `*` anything
/// within one path segment, `?` one character; `[abc]` a set. Matching ignores case.
public struct Glob: Sendable, Hashable {
    public let pattern: String
    private let chars: [Character]

    public init(_ pattern: String) {
        self.pattern = pattern
        self.chars = Array(pattern.lowercased())
    }

    public func matches(_ path: String) -> Bool {
        Self.match(chars[...], Array(path.lowercased())[...])
    }

    private static func match(_ pattern: ArraySlice<Character>, _ path: ArraySlice<Character>) -> Bool {
        var p = pattern, s = path
        while let head = p.first {
            switch head {
            case "*":
                if p.dropFirst().first == "*" {
                    var rest = p.dropFirst(2)
                    if rest.first == "/" {
                        rest = rest.dropFirst()
                        // `**/` matches zero or more whole directories.
                        if match(rest, s) { return true }
                        var index = s.startIndex
                        while index < s.endIndex {
                            if s[index] == "/", match(rest, s[(index + 1)...]) { return true }
                            index += 1
                        }
                        return false
                    }
                    var index = s.startIndex
                    while index <= s.endIndex {
                        if match(rest, s[index...]) { return true }
                        index += 1
                    }
                    return false
                }
                let rest = p.dropFirst()
                var index = s.startIndex
                while true {
                    if match(rest, s[index...]) { return true }
                    if index == s.endIndex || s[index] == "/" { return false }
                    index += 1
                }
            case "?":
                guard let c = s.first, c != "/" else { return false }
                p = p.dropFirst()
                s = s.dropFirst()
            case "[":
                guard let close = p.dropFirst().firstIndex(of: "]"), let c = s.first else { return false }
                let set = p[(p.startIndex + 1)..<close]
                let negated = set.first == "!" || set.first == "^"
                let members = negated ? set.dropFirst() : set
                guard members.contains(c) != negated else { return false }
                p = p[(close + 1)...]
                s = s.dropFirst()
            default:
                guard s.first == head else { return false }
                p = p.dropFirst()
                s = s.dropFirst()
            }
        }
        return s.isEmpty
    }
}
