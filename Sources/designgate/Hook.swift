import ArgumentParser
import DesignGateKit
import Foundation

struct Hook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook",
        abstract: "Install, remove or show designgate's git hooks.",
        subcommands: [HookInstall.self, HookUninstall.self, HookStatus.self])
}

/// The repository a hook command works on.
struct HookRepository: ParsableArguments {
    @Option(name: [.customShort("C"), .customLong("repo")], help: ArgumentHelp("The repository (default: here).", valueName: "DIR"))
    var directory = "."
}

/// The repository and the hooks a command installs or removes.
struct HookTarget: ParsableArguments {
    @OptionGroup var repository: HookRepository
    @Flag(name: .customLong("pre-commit"), help: "The pre-commit hook.") var preCommit = false
    @Flag(name: .customLong("pre-push"), help: "The pre-push hook.") var prePush = false

    /// The hooks named, or both when none is.
    var kinds: [HookKind] {
        let named = (preCommit ? [HookKind.preCommit] : []) + (prePush ? [HookKind.prePush] : [])
        return named.isEmpty ? HookKind.allCases : named
    }
}

struct HookInstall: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install the pre-commit and pre-push hooks (both when neither is named).",
        usage: "designgate hook install [--repo <DIR>] [--pre-commit] [--pre-push]\n                        [--chain] [--force]",
        discussion: """
            The hooks folder is the one git uses (core.hooksPath, linked worktrees, submodules). \
            Installing again rewrites designgate's own hooks. A hook another tool installed is \
            never overwritten silently: without --chain or --force nothing changes.
            """)

    @OptionGroup var target: HookTarget
    @Flag(help: "Keep an existing hook and run it first, stopping if it fails.") var chain = false
    @Flag(help: "Replace an existing hook, keeping a backup.") var force = false

    func validate() throws {
        if chain && force { throw ValidationError("--chain and --force exclude each other: choose one") }
    }

    func run() throws {
        do {
            let installer = try HookInstaller(directory: target.repository.directory)
            if installer.isShared {
                Console.error("designgate: warning: core.hooksPath points to \(installer.hooksDirectory), outside this repository: every repository using that folder runs these hooks")
            }
            let policy: ForeignHookPolicy = chain ? .chain : force ? .force : .refuse
            for line in try installer.install(target.kinds, binary: Self.currentBinary, policy: policy) {
                Console.out(line + "\n")
            }
        } catch {
            throw fail(error)
        }
    }

    /// This designgate's own path, which the installed hooks run.
    static var currentBinary: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }
}

struct HookUninstall: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uninstall",
        abstract: "Remove designgate's hooks, restoring the hooks they chained or replaced.")

    @OptionGroup var target: HookTarget

    func run() throws {
        do {
            for line in try HookInstaller(directory: target.repository.directory).uninstall(target.kinds) {
                Console.out(line + "\n")
            }
        } catch {
            throw fail(error)
        }
    }
}

struct HookStatus: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show which hooks are installed.")

    @OptionGroup var repository: HookRepository

    func run() throws {
        do {
            for line in try HookInstaller(directory: repository.directory).status() { Console.out(line + "\n") }
        } catch {
            throw fail(error)
        }
    }
}
