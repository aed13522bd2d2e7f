import Foundation
import Reporters

/// What to do with a hook another tool (husky, the pre-commit framework, a hand-written
/// script) already installed under the same name.
public enum ForeignHookPolicy: Sendable {
    /// Change nothing and explain.
    case refuse
    /// Keep it as `<hook>.designgate-chained` and run it before designgate.
    case chain
    /// Replace it, keeping a backup as `<hook>.designgate-backup`.
    case force
}

/// Installs, removes and describes designgate's hooks in a repository's hooks folder, found
/// exactly as git finds it: `git rev-parse --git-path hooks` honours `core.hooksPath`
/// (relative or absolute), the common directory of linked worktrees and submodules' `.git`
/// files. Hooks only ever run under git, so git itself is asked.
public struct HookInstaller {
    /// What is installed under one hook name.
    public enum State: Equatable, Sendable {
        case absent
        /// designgate's hook; `chained` when it runs the previous hook first.
        case designGate(chained: Bool)
        /// Another tool's hook, described (`husky`, `a hand-written hook`).
        case foreign(String)
    }

    /// The folder git runs hooks from.
    public let hooksDirectory: String
    /// True when `core.hooksPath` points outside the repository (a folder shared by others).
    public let isShared: Bool

    /// Finds the hooks folder of the repository containing `directory`.
    public init(directory: String) throws(DesignGateError) {
        guard FileSystem.isDirectory(directory) else {
            throw DesignGateError("no such folder: \(TerminalText.path(directory))", hint: "pass -C with the folder of a git repository")
        }
        let paths = try Self.git(["rev-parse", "--path-format=absolute", "--git-path", "hooks", "--git-common-dir"],
                                 in: directory)
        guard paths.count == 2 else {
            throw DesignGateError("cannot find the hooks folder of \(directory)", hint: "run it inside a git repository")
        }
        let hooks = URL(fileURLWithPath: paths[0]).standardizedFileURL.path
        let commonDirectory = URL(fileURLWithPath: paths[1]).standardizedFileURL.path
        let topLevel = (try? Self.git(["rev-parse", "--path-format=absolute", "--show-toplevel"], in: directory))?.first
        hooksDirectory = hooks
        isShared = ![commonDirectory, topLevel].compactMap { $0 }.contains { hooks.hasPrefix($0 + "/") }
    }

    /// What is installed as `kind`. A link is never designgate's, even to a designgate hook:
    /// the file it points to may be shared, so it is neither rewritten nor removed.
    public func state(_ kind: HookKind) -> State {
        let path = self.path(kind.rawValue)
        switch FileSystem.kind(of: path) {
        case nil:
            return .absent
        case .symbolicLink?:
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            return .foreign("a symbolic link to \(TerminalText.path(target))")
        case .regular?:
            break
        case let other?:
            return .foreign(FileSystem.describe(other))
        }
        let text = (try? FileSystem.read(path, limit: 1 << 20)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        guard HookScript.isDesignGateHook(text) else { return .foreign(Self.describe(text)) }
        guard HookScript.isUnmodified(text, kind: kind) else { return .foreign("a hook edited by hand (from designgate's)") }
        return .designGate(chained: exists(self.path(HookScript.chainedName(kind))))
    }

    /// Installs `kinds`, running `binary` unless `DESIGNGATE` says otherwise. Nothing changes
    /// when any of them is refused. Returns one line per hook saying what was done.
    public func install(_ kinds: [HookKind], binary: String, policy: ForeignHookPolicy) throws(DesignGateError) -> [String] {
        /// Where a foreign hook is kept under `--chain` or `--force`.
        func keptName(_ kind: HookKind) -> String {
            policy == .chain ? HookScript.chainedName(kind) : HookScript.backupName(kind)
        }
        // What is there now, read once: the plan below rests on it.
        let current = kinds.map { (kind: $0, state: state($0)) }
        for (kind, state) in current {
            guard case .foreign(let owner) = state else { continue }
            let kept = keptName(kind)
            switch policy {
            case .refuse:
                throw DesignGateError(
                    "\(path(kind.rawValue)) is \(owner), not designgate's; it was left as it is",
                    hint: "--chain keeps it and runs it before designgate (stopping if it fails); --force replaces it and keeps a backup as \(HookScript.backupName(kind))")
            case .chain, .force:
                if exists(path(kept)) {
                    throw DesignGateError("\(path(kept)) already exists, so \(path(kind.rawValue)) cannot be kept there",
                                          hint: "move or remove \(path(kept)) first")
                }
            }
        }
        if !FileSystem.isDirectory(hooksDirectory) {
            do {
                try FileManager.default.createDirectory(atPath: hooksDirectory, withIntermediateDirectories: true)
            } catch {
                throw DesignGateError("cannot create the hooks folder \(hooksDirectory)", hint: "check its permissions")
            }
        }
        // Every hook is written beside its place first: a failure there (a full disk, a
        // read-only folder) changes nothing. Only then are foreign hooks moved aside and each
        // new hook renamed into place, the foreign one moved back if that fails.
        var plans: [(kind: HookKind, staged: FileSystem.StagedFile, state: State, foreign: String?)] = []
        for (kind, state) in current {
            var chained = false
            var foreign: String?
            switch state {
            case .absent: break
            case .designGate(let wasChained): chained = wasChained
            case .foreign(let owner):
                foreign = owner
                chained = policy == .chain
            }
            do {
                let script = HookScript(kind: kind, binary: binary, chained: chained).render()
                plans.append((kind, try FileSystem.stage(script, besides: path(kind.rawValue), executable: true), state, foreign))
            } catch {
                plans.forEach { $0.staged.discard() }
                throw DesignGateError(error.message, hint: "nothing was changed; check that \(hooksDirectory) is writable and the disk has space")
            }
        }
        var done: [String] = []
        for (index, plan) in plans.enumerated() {
            let target = path(plan.kind.rawValue)
            var note = plan.state == .absent ? "installed" : "already installed (rewritten)"
            if let owner = plan.foreign {
                let kept = keptName(plan.kind)
                do {
                    try move(target, to: path(kept))
                } catch {
                    plans.dropFirst(index).forEach { $0.staged.discard() }
                    throw error
                }
                note = policy == .chain ? "installed; \(owner) kept as \(kept) runs first" : "installed; \(owner) backed up as \(kept)"
            }
            do {
                try plan.staged.commit()
            } catch {
                if plan.foreign != nil { try? move(path(keptName(plan.kind)), to: target) }
                plans.dropFirst(index + 1).forEach { $0.staged.discard() }
                throw DesignGateError(error.message, hint: "\(plan.kind.rawValue) was left as it was; check that \(hooksDirectory) is writable")
            }
            done.append("\(plan.kind.rawValue): \(note) (\(target))")
        }
        return done
    }

    /// Removes designgate's hooks among `kinds`, putting back what was chained or backed up.
    public func uninstall(_ kinds: [HookKind]) throws(DesignGateError) -> [String] {
        var done: [String] = []
        for kind in kinds {
            let target = path(kind.rawValue)
            switch state(kind) {
            case .absent:
                done.append("\(kind.rawValue): not installed")
            case .foreign(let owner):
                done.append("\(kind.rawValue): \(owner), not designgate's; left as it is")
            case .designGate:
                if unlink(target) != 0 {
                    throw DesignGateError("cannot remove \(target): \(String(cString: strerror(errno)))",
                                          hint: "check the permissions of \(hooksDirectory)")
                }
                let kept = [HookScript.chainedName(kind), HookScript.backupName(kind)].first { exists(path($0)) }
                if let kept {
                    try move(path(kept), to: target)
                    done.append("\(kind.rawValue): removed; restored the hook kept as \(kept)")
                } else {
                    done.append("\(kind.rawValue): removed")
                }
            }
        }
        return done
    }

    /// One line per hook saying what is installed, after the hooks folder.
    public func status() -> [String] {
        var lines = ["hooks folder: \(hooksDirectory)" + (isShared ? " (core.hooksPath, outside this repository)" : "")]
        for kind in HookKind.allCases {
            let executable = FileManager.default.isExecutableFile(atPath: path(kind.rawValue))
            let warning = executable ? "" : " (not executable: git will not run it)"
            switch state(kind) {
            case .absent:
                lines.append("\(kind.rawValue): not installed")
            case .designGate(let chained):
                lines.append("\(kind.rawValue): designgate" + (chained ? ", running \(HookScript.chainedName(kind)) first" : "") + warning)
            case .foreign(let owner):
                lines.append("\(kind.rawValue): \(owner), not designgate's" + warning)
            }
        }
        return lines
    }

    // MARK: - Helpers

    private func path(_ name: String) -> String { FileSystem.join(hooksDirectory, name) }

    /// True when anything is at `path`, a dangling link included.
    private func exists(_ path: String) -> Bool { FileSystem.kind(of: path) != nil }

    private func move(_ source: String, to destination: String) throws(DesignGateError) {
        if rename(source, destination) != 0 {
            throw DesignGateError("cannot move \(source) to \(destination): \(String(cString: strerror(errno)))",
                                  hint: "check the permissions of \(hooksDirectory)")
        }
    }

    /// Names the tool a foreign hook comes from, when it says so.
    static func describe(_ text: String) -> String {
        let lower = text.lowercased()
        if lower.contains("husky") { return "husky's hook" }
        if lower.contains("generated by pre-commit") || lower.contains("pre-commit.com") { return "the pre-commit framework's hook" }
        if lower.contains("lefthook") { return "lefthook's hook" }
        return "a hook designgate did not write"
    }

    /// Runs git in `directory`; its output lines.
    static func git(_ arguments: [String], in directory: String) throws(DesignGateError) -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw DesignGateError("cannot run git", hint: "install git: hooks are run by git")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            if process.terminationStatus == 127 { throw DesignGateError("git is not installed", hint: "install git: hooks are run by git") }
            let reason = errorText.split(separator: "\n").first.map(String.init) ?? "git failed"
            throw DesignGateError("cannot find the hooks folder of \(directory): \(reason)",
                                  hint: "run it inside a git repository, or pass -C DIR")
        }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
