import Foundation
import Testing
import TestSupport

/// The `pre-commit` command installed from PyPI (scripts/bootstrap --deps), if any.
private let preCommit: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    let home = FileManager.default.homeDirectoryForCurrentUser.path
    let folders = path.split(separator: ":").map(String.init) + [home + "/.local/bin", "/usr/local/bin"]
    return folders.map { $0 + "/pre-commit" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}()

@Suite struct PreCommitFrameworkTests {
    /// A clone of this repository whose HEAD carries the working copy's `.pre-commit-hooks.yaml`.
    private func hookRepository() throws -> (TemporaryDirectory, rev: String) {
        let folder = try TemporaryDirectory()
        let clone = folder.path + "/designgate"
        try run("/usr/bin/git", ["clone", "-q", "--no-checkout", Package.root, clone])
        let manifest = try String(contentsOfFile: Package.root + "/.pre-commit-hooks.yaml", encoding: .utf8)
        try writeFile(clone + "/.pre-commit-hooks.yaml", manifest)
        let env = ["GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.com",
                   "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.com",
                   "PATH": "/usr/bin:/bin", "HOME": folder.path]
        try run("/usr/bin/git", ["add", ".pre-commit-hooks.yaml"], in: clone, environment: env)
        try run("/usr/bin/git", ["commit", "-q", "--allow-empty", "-m", "manifest under test"], in: clone, environment: env)
        let rev = try run("/usr/bin/git", ["rev-parse", "HEAD"], in: clone).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return (folder, rev)
    }

    @Test(.enabled(if: preCommit != nil, "pre-commit is installed by scripts/bootstrap --deps"))
    func designgateSystemHookBlocksABadDocument() throws {
        let (hooks, rev) = try hookRepository()
        let repo = try GitRepository()
        try repo.write(".pre-commit-config.yaml", """
            repos:
              - repo: \(hooks.path)/designgate
                rev: \(rev)
                hooks:
                  - id: designgate-system

            """)
        try repo.write("README.md", "# Readme\n\nNot a design document.\n")
        try repo.git("add", "-A")
        try repo.git("commit", "-q", "-m", "setup")
        var env = hookEnvironment(home: repo.path + "/.home", designgate: nil)
        env["PRE_COMMIT_HOME"] = hooks.path + "/cache"
        env["PATH"] = URL(fileURLWithPath: Package.binary).deletingLastPathComponent().path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        let installed = try run(preCommit ?? "", ["install"], in: repo.path, environment: env)
        #expect(installed.status == 0, "\(installed.stdout)\(installed.stderr)")

        let head = try repo.git("rev-parse", "HEAD")
        try repo.write("design/cache.md", "# Technical Design Document: Cache\n")
        try repo.write("README.md", "# Readme\n\nStill not a design document.\n")
        try repo.git("add", "-A")
        let refused = try run("/usr/bin/git", ["commit", "-q", "-m", "bad"], in: repo.path, environment: env)
        #expect(refused.status != 0)
        #expect((refused.stdout + refused.stderr).contains("design/cache.md:1:1: error: missing section"))
        #expect(try repo.git("rev-parse", "HEAD") == head)

        try repo.write("design/cache.md", Package.finishedDocument)
        try repo.git("add", "-A")
        let accepted = try run("/usr/bin/git", ["commit", "-q", "-m", "good"], in: repo.path, environment: env)
        #expect(accepted.status == 0, "\(accepted.stdout)\(accepted.stderr)")
        #expect(try repo.git("rev-parse", "HEAD") != head)
    }
}
