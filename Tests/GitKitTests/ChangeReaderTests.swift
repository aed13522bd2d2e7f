import Foundation
import Testing
import TestSupport

/// A finished document (extended profile): no findings.
let goodDoc = Package.finishedDocument

/// A document missing sections.
let badDoc = "# Technical Design Document: Broken\n## Supporting Documents\nTBD\n"

private func check(_ repo: GitRepository, _ arguments: [String], environment: [String: String] = [:],
                   input: String = "") throws -> ProcessResult {
    try designgate(["check", "-f", "json"] + arguments, in: repo.path, environment: environment, input: input)
}

/// The paths a JSON report lists, with their change kind.
private func documents(_ result: ProcessResult) throws -> [String] {
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    let docs = object?["documents"] as? [[String: Any]] ?? []
    return docs.map { doc in
        var text = "\(doc["path"] ?? "") \(doc["change"] ?? "")"
        if let previous = doc["previousPath"] as? String { text += " from \(previous)" }
        return text
    }
}

@Suite struct ChangeReaderTests {
    @Test func firstCommitComparesWithTheEmptyTree() throws {
        let repo = try GitRepository(branch: "trunk")
        try repo.write("design/a.md", goodDoc)
        try repo.write("design/b.md", badDoc)
        try repo.git("add", "-A")
        let result = try check(repo, ["--staged"])
        #expect(try documents(result) == ["design/a.md added", "design/b.md added"])
        #expect(result.status == 1)
    }

    @Test func stagedReadsTheIndexNotTheWorkingFile() throws {
        let repo = try GitRepository()
        try repo.commit(["README.md": "x"])
        try repo.write("design/a.md", goodDoc)
        try repo.git("add", "design/a.md")
        try repo.write("design/a.md", badDoc)
        let staged = try check(repo, ["--staged"])
        #expect(staged.status == 0, "\(staged.stdout)")
        #expect(try repo.directory.read("design/a.md") == badDoc)
        #expect(try repo.git("stash", "list") == "")
        // The other way round: bad staged, fixed in the working tree.
        try repo.git("add", "design/a.md")
        try repo.write("design/a.md", goodDoc)
        #expect(try check(repo, ["--staged"]).status == 1)
        #expect(try check(repo, []).status == 0)
    }

    @Test func gitIndexFileIsHonoured() throws {
        let repo = try GitRepository()
        try repo.commit(["design/a.md": goodDoc])
        try repo.write("design/a.md", badDoc)
        // As `git commit -a` runs the hook: a temporary index holding the -a changes.
        let index = repo.path + "/.git/next-index.test"
        try FileManager.default.copyItem(atPath: repo.path + "/.git/index", toPath: index)
        try repo.git("add", "design/a.md", environment: ["GIT_INDEX_FILE": index])
        #expect(try check(repo, ["--staged"]).status == 0)
        let hooked = try check(repo, ["--staged"], environment: ["GIT_INDEX_FILE": index])
        #expect(hooked.status == 1)
        #expect(try documents(hooked) == ["design/a.md modified"])
    }

    @Test func intentToAddIsNotChecked() throws {
        let repo = try GitRepository()
        try repo.commit(["README.md": "x"])
        try repo.write("design/new.md", badDoc)
        try repo.git("add", "-N", "design/new.md")
        let result = try designgate(["check", "--staged", "-v"], in: repo.path)
        #expect(result.status == 0)
        #expect(result.stderr.contains("skipped design/new.md: intent to add only"))
    }

    @Test func renameWithEditsReportsThePreviousPathAndDeletionsAreSkipped() throws {
        let repo = try GitRepository()
        try repo.commit(["design/old.md": goodDoc, "design/gone.md": badDoc])
        try repo.git("mv", "design/old.md", "design/new.md")
        try repo.write("design/new.md", goodDoc + "More text.\n")
        try repo.git("rm", "-q", "design/gone.md")
        try repo.git("add", "-A")
        let result = try check(repo, ["--staged"])
        #expect(try documents(result) == ["design/new.md renamed from design/old.md"])
        #expect(result.status == 0)
    }

    @Test func twoDotAndThreeDotDiffer() throws {
        let repo = try GitRepository()
        try repo.commit(["design/shared.md": goodDoc])
        try repo.git("checkout", "-q", "-b", "feature")
        try repo.commit(["design/feature.md": badDoc])
        try repo.git("checkout", "-q", "main")
        try repo.commit(["design/shared.md": goodDoc + "Updated on main.\n"])
        // Two-dot compares the trees: shared.md differs (feature has the old version).
        let twoDot = try check(repo, ["--range", "main..feature"])
        #expect(try documents(twoDot) == ["design/feature.md added", "design/shared.md modified"])
        // Three-dot starts at the merge base: only what the branch changed.
        let threeDot = try check(repo, ["--range", "main...feature"])
        #expect(try documents(threeDot) == ["design/feature.md added"])
        #expect(threeDot.stdout.contains(try repo.git("merge-base", "main", "feature")))
    }

    /// Criss-cross merges leave two merge bases; A...B uses the one `git diff A...B` uses.
    @Test func threeDotWithTwoMergeBasesUsesGitsChoice() throws {
        let repo = try GitRepository()
        try repo.commit(["README.md": "x"])
        try repo.git("checkout", "-q", "-b", "side")
        try repo.commit(["design/side-one.md": goodDoc])
        try repo.git("checkout", "-q", "main")
        try repo.commit(["design/main-one.md": goodDoc])
        try repo.git("merge", "-q", "--no-edit", "side")
        try repo.git("checkout", "-q", "side")
        try repo.git("merge", "-q", "--no-edit", "main~1")
        try repo.commit(["design/side-two.md": badDoc])
        try repo.git("checkout", "-q", "main")
        #expect(try repo.git("merge-base", "--all", "main", "side").split(separator: "\n").count == 2)
        let result = try check(repo, ["--range", "main...side"])
        #expect(result.stdout.contains(try repo.git("merge-base", "main", "side")))
        let gitNames = try repo.git("diff", "--name-only", "main...side").split(separator: "\n").map { "\($0) added" }
        #expect(try documents(result) == gitNames)
    }

    @Test func rootAndMergeCommits() throws {
        let repo = try GitRepository()
        let root = try repo.commit(["design/root.md": goodDoc])
        #expect(try documents(check(repo, ["--commit", root])) == ["design/root.md added"])
        try repo.git("checkout", "-q", "-b", "side")
        try repo.commit(["design/side.md": goodDoc])
        try repo.git("checkout", "-q", "main")
        try repo.commit(["design/main.md": goodDoc])
        try repo.git("merge", "-q", "--no-ff", "side", "-m", "merge")
        // Against the first parent: the merge brings in side.md.
        #expect(try documents(check(repo, ["--commit", "HEAD"])) == ["design/side.md added"])
    }

    @Test func allWithRev() throws {
        let repo = try GitRepository()
        try repo.commit(["design/a.md": goodDoc, "notes.md": "# Notes\n"])
        try repo.git("tag", "v1")
        try repo.commit(["design/b.md": badDoc])
        #expect(try documents(check(repo, ["--all", "--rev", "v1"])) == ["design/a.md unchanged"])
        let all = try check(repo, ["--all"])
        #expect(try documents(all) == ["design/a.md unchanged", "design/b.md unchanged"])
        #expect(all.status == 1)
    }

    @Test func shallowCloneMissingTheBaseSaysHowToFetch() throws {
        let repo = try GitRepository()
        let first = try repo.commit(["design/a.md": goodDoc])
        try repo.commit(["design/b.md": goodDoc])
        try repo.commit(["design/c.md": goodDoc])
        let clone = try TemporaryDirectory()
        try run("/usr/bin/git", ["clone", "-q", "--depth", "1", "file://" + repo.path, clone.path + "/c"])
        let result = try designgate(["check", "--range", "\(first)..HEAD"], in: clone.path + "/c")
        #expect(result.status == 2)
        #expect(result.stderr.contains("shallow clone"))
        #expect(result.stderr.contains("fetch-depth: 0"))
        #expect(result.stderr.contains(first))
    }

    @Test func linkedWorktreeUsesItsOwnIndex() throws {
        let repo = try GitRepository()
        try repo.commit(["README.md": "x"])
        let worktree = repo.path + "-wt"
        try repo.git("worktree", "add", "-q", worktree)
        defer { try? FileManager.default.removeItem(atPath: worktree) }
        try repo.write("design/main.md", badDoc)
        try repo.git("add", "-A")
        try goodDoc.write(toFile: worktree + "/wt-tdd.md", atomically: true, encoding: .utf8)
        _ = try run("/usr/bin/git", ["-C", worktree, "add", "wt-tdd.md"])
        let result = try designgate(["check", "--staged", "-f", "json"], in: worktree)
        #expect(try documents(result) == ["wt-tdd.md added"])
    }

    @Test func notARepositoryAndUnknownRevision() throws {
        let folder = try TemporaryDirectory()
        let outside = try designgate(["check", "--staged"], in: folder.path)
        #expect(outside.status == 2)
        #expect(outside.stderr.hasPrefix("designgate: error: not a git repository"))
        let repo = try GitRepository()
        try repo.commit(["README.md": "x"])
        let unknown = try designgate(["check", "--commit", "no-such-branch"], in: repo.path)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown revision `no-such-branch`"))
    }

    @Test func bareRepositoryRefusesStaged() throws {
        let repo = try GitRepository()
        try repo.commit(["design/a.md": goodDoc])
        let bare = try TemporaryDirectory()
        try run("/usr/bin/git", ["clone", "-q", "--bare", repo.path, bare.path + "/b.git"])
        let staged = try designgate(["check", "--staged"], in: bare.path + "/b.git")
        #expect(staged.status == 2)
        #expect(staged.stderr.contains("bare repository"))
        #expect(try designgate(["check", "--all"], in: bare.path + "/b.git").status == 0)
    }

    @Test func symlinksAndSubmodulesAreSkipped() throws {
        let repo = try GitRepository()
        try repo.commit(["README.md": "x"])
        try FileManager.default.createSymbolicLink(atPath: repo.path + "/design-link-tdd.md", withDestinationPath: "/etc/passwd")
        try repo.git("add", "-A")
        let result = try designgate(["check", "--staged", "-v"], in: repo.path)
        #expect(result.status == 0)
        #expect(result.stderr.contains("skipped design-link-tdd.md: symbolic link, not followed"))
    }

    @Test func unsupportedSplitIndexIsExplained() throws {
        let repo = try GitRepository()
        try repo.commit(["design/a.md": goodDoc])
        try repo.git("update-index", "--split-index")
        let result = try designgate(["check", "--staged"], in: repo.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("git update-index --no-split-index"))
    }

    @Test func unsupportedSparseIndexAndSha256AreExplained() throws {
        let sparse = try GitRepository()
        try sparse.commit(["design/a.md": goodDoc, "other/b.md": "x"])
        try sparse.git("sparse-checkout", "set", "--sparse-index", "design")
        let sparseResult = try designgate(["check", "--staged"], in: sparse.path)
        #expect(sparseResult.status == 2)
        #expect(sparseResult.stderr.contains("git sparse-checkout init --no-sparse-index"))
        let sha256 = try TemporaryDirectory()
        try run("/usr/bin/git", ["init", "-q", "--object-format=sha256", sha256.path])
        let shaResult = try designgate(["check", "--all"], in: sha256.path)
        #expect(shaResult.status == 2)
        #expect(shaResult.stderr.contains("SHA-256 repositories are not supported"))
        // The hint's way out works: the same files checked as paths.
        try sha256.write("design/a.md", goodDoc)
        #expect(try designgate(["check", "design/a.md"], in: sha256.path).status == 0)
    }

    /// `git --git-dir=… --work-tree=… commit -a` runs the hook with GIT_DIR, GIT_WORK_TREE
    /// and GIT_INDEX_FILE set, from the work tree, with the git directory somewhere else.
    @Test func gitDirAndWorkTreeFromTheEnvironment() throws {
        let folder = try TemporaryDirectory()
        let gitDir = folder.path + "/meta.git", workTree = folder.path + "/tree"
        try run("/usr/bin/git", ["init", "-q", "--separate-git-dir", gitDir, workTree])
        try FileManager.default.removeItem(atPath: workTree + "/.git")
        try folder.write("tree/design/a.md", badDoc)
        try folder.write("tree/design/b.md", goodDoc)
        let env = ["GIT_DIR": gitDir, "GIT_WORK_TREE": workTree]
        try run("/usr/bin/git", ["add", "design/b.md"], in: workTree, environment: env)
        let result = try designgate(["check", "--staged", "-f", "json"], in: workTree, environment: env)
        #expect(try documents(result) == ["design/b.md added"])
        #expect(result.status == 0)
        let unset = try designgate(["check", "--staged"], in: workTree)
        #expect(unset.status == 2, "without GIT_DIR the folder is not a repository")
    }

    @Test(.enabled(if: getuid() == 0, "changing a folder's owner needs root"))
    func repositoryOwnedByAnotherUserIsRefusedInBothForms() throws {
        let repo = try GitRepository()
        try repo.commit(["design/a.md": goodDoc])
        try repo.write("design/b.md", badDoc)
        try repo.git("add", "-A")
        try run("/usr/bin/chown", ["-R", "12345:12345", repo.path])
        let home = try TemporaryDirectory()
        // No safe.directory at all (libgit2 1.5 says "config value 'safe.directory' was not found"),
        // then one that names another folder (GIT_EOWNER).
        for config in ["", "[safe]\n\tdirectory = /elsewhere\n"] {
            try home.write(".gitconfig", config)
            let refused = try designgate(["check", "--staged"], in: repo.path, environment: ["HOME": home.path])
            #expect(refused.status == 2)
            #expect(refused.stderr.contains("owned by another user"))
            #expect(refused.stderr.contains("git config --global --add safe.directory \(repo.path)"))
        }
        let trusted = try designgate(["check", "--staged", "--trust-repo-owner"], in: repo.path, environment: ["HOME": home.path])
        #expect(trusted.status == 1, "the staged bad document is checked")
        try home.write(".gitconfig", "[safe]\n\tdirectory = \(repo.path)\n")
        #expect(try designgate(["check", "--staged"], in: repo.path, environment: ["HOME": home.path]).status == 1)
    }
}

@Suite struct PrePushTests {
    private func line(_ localRef: String, _ local: String, _ remoteRef: String, _ remote: String) -> String {
        "\(localRef) \(local) \(remoteRef) \(remote)\n"
    }

    static let zero = String(repeating: "0", count: 40)

    @Test func updateNewBranchDeletionAndForcePush() throws {
        let repo = try GitRepository()
        try repo.commit(["design/a.md": goodDoc])
        let remote = try repo.addOrigin()
        let pushed = try repo.git("rev-parse", "HEAD")
        #expect(try remote.tip() == pushed)

        // An update carrying a bad document.
        let bad = try repo.commit(["design/b.md": badDoc])
        let update = try check(repo, ["--pre-push", "origin", "url"],
                               input: line("refs/heads/main", bad, "refs/heads/main", pushed))
        #expect(update.status == 1)
        #expect(try documents(update) == ["design/b.md added"])

        // A new branch: only commits no remote-tracking ref has.
        try repo.git("checkout", "-q", "-b", "topic")
        let topic = try repo.commit(["design/c.md": goodDoc])
        let newBranch = try check(repo, ["--pre-push", "origin"],
                                  input: line("refs/heads/topic", topic, "refs/heads/topic", Self.zero))
        #expect(try documents(newBranch) == ["design/b.md added", "design/c.md added"])

        // A deletion checks nothing.
        let deletion = try check(repo, ["--pre-push", "origin"],
                                 input: line("(delete)", Self.zero, "refs/heads/old", pushed))
        #expect(deletion.status == 0)
        #expect(try documents(deletion) == [])

        // A force push over history this clone never saw.
        let unknown = String(repeating: "a", count: 40)
        let force = try designgate(["check", "--pre-push", "origin"], in: repo.path,
                                   input: line("refs/heads/main", topic, "refs/heads/main", unknown))
        #expect(force.status == 2)
        #expect(force.stderr.contains("git fetch"))
    }
}

@Suite struct CIModeTests {
    /// A repository whose `main` and `feature` differ; `origin/main` exists.
    private func repository() throws -> (GitRepository, base: String, head: String) {
        let repo = try GitRepository()
        let base = try repo.commit(["README.md": "x"])
        try repo.git("update-ref", "refs/remotes/origin/main", base)
        try repo.git("checkout", "-q", "-b", "feature")
        let head = try repo.commit(["design/pr.md": badDoc])
        return (repo, base, head)
    }

    @Test(arguments: [
        ["GITLAB_CI": "true", "CI_MERGE_REQUEST_DIFF_BASE_SHA": "BASE", "CI_COMMIT_SHA": "HEAD"],
        ["GITLAB_CI": "true", "CI_COMMIT_BEFORE_SHA": "BASE", "CI_COMMIT_SHA": "HEAD"],
        ["TF_BUILD": "True", "SYSTEM_PULLREQUEST_TARGETBRANCH": "refs/heads/main", "BUILD_SOURCEVERSION": "HEAD"],
        ["BITBUCKET_BUILD_NUMBER": "7", "BITBUCKET_PR_DESTINATION_BRANCH": "main", "BITBUCKET_COMMIT": "HEAD"],
        ["BUILDKITE": "true", "BUILDKITE_PULL_REQUEST_BASE_BRANCH": "main", "BUILDKITE_COMMIT": "HEAD"],
        ["CIRCLECI": "true", "CIRCLE_SHA1": "HEAD"],
        ["JENKINS_URL": "http://ci", "CHANGE_TARGET": "main", "GIT_COMMIT": "HEAD"],
    ])
    func providers(environment: [String: String]) throws {
        let (repo, base, head) = try repository()
        var env = environment.mapValues { $0 == "BASE" ? base : $0 == "HEAD" ? head : $0 }
        if env["CIRCLECI"] != nil { try repo.git("symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/main") }
        env["PATH"] = ProcessInfo.processInfo.environment["PATH"]
        let result = try check(repo, ["--ci"], environment: env)
        #expect(try documents(result) == ["design/pr.md added"], "\(result.stderr)")
        #expect(result.stdout.contains(head))
    }

    @Test func gitLabZeroBeforeShaIsNotARevision() throws {
        let (repo, _, head) = try repository()
        try repo.git("symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/main")
        let result = try check(repo, ["--ci"], environment: ["GITLAB_CI": "true", "CI_COMMIT_BEFORE_SHA": PrePushTests.zero,
                                                            "CI_COMMIT_SHA": head])
        #expect(try documents(result) == ["design/pr.md added"], "\(result.stderr)")
    }

    /// A GitLab branch pipeline without a previous commit (a new branch) compares with the
    /// default branch; a base that is not in the clone names `--base` in its hint.
    @Test func gitLabBranchPipelineComparesWithTheDefaultBranch() throws {
        let (repo, _, head) = try repository()
        let environment = ["GITLAB_CI": "true", "CI_COMMIT_BEFORE_SHA": PrePushTests.zero, "CI_COMMIT_SHA": head,
                           "CI_DEFAULT_BRANCH": "main"]
        let result = try check(repo, ["--ci"], environment: environment)
        #expect(try documents(result) == ["design/pr.md added"], "\(result.stderr)")
        #expect(result.stdout.contains("\"mode\": \"ci:gitlab\""))
        var missing = environment
        missing["CI_DEFAULT_BRANCH"] = "trunk"
        let unknown = try check(repo, ["--ci"], environment: missing)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown revision `origin/trunk`") && unknown.stderr.contains("--base"), "\(unknown.stderr)")
    }

    @Test func gitHubPullRequestUsesTheEventPayload() throws {
        let (repo, base, head) = try repository()
        let event = try repo.write(".event.json", #"{"pull_request": {"base": {"sha": "\#(base)"}, "head": {"sha": "\#(head)"}}}"#)
        let result = try check(repo, ["--ci"], environment: [
            "GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": "pull_request", "GITHUB_EVENT_PATH": event, "GITHUB_SHA": base,
        ])
        #expect(try documents(result) == ["design/pr.md added"])
        #expect(result.stdout.contains("\"mode\": \"ci:github\""))
    }

    @Test func gitHubPushAndExplicitBase() throws {
        let (repo, base, head) = try repository()
        let event = try repo.write(".event.json", #"{"before": "\#(base)", "after": "\#(head)"}"#)
        let push = try check(repo, ["--ci"], environment: [
            "GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": "push", "GITHUB_EVENT_PATH": event,
        ])
        #expect(try documents(push) == ["design/pr.md added"])
        let explicit = try check(repo, ["--ci", "--base", base])
        #expect(try documents(explicit) == ["design/pr.md added"])
    }

    /// 1,600 documents from one template are deleted and one of them reappears elsewhere:
    /// the previous path is the one `git diff -M` names, not another that shares the template.
    @Test func aRenameAmongManyDeletionsNamesTheSamePreviousPathAsGit() throws {
        let repo = try GitRepository()
        let template = (0..<60).map { "Template line \($0): describe the thing here in detail, with care.\n" }.joined()
        var files: [String: String] = [".designgate.yml": "version: 1\ndocuments:\n  include: [\"keps/**/*.md\"]\n  detect: false\n"]
        for number in 0..<1_600 {
            files[String(format: "keps/kep-%04d.md", number)] = "# KEP \(number)\n\n" + template + "\nOnly in KEP \(number): \(number * 7919 % 10007)\n"
        }
        try repo.commit(files, message: "base")
        let moved = try repo.directory.read("keps/kep-1500.md")
        try repo.git("rm", "-q", "-r", "keps")
        try repo.write("keps/new/kep-1500.md", moved + "one more line\n")
        try repo.git("add", "-A")
        try repo.git("commit", "-q", "-m", "move")
        let git = try repo.git("diff", "-M", "--name-status", "HEAD~1", "HEAD").split(separator: "\n").filter { $0.hasPrefix("R") }
        #expect(git.count == 1 && git[0].hasSuffix("keps/kep-1500.md\tkeps/new/kep-1500.md"), "\(git)")
        #expect(try documents(check(repo, ["--range", "HEAD~1..HEAD"])) == ["keps/new/kep-1500.md renamed from keps/kep-1500.md"])
    }
}
