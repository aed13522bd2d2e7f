import ArgumentParser
import DesignGateKit
import Foundation

@main
struct DesignGate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "designgate",
        abstract: "Enforce a design-review policy on technical design documents in git.",
        version: DesignGateVersion.current,
        subcommands: [Check.self, Hook.self, Rules.self, Explain.self, Init.self, New.self],
        defaultSubcommand: nil)

    /// Runs the command; bad usage exits 2 like every other error (SPEC §1), not 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            Console.error(fullMessage(for: error))
            Foundation.exit(2)
        }
    }
}

/// Prints a designgate error the way every command does, and exits 2.
func fail(_ error: DesignGateError) -> ExitCode {
    Console.error(error.description)
    return ExitCode(2)
}
