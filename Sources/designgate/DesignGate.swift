import ArgumentParser
import DesignGateKit
import Foundation

@main
struct DesignGate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "designgate",
        abstract: "Enforce a design-review policy on technical design documents in git.",
        version: DesignGateVersion.current,
        subcommands: [Check.self, Hook.self, BaselineCommand.self, Rules.self, Explain.self, Init.self, New.self],
        defaultSubcommand: nil)

    /// Runs the command; bad usage exits 2 like every other error (SPEC §1), not 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            Console.error(usageError(message: message(for: error), full: fullMessage(for: error)).description)
            Foundation.exit(2)
        }
    }
}

/// A usage error in designgate's own format: the parser's message, and the usage line with
/// where to read more as the hint.
func usageError(message: String, full: String) -> DesignGateError {
    let lines = full.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    // The usage line, with the lines it wraps onto (`[--chain] [--force]`).
    let usage = lines.firstIndex { $0.hasPrefix("Usage: ") }.map { start in
        "usage: " + ([lines[start].dropFirst("Usage: ".count)] + lines[(start + 1)...].prefix { $0.hasPrefix("[") }.map { $0[...] })
            .joined(separator: " ")
    }
    let help = lines.first { $0.hasPrefix("See '") }.map { $0.replacingOccurrences(of: "'", with: "`") }
    let firstLine = message.split(separator: "\n").first.map(String.init) ?? message
    let text = firstLine.prefix(1).lowercased() + firstLine.dropFirst()
    let hint = [usage, help.map { $0.prefix(1).lowercased() + $0.dropFirst() }].compactMap { $0 }.joined(separator: "; ")
    return DesignGateError(text, hint: hint.isEmpty ? nil : hint)
}

/// Prints a designgate error the way every command does, and exits 2.
func fail(_ error: DesignGateError) -> ExitCode {
    Console.error(error.description)
    return ExitCode(2)
}

/// What the shell completion scripts (`--generate-completion-script`) offer.
enum Completions {
    /// Every rule id, for `explain`.
    static let rules = RuleDocs.ids
    /// The built-in profile names (a configured one is typed out).
    static let profiles = Configuration().profileNames
}
