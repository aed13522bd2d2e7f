import ArgumentParser
import DesignGateKit

@main
struct DesignGate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "designgate",
        abstract: "Enforce a design-review policy on technical design documents in git.",
        version: DesignGateVersion.current,
        subcommands: [Check.self, Rules.self, Explain.self, Init.self, New.self],
        defaultSubcommand: nil)
}

/// Prints a designgate error the way every command does, and exits 2.
func fail(_ error: DesignGateError) -> ExitCode {
    Console.error(error.description)
    return ExitCode(2)
}
