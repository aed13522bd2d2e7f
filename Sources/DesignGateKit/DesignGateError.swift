import Reporters

/// A reason designgate cannot do its job (exit status 2): what went wrong and how to fix it.
public struct DesignGateError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public let hint: String?

    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    /// The lines printed to stderr, escaped: a message may quote a path, a revision or a
    /// pre-push line from the repository, and none of them may drive the terminal.
    public var description: String {
        var text = "designgate: error: \(TerminalText.escape(message))"
        if let hint { text += "\ndesigngate: hint: \(TerminalText.escape(hint))" }
        return text
    }
}

/// The closest of `candidates` to `word` (for "did you mean"), or nil when none is close.
func closest(to word: String, in candidates: [String]) -> String? {
    func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
    let lowered = Array(word.lowercased())
    let scored = candidates.map { ($0, distance(lowered, Array($0.lowercased()))) }
    guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= Swift.max(2, word.count / 3) else { return nil }
    return best.0
}
