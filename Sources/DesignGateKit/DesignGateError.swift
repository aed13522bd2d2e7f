import Reporters
import TDDRules

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

/// " (did you mean `…`?)" naming the candidate closest to a mistyped `word`, or "" when none is close.
func didYouMean(_ word: String, in candidates: [String]) -> String {
    EditDistance.closest(to: word, in: candidates).map { " (did you mean `\($0)`?)" } ?? ""
}
