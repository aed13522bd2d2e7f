import Foundation
import Testing
import TestSupport

private let good = Package.finishedDocument

/// A repository with the shipped pre-commit hook installed, finding designgate via DESIGNGATE.
private func hookedRepository() throws -> GitRepository {
    let repo = try GitRepository()
    try repo.commit(["README.md": "x"])
    let hook = repo.path + "/.git/hooks/pre-commit"
    try FileManager.default.copyItem(atPath: Package.root + "/hooks/pre-commit", toPath: hook)
    return repo
}

private func hookEnvironment(_ repo: GitRepository, designgate: String = Package.binary) -> [String: String] {
    TestSupport.hookEnvironment(home: repo.path + "/.home", designgate: designgate)
}

private func commit(_ repo: GitRepository, _ arguments: [String], skip: [String: String] = [:]) throws -> ProcessResult {
    let env = hookEnvironment(repo).merging(skip) { $1 }
    return try run("/usr/bin/git", ["commit", "-q"] + arguments, in: repo.path, environment: env)
}

@Suite struct HookScriptTests {
    @Test func badStagedDocumentIsRefusedAndHeadDoesNotMove() throws {
        let repo = try hookedRepository()
        let head = try repo.git("rev-parse", "HEAD")
        try repo.write("design/cache.md", "# Technical Design Document: Cache\n")
        try repo.git("add", "-A")
        let refused = try commit(repo, ["-m", "bad"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("design/cache.md:1:1: error: missing section"))
        #expect(try repo.git("rev-parse", "HEAD") == head)
        let skipped = try commit(repo, ["-m", "bad", "--allow-empty"], skip: ["DESIGNGATE_SKIP": "1"])
        #expect(skipped.status == 0)
        #expect(skipped.stderr.contains("DESIGNGATE_SKIP=1"))
    }

    /// `DESIGNGATE_SKIP` takes the usual ways of saying yes, and the pre-commit framework's
    /// `SKIP` list naming designgate skips the shipped hook too; anything else checks.
    @Test(arguments: [
        (["DESIGNGATE_SKIP": "true"], true), (["DESIGNGATE_SKIP": "YES"], true), (["DESIGNGATE_SKIP": "0"], false),
        (["DESIGNGATE_SKIP": "no"], false), (["SKIP": "flake8, designgate"], true), (["SKIP": "designgate"], true),
        (["SKIP": "designgate-system2,flake8"], false),
    ])
    func skipSettings(skip: [String: String], skips: Bool) throws {
        let repo = try hookedRepository()
        try repo.write("design/cache.md", "# Technical Design Document: Cache\n")
        try repo.git("add", "-A")
        let result = try commit(repo, ["-m", "bad"], skip: skip)
        #expect((result.status == 0) == skips, "\(skip): \(result.stderr)")
        #expect(result.stderr.contains("design documents not checked") == skips)
    }

    @Test func commitAllAndCommitPathAreJudgedOnWhatTheyCommit() throws {
        let repo = try hookedRepository()
        try repo.write("design/cache.md", good)
        try repo.git("add", "-A")
        #expect(try commit(repo, ["-m", "good"]).status == 0)
        // `git commit -a`: the change is only in the working tree.
        try repo.write("design/cache.md", "# Technical Design Document: Cache\n")
        let all = try commit(repo, ["-a", "-m", "bad"])
        #expect(all.status != 0, "\(all.stdout)")
        // `git commit PATH` commits the named file only: the staged bad file is not judged.
        try repo.write("design/cache.md", good + "Reviewed by SRE.\n")
        try repo.write("design/other.md", "# Technical Design Document: Other\n")
        try repo.git("add", "design/other.md")
        try repo.write("notes.txt", "x")
        try repo.git("add", "notes.txt")
        let only = try commit(repo, ["-m", "only cache", "design/cache.md"])
        #expect(only.status == 0, "\(only.stdout)")
    }

    @Test func missingBinaryExplainsHowToInstall() throws {
        let repo = try hookedRepository()
        let env = hookEnvironment(repo, designgate: "/nonexistent/designgate")
        let result = try run("/usr/bin/git", ["commit", "-q", "--allow-empty", "-m", "x"], in: repo.path, environment: env)
        #expect(result.status != 0)
        #expect(result.stderr.contains("install it"))
    }

    @Test func prePushRefusesABadPushAndTheRemoteDoesNotMove() throws {
        let repo = try GitRepository()
        try repo.commit(["design/cache.md": good])
        let remote = try repo.addOrigin()
        try FileManager.default.copyItem(atPath: Package.root + "/hooks/pre-push", toPath: repo.path + "/.git/hooks/pre-push")
        try repo.commit(["design/bad.md": "# Technical Design Document: Bad\n"])
        let env = hookEnvironment(repo)
        let before = try remote.tip()
        let pushed = try run("/usr/bin/git", ["push", "-q", "origin", "main"], in: repo.path, environment: env)
        #expect(pushed.status != 0)
        #expect(try remote.tip() == before)
        let newBranch = try run("/usr/bin/git", ["push", "-q", "origin", "main:refs/heads/topic"], in: repo.path, environment: env)
        #expect(newBranch.status != 0)
        let deletion = try run("/usr/bin/git", ["push", "-q", "origin", ":refs/heads/nothing-here"], in: repo.path, environment: env)
        #expect(!deletion.stderr.contains("designgate: error"))
    }
}
