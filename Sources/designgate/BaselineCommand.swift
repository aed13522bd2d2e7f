import ArgumentParser
import DesignGateKit

struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Write .designgate-baseline.json: the current findings, which check then accepts.",
        usage: "designgate baseline [--rev <REV>] [--prune] [--repo <DIR>]\n                    [--config <FILE>]",
        discussion: """
            Checks every design document in the tree of REV (default HEAD), as check --all does, \
            and writes every finding to .designgate-baseline.json at the repository's root, \
            sorted and stable, to be committed and reviewed. check then marks those findings \
            unchanged (they do not fail it) and says when entries no longer match a finding; \
            --prune removes those and adds nothing.
            """)

    @Option(help: ArgumentHelp("The tree to read (default HEAD).", valueName: "REV")) var rev: String?
    @Flag(help: "Keep only the existing entries that still match a finding.") var prune = false
    @Option(name: [.customShort("C"), .customLong("repo")], help: CommonOptions.repository, completion: .directory)
    var directory: String?
    @Option(help: CommonOptions.configuration, completion: .file(extensions: ["yml", "yaml"]))
    var config: String?

    func run() throws {
        var options = CheckOptions()
        options.mode = .all(rev: rev)
        options.directory = directory
        options.configPath = config
        do {
            let written = try Checker().writeBaseline(options, prune: prune)
            Console.out("wrote \(written.path) (\(written.entries) \(written.entries == 1 ? "finding" : "findings"))\n")
        } catch {
            throw fail(error)
        }
    }
}

/// The help of the options `check` and `baseline` share. (Plain options rather than an
/// `@OptionGroup`: a group costs the hook about half a millisecond of argument parsing.)
enum CommonOptions {
    static let repository = ArgumentHelp("Run as if started in DIR.", valueName: "DIR")
    static let configuration = ArgumentHelp("Configuration file (default: .designgate.yml at the repository root).", valueName: "FILE")
}
