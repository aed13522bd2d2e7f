import Foundation
import Testing
import TestSupport

private let good = Package.finishedDocument
private let bad = "# Technical Design Document: Cache\n"

/// Runs git as a user would after `hook install`: designgate is found through the path the
/// installed hook recorded, not through DESIGNGATE.
@discardableResult
private func userGit(_ arguments: [String], in directory: String, home: String) throws -> ProcessResult {
    try run("/usr/bin/git", arguments, in: directory, environment: hookEnvironment(home: home, designgate: nil))
}

private func install(_ arguments: [String] = [], in directory: String) throws -> ProcessResult {
    try designgate(["hook", "install"] + arguments, in: directory)
}

private func fileMode(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int) ?? 0
}

@Suite struct HookInstallTests {
    @Test func installedHooksGuardCommitsAndPushes() throws {
        let repo = try GitRepository()
        try repo.commit(["README.md": "x"])
        let installed = try install(in: repo.path)
        #expect(installed.status == 0, "\(installed.stderr)")
        #expect(fileMode(repo.path + "/.git/hooks/pre-commit") & 0o111 != 0)
        let head = try repo.git("rev-parse", "HEAD")
        try repo.write("design/cache.md", bad)
        try repo.git("add", "-A")
        let refused = try userGit(["commit", "-q", "-m", "bad"], in: repo.path, home: repo.path)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("design/cache.md:1:1: error: missing section"))
        #expect(try repo.git("rev-parse", "HEAD") == head)
        try repo.write("design/cache.md", good)
        try repo.git("add", "-A")
        #expect(try userGit(["commit", "-q", "-m", "good"], in: repo.path, home: repo.path).status == 0)
        // `git commit -a` is judged on what it commits.
        try repo.write("design/cache.md", bad)
        #expect(try userGit(["commit", "-q", "-a", "-m", "bad"], in: repo.path, home: repo.path).status != 0)
        try repo.git("checkout", "design/cache.md")

        let remote = try repo.addOrigin(environment: ["DESIGNGATE_SKIP": "1"])
        let remoteMain = try remote.tip()
        try repo.write("design/other.md", bad)
        try repo.git("add", "-A")
        try repo.git("commit", "-q", "--no-verify", "-m", "bad, hook skipped")
        let pushed = try userGit(["push", "-q", "origin", "main"], in: repo.path, home: repo.path)
        #expect(pushed.status != 0)
        #expect(pushed.stdout.contains("design/other.md"), "git passes pre-push output to its stdout")
        #expect(try remote.tip() == remoteMain)
    }

    @Test func installIsIdempotentAndStatusSaysWhatIsThere() throws {
        let repo = try GitRepository()
        #expect(try designgate(["hook", "status"], in: repo.path).stdout.contains("pre-commit: not installed"))
        #expect(try install(["--pre-commit"], in: repo.path).status == 0)
        let first = try repo.directory.read(".git/hooks/pre-commit")
        let again = try install(["--pre-commit"], in: repo.path)
        #expect(again.status == 0)
        #expect(again.stdout.contains("already installed"))
        #expect(try repo.directory.read(".git/hooks/pre-commit") == first)
        let status = try designgate(["hook", "status"], in: repo.path).stdout
        #expect(status.contains("pre-commit: designgate"))
        #expect(status.contains("pre-push: not installed"))
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/.git/hooks/pre-push"))
    }

    /// A hook an earlier version installed (its skip check read only `DESIGNGATE_SKIP=1`) is
    /// still designgate's: install replaces it without a backup, uninstall removes it.
    @Test func hooksFromAnEarlierVersionAreStillDesignGates() throws {
        let repo = try GitRepository()
        #expect(try install(["--pre-commit"], in: repo.path).status == 0)
        let hook = repo.path + "/.git/hooks/pre-commit"
        let current = try String(contentsOfFile: hook, encoding: .utf8)
        let lines = current.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.firstIndex(where: { $0.hasPrefix("# DESIGNGATE names") }),
              let start = lines.firstIndex(where: { $0.hasPrefix("case ") }),
              let end = lines.lastIndex(of: "esac") else {
            Issue.record("the installed hook has no skip check")
            return
        }
        var earlier = lines
        earlier.replaceSubrange(start...end, with: [
            "if [ \"${DESIGNGATE_SKIP:-}\" = \"1\" ]; then",
            "    echo \"designgate: DESIGNGATE_SKIP=1, design documents not checked\" >&2",
            "    exit 0",
            "fi",
        ])
        earlier.replaceSubrange(first...(first + 1),
                                with: ["# DESIGNGATE names the designgate binary; DESIGNGATE_SKIP=1 skips the check once."])
        try earlier.joined(separator: "\n").write(toFile: hook, atomically: true, encoding: .utf8)
        #expect(try designgate(["hook", "status"], in: repo.path).stdout.contains("pre-commit: designgate"))
        #expect(try install(["--pre-commit"], in: repo.path).status == 0)
        #expect(try String(contentsOfFile: hook, encoding: .utf8) == current)
        #expect(!FileManager.default.fileExists(atPath: hook + ".designgate-backup"))
        #expect(try designgate(["hook", "uninstall"], in: repo.path).status == 0)
        #expect(!FileManager.default.fileExists(atPath: hook))
    }

    /// The shipped scripts are the installed ones without the recorded binary.
    @Test func shippedScriptsMatchTheInstalledOnes() throws {
        let repo = try GitRepository()
        #expect(try install(in: repo.path).status == 0)
        for kind in ["pre-commit", "pre-push"] {
            let installed = try repo.directory.read(".git/hooks/" + kind)
            let standalone = installed.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.contains("|| designgate=designgate") }
                .map { $0.hasPrefix("designgate=${DESIGNGATE:-") ? "designgate=${DESIGNGATE:-designgate}" : String($0) }
                .joined(separator: "\n")
            let shipped = try String(contentsOfFile: Package.root + "/hooks/" + kind, encoding: .utf8)
            #expect(standalone == shipped, "hooks/\(kind) differs from what `hook install` writes")
        }
    }

    @Test(arguments: [".githooks", "tools/hooks"])
    func relativeCoreHooksPath(hooksPath: String) throws {
        let repo = try GitRepository()
        try repo.commit(["README.md": "x"])
        try repo.git("config", "core.hooksPath", hooksPath)
        try FileManager.default.createDirectory(atPath: repo.path + "/docs", withIntermediateDirectories: true)
        // Installed from a sub-folder: the relative path is resolved as git resolves it.
        let installed = try install(in: repo.path + "/docs")
        #expect(installed.status == 0, "\(installed.stderr)")
        #expect(FileManager.default.fileExists(atPath: repo.path + "/" + hooksPath + "/pre-commit"))
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/.git/hooks/pre-commit"))
        #expect(!installed.stderr.contains("outside this repository"))
        try repo.write("design/cache.md", bad)
        try repo.git("add", "design/cache.md")
        #expect(try userGit(["commit", "-q", "-m", "bad"], in: repo.path, home: repo.path).status != 0)
    }

    @Test func absoluteCoreHooksPathOutsideTheRepositoryIsInstalledWithAWarning() throws {
        let repo = try GitRepository()
        let shared = try TemporaryDirectory()
        try repo.git("config", "core.hooksPath", shared.path + "/hooks")
        let installed = try install(["--pre-commit"], in: repo.path)
        #expect(installed.status == 0)
        #expect(installed.stderr.contains("outside this repository"))
        #expect(FileManager.default.fileExists(atPath: shared.path + "/hooks/pre-commit"))
    }

    @Test func linkedWorktreeInstallsIntoTheCommonHooksFolder() throws {
        let repo = try GitRepository()
        try repo.commit(["README.md": "x"])
        let worktree = repo.path + "-wt"
        try repo.git("worktree", "add", "-q", worktree)
        defer { try? FileManager.default.removeItem(atPath: worktree) }
        #expect(try install(["--pre-commit"], in: worktree).status == 0)
        #expect(FileManager.default.fileExists(atPath: repo.path + "/.git/hooks/pre-commit"))
        try writeFile(worktree + "/design/cache.md", bad)
        _ = try run("/usr/bin/git", ["add", "design/cache.md"], in: worktree)
        #expect(try userGit(["commit", "-q", "-m", "bad"], in: worktree, home: repo.path).status != 0)
    }

    @Test func submoduleInstallsIntoItsOwnGitDirectory() throws {
        let library = try GitRepository()
        try library.commit(["README.md": "x"])
        let repo = try GitRepository()
        try repo.commit(["README.md": "x"])
        try repo.git("-c", "protocol.file.allow=always", "submodule", "add", "-q", library.path, "lib")
        let submodule = repo.path + "/lib"
        #expect(try install(["--pre-commit"], in: submodule).status == 0)
        #expect(FileManager.default.fileExists(atPath: repo.path + "/.git/modules/lib/hooks/pre-commit"))
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/.git/hooks/pre-commit"))
        try writeFile(submodule + "/design/cache.md", bad)
        _ = try run("/usr/bin/git", ["add", "design/cache.md"], in: submodule)
        let refused = try userGit(["-c", "user.email=t@example.com", "-c", "user.name=T", "commit", "-q", "-m", "bad"],
                                  in: submodule, home: repo.path)
        #expect(refused.status != 0)
    }

    @Test func foreignHookIsRefusedChainedOrBackedUpAndRestored() throws {
        let repo = try GitRepository()
        try repo.commit(["README.md": "x"])
        let hook = repo.path + "/.git/hooks/pre-commit"
        let foreign = "#!/bin/sh\n# husky\necho ran >> \"$(git rev-parse --git-dir)/foreign-ran\"\nexit ${FOREIGN_STATUS:-0}\n"
        try writeFile(hook, foreign)
        chmod(hook, 0o755)

        let refused = try install(in: repo.path)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("husky's hook, not designgate's"))
        #expect(refused.stderr.contains("--chain"))
        #expect(try String(contentsOfFile: hook, encoding: .utf8) == foreign)
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/.git/hooks/pre-push"), "nothing installed when one is refused")

        // --chain: the foreign hook runs first, and its failure stops the commit.
        #expect(try install(["--chain"], in: repo.path).status == 0)
        #expect(try designgate(["hook", "status"], in: repo.path).stdout.contains("running pre-commit.designgate-chained first"))
        try repo.write("design/cache.md", good)
        try repo.git("add", "-A")
        var env = hookEnvironment(home: repo.path, designgate: nil)
        env["FOREIGN_STATUS"] = "3"
        #expect(try run("/usr/bin/git", ["commit", "-q", "-m", "good"], in: repo.path, environment: env).status != 0)
        #expect(try repo.directory.read(".git/foreign-ran") == "ran\n")
        #expect(try userGit(["commit", "-q", "-m", "good"], in: repo.path, home: repo.path).status == 0)
        #expect(try repo.directory.read(".git/foreign-ran") == "ran\nran\n")
        try repo.write("design/bad.md", bad)
        try repo.git("add", "-A")
        #expect(try userGit(["commit", "-q", "-m", "bad"], in: repo.path, home: repo.path).status != 0)

        // uninstall puts the foreign hook back, byte for byte and executable.
        #expect(try designgate(["hook", "uninstall"], in: repo.path).status == 0)
        #expect(try String(contentsOfFile: hook, encoding: .utf8) == foreign)
        #expect(fileMode(hook) == 0o755)
        #expect(!FileManager.default.fileExists(atPath: hook + ".designgate-chained"))

        // --force: replaced, backed up, not run; uninstall restores it.
        #expect(try install(["--force", "--pre-commit"], in: repo.path).status == 0)
        #expect(try String(contentsOfFile: hook + ".designgate-backup", encoding: .utf8) == foreign)
        try repo.git("reset", "-q", "design/bad.md")
        try FileManager.default.removeItem(atPath: repo.path + "/design/bad.md")
        try repo.write("design/more.md", good)
        try repo.git("add", "-A")
        #expect(try userGit(["commit", "-q", "-m", "good"], in: repo.path, home: repo.path).status == 0)
        #expect(try repo.directory.read(".git/foreign-ran") == "ran\nran\nran\n", "the replaced hook does not run")
        #expect(try designgate(["hook", "uninstall"], in: repo.path).stdout.contains("restored"))
        #expect(try String(contentsOfFile: hook, encoding: .utf8) == foreign)
        #expect(try designgate(["hook", "install", "--chain", "--force"], in: repo.path).status == 2)
    }

    @Test func chainedPrePushHookAndDesigngateBothReadTheRefs() throws {
        let repo = try GitRepository()
        try repo.commit(["design/cache.md": good])
        let remote = try repo.addOrigin()
        let hook = repo.path + "/.git/hooks/pre-push"
        try writeFile(hook, "#!/bin/sh\ncat > \"$(git rev-parse --git-dir)/refs-seen\"\n")
        chmod(hook, 0o755)
        #expect(try install(["--pre-push", "--chain"], in: repo.path).status == 0)
        let before = try remote.tip()
        try repo.commit(["design/bad.md": bad])
        let pushed = try userGit(["push", "-q", "origin", "main"], in: repo.path, home: repo.path)
        #expect(pushed.status != 0)
        #expect(pushed.stdout.contains("design/bad.md"), "designgate read the refs after the chained hook")
        #expect(try repo.directory.read(".git/refs-seen").hasPrefix("refs/heads/main "))
        #expect(try remote.tip() == before)
    }

    @Test func outsideARepositoryIsAnError() throws {
        let folder = try TemporaryDirectory()
        let result = try designgate(["hook", "install"], in: folder.path, environment: ["GIT_CEILING_DIRECTORIES": folder.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("designgate: error: cannot find the hooks folder"))
    }

    @Test func aHookCopiedByHandAndEditedIsTheUsers() throws {
        let repo = try GitRepository()
        let hook = repo.path + "/.git/hooks/pre-commit"
        let copied = try String(contentsOfFile: Package.root + "/hooks/pre-commit", encoding: .utf8)
        try writeFile(hook, copied.replacingOccurrences(of: "#!/bin/sh\n", with: "#!/bin/sh\necho 'my own check'\n"))
        let refused = try install(["--pre-commit"], in: repo.path)
        #expect(refused.status == 2 && refused.stderr.contains("a hook edited by hand (from designgate's), not designgate's"), "\(refused.stderr)")
        #expect(try String(contentsOfFile: hook, encoding: .utf8).contains("my own check"))
        let uninstalled = try designgate(["hook", "uninstall", "--pre-commit"], in: repo.path)
        #expect(uninstalled.status == 0 && uninstalled.stdout.contains("left as it is"), "\(uninstalled.stdout)")
        #expect(try String(contentsOfFile: hook, encoding: .utf8).contains("my own check"))

        // The same copy unedited is designgate's: installing over it rewrites it.
        try writeFile(hook, copied)
        #expect(try install(["--pre-commit"], in: repo.path).status == 0)
    }

    @Test func aLinkedHookIsNeverRewrittenOrRemoved() throws {
        let repo = try GitRepository()
        let shared = try TemporaryDirectory()
        let sharedHook = try shared.write("pre-commit", try String(contentsOfFile: Package.root + "/hooks/pre-commit", encoding: .utf8))
        let hook = repo.path + "/.git/hooks/pre-commit"
        try FileManager.default.createSymbolicLink(atPath: hook, withDestinationPath: sharedHook)
        let refused = try install(["--pre-commit"], in: repo.path)
        #expect(refused.status == 2 && refused.stderr.contains("a symbolic link to"), "\(refused.stderr)")
        _ = try designgate(["hook", "uninstall", "--pre-commit"], in: repo.path)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: hook) == sharedHook)
        #expect(FileManager.default.fileExists(atPath: sharedHook))
    }

    @Test func aChainedLinkWhoseTargetIsMissingIsRestored() throws {
        let repo = try GitRepository()
        let hook = repo.path + "/.git/hooks/pre-commit"
        try FileManager.default.createSymbolicLink(atPath: hook, withDestinationPath: "../../tools/hooks/pre-commit")
        #expect(try install(["--pre-commit", "--chain"], in: repo.path).status == 0)
        let uninstalled = try designgate(["hook", "uninstall", "--pre-commit"], in: repo.path)
        #expect(uninstalled.stdout.contains("restored"), "\(uninstalled.stdout)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: hook) == "../../tools/hooks/pre-commit")
    }

    /// A write that fails (here: a file-size limit of zero, as a full disk would) leaves the
    /// user's hook where it was and nothing else behind.
    @Test func aFailedInstallLeavesTheUsersHookInPlace() throws {
        let repo = try GitRepository()
        let hook = try repo.write(".git/hooks/pre-commit", "#!/bin/sh\necho mine\n")
        let hooks = repo.path + "/.git/hooks"
        let before = try FileManager.default.contentsOfDirectory(atPath: hooks).sorted()
        let result = try run("/bin/sh", ["-c", "ulimit -f 0; trap '' XFSZ; exec \"$0\" hook install --pre-commit --chain", Package.binary],
                             in: repo.path)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("nothing was changed"), "\(result.stderr)")
        #expect(try String(contentsOfFile: hook, encoding: .utf8) == "#!/bin/sh\necho mine\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: hooks).sorted() == before)
        #expect(try designgate(["hook", "status"], in: repo.path).stdout.contains("pre-commit: a hook designgate did not write"))
    }

    @Test func aMissingFolderIsNamed() throws {
        let result = try designgate(["hook", "install", "-C", "/nonexistent/repo"])
        #expect(result.status == 2 && result.stderr.contains("no such folder: /nonexistent/repo"), "\(result.stderr)")
    }
}
