import Foundation
import Testing
import TestSupport

/// `design-required` on real repositories: guarded code changed with no design, with a
/// trailer naming an approved, a draft or a missing design, with a design in the same change,
/// and with the pull request's description under a simulated CI.
@Suite struct DesignRequiredTests {
    static let configuration = """
        version: 1
        rules: { required-sections: off, required-fields: off, section-not-empty: off }
        review:
          designs:
            - paths: ["services/payments/**"]
            - paths: ["api/**/*.proto"]
              when: new-file
            - paths: ["services/search/**"]
              when: new-folder
            - paths: ["services/ledger/**"]
              when: lines
              lines: 3
              documents: ["docs/design/ledger/**"]
        """

    static func design(_ status: String) -> String { "---\nstatus: \(status)\n---\n# Payments TDD\n\nHow payments move.\n" }

    static let needsDesign = "needs a design: add one to this change, or name an approved one in a commit trailer "
        + "`Design: path/to/design.md` (or, under --ci, a `Design:` line in the pull request's description)"

    /// A repository with the policy, an approved and a draft design, and code under each guard.
    static func repository() throws -> GitRepository {
        let repo = try GitRepository()
        try repo.commit([".designgate.yml": configuration, "docs/design/payments.md": design("Approved"),
                         "docs/design/refunds.md": design("Draft"), "services/payments/charge.go": "package payments\n",
                         "services/search/index.go": "package search\n", "services/ledger/book.go": "package ledger\n",
                         "api/v1/payments.proto": "syntax = \"proto3\";\n"], message: "base")
        return repo
    }

    /// `design-required` findings as `path:line: message`, and the exit status.
    static func findings(_ result: ProcessResult) throws -> (messages: [String], status: Int32) {
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
                                  "\(result.stdout)\(result.stderr)")
        var messages: [String] = []
        for document in report["documents"] as? [[String: Any]] ?? [] {
            for finding in document["findings"] as? [[String: Any]] ?? [] where finding["ruleId"] as? String == "design-required" {
                messages.append("\(document["path"] as? String ?? ""):\(finding["line"] as? Int ?? 0): \(finding["message"] as? String ?? "")")
            }
        }
        return (messages, result.status)
    }

    static func commitCheck(_ repo: GitRepository) throws -> (messages: [String], status: Int32) {
        try findings(try designgate(["check", "--commit", "HEAD", "-f", "json"], in: repo.path))
    }

    @Test func guardedCodeWithoutADesignFailsInEveryModeThatReadsCommits() throws {
        let repo = try Self.repository()
        let remote = try repo.addOrigin()
        let commit = try repo.commit(["services/payments/charge.go": "package payments\n// retries\n"], message: "Retry charges")
        let expected = ["services/payments/charge.go:1: changing services/payments/charge.go under services/payments/** " + Self.needsDesign]
        #expect(try Self.commitCheck(repo) == (expected, 1))
        #expect(try Self.findings(try designgate(["check", "--range", "HEAD~1..HEAD", "-f", "json"], in: repo.path)) == (expected, 1))
        let input = "refs/heads/main \(commit) refs/heads/main \(try remote.tip())\n"
        #expect(try Self.findings(try designgate(["check", "--pre-push", "origin", "-f", "json"], in: repo.path, input: input)) == (expected, 1))
        let gitlab = ["GITLAB_CI": "true", "CI_COMMIT_BEFORE_SHA": try repo.git("rev-parse", "HEAD~1"), "CI_COMMIT_SHA": commit]
        #expect(try Self.findings(try designgate(["check", "--ci", "-f", "json"], in: repo.path, environment: gitlab)) == (expected, 1))
        // Without commits there is no change set to judge: the working tree and the index are not.
        try repo.write("services/payments/charge.go", "package payments\n// more\n")
        try repo.git("add", "-A")
        #expect(try Self.findings(try designgate(["check", "--staged", "-f", "json"], in: repo.path)) == ([], 0))
    }

    @Test(arguments: [
        ("Design: docs/design/payments.md", [String]()),
        ("Design: https://github.com/acme/shop/blob/main/docs/design/payments.md", []),
        ("Design: docs/design/refunds.md", [
            "services/payments/charge.go:1: changing services/payments/charge.go under services/payments/** " + needsDesign,
            "services/payments/charge.go:1: `Design: docs/design/refunds.md` (commit COMMIT) is Draft, not approved: "
                + "a named design must have the status Approved",
        ]),
        ("Design: docs/design/nowhere.md", [
            "services/payments/charge.go:1: changing services/payments/charge.go under services/payments/** " + needsDesign,
            "services/payments/charge.go:1: `Design: docs/design/nowhere.md` (commit COMMIT) names a document that does not exist at the change set's head",
        ]),
    ])
    func aTrailerNamesTheDesign(trailer: String, expected: [String]) throws {
        let repo = try Self.repository()
        let commit = try repo.commit(["services/payments/charge.go": "package payments\n// retries\n"],
                                     message: "Retry charges\n\nRetries declined charges once.\n\nSigned-off-by: Test <test@example.com>\n\(trailer)")
        let short = String(commit.prefix(7))
        #expect(try Self.commitCheck(repo) == (expected.map { $0.replacingOccurrences(of: "COMMIT", with: short) }, expected.isEmpty ? 0 : 1))
    }

    @Test(arguments: [
        "Retry charges\n\nDesign: docs/design/payments.md\nis what this follows, said in prose.",
        "Design: docs/design/payments.md",
        "Retry charges\n\nDesign: docs/design/payments.md\n\nThe last paragraph is prose.",
    ])
    func aDesignLineThatIsNoTrailerDoesNotCount(message: String) throws {
        let repo = try Self.repository()
        try repo.commit(["services/payments/charge.go": "package payments\n// retries\n"], message: message)
        #expect(try Self.commitCheck(repo).status == 1, "\(message)")
    }

    @Test func aDesignInTheSameChangeSatisfiesIt() throws {
        let repo = try Self.repository()
        try repo.commit(["services/payments/charge.go": "package payments\n// retries\n",
                         "docs/design/retries.md": Self.design("In Review")], message: "Retry charges, with their design")
        #expect(try Self.commitCheck(repo) == ([], 0))
    }

    @Test func newFilesNewFoldersAndChangedLinesAreWeighed() throws {
        let repo = try Self.repository()
        try repo.commit(["api/v1/payments.proto": "syntax = \"proto3\";\n// edited\n", "services/search/index.go": "package search\n// edited\n",
                         "services/ledger/book.go": "package ledger\n// one\n"], message: "Small edits")
        #expect(try Self.commitCheck(repo) == ([], 0), "an edit is no new file, no new folder, and 2 lines are not more than 3")

        try repo.commit(["api/v1/refunds.proto": "syntax = \"proto3\";\n", "services/search/ranking/score.go": "package ranking\n",
                         "services/ledger/book.go": "package ledger\n// two\n// three\n// four\n"], message: "Bigger edits")
        #expect(try Self.commitCheck(repo) == ([
            "api/v1/refunds.proto:1: adding api/v1/refunds.proto under api/**/*.proto " + Self.needsDesign,
            "services/ledger/book.go:1: changing 4 lines under services/ledger/** (more than 3) needs a design: add one matching "
                + "docs/design/ledger/** to this change, or name an approved one in a commit trailer `Design: path/to/design.md` "
                + "(or, under --ci, a `Design:` line in the pull request's description)",
            "services/search/ranking/score.go:1: adding a new folder with services/search/ranking/score.go under services/search/** " + Self.needsDesign,
        ], 1))
    }

    @Test func aNewBranchsPushWeighsAllItsCommits() throws {
        let repo = try Self.repository()
        _ = try repo.addOrigin()
        try repo.git("switch", "-q", "-c", "refunds")
        try repo.commit(["api/v1/refunds.proto": "syntax = \"proto3\";\n"], message: "Add the refunds API")
        let tip = try repo.commit(["api/v1/refunds.proto": "syntax = \"proto3\";\n// v2\n"], message: "Edit the refunds API")
        let input = "refs/heads/refunds \(tip) refs/heads/refunds \(String(repeating: "0", count: 40))\n"
        let result = try designgate(["check", "--pre-push", "origin", "-f", "json"], in: repo.path, input: input)
        #expect(try Self.findings(result) == (["api/v1/refunds.proto:1: adding api/v1/refunds.proto under api/**/*.proto " + Self.needsDesign], 1),
                "added in the first pushed commit, edited in the second: still a new file")
    }

    @Test func thePullRequestDescriptionNamesTheDesignUnderCI() throws {
        let repo = try Self.repository()
        let base = try repo.git("rev-parse", "HEAD")
        let head = try repo.commit(["services/payments/charge.go": "package payments\n// retries\n"], message: "Retry charges")
        let directory = try TemporaryDirectory()
        func event(_ body: String) throws -> [String: String] {
            let payload: [String: Any] = ["pull_request": ["base": ["sha": base], "head": ["sha": head], "body": body]]
            let path = try directory.write("event.json", try JSONSerialization.data(withJSONObject: payload))
            return ["GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": "pull_request", "GITHUB_EVENT_PATH": path]
        }
        let approved = try event("Retries declined charges.\n\n**Design:** [the payments design](docs/design/payments.md)\n")
        #expect(try Self.findings(try designgate(["check", "--ci", "-f", "json"], in: repo.path, environment: approved)) == ([], 0))
        let draft = try event("Design: docs/design/refunds.md")
        #expect(try Self.findings(try designgate(["check", "--ci", "-f", "json"], in: repo.path, environment: draft)) == ([
            "services/payments/charge.go:1: changing services/payments/charge.go under services/payments/** " + Self.needsDesign,
            "services/payments/charge.go:1: `Design: docs/design/refunds.md` (the pull request's description) is Draft, not approved: "
                + "a named design must have the status Approved",
        ], 1))
        let gitlab = ["GITLAB_CI": "true", "CI_MERGE_REQUEST_DIFF_BASE_SHA": base, "CI_COMMIT_SHA": head,
                      "CI_MERGE_REQUEST_DESCRIPTION": "Design: docs/design/payments.md"]
        #expect(try Self.findings(try designgate(["check", "--ci", "-f", "json"], in: repo.path, environment: gitlab)) == ([], 0))
    }

    @Test func theTextReportSaysWhichPathsAreNoDesignDocuments() throws {
        let repo = try Self.repository()
        try repo.commit(["services/payments/charge.go": "package payments\n// retries\n"], message: "Retry charges")
        let result = try designgate(["check", "--commit", "HEAD"], in: repo.path)
        #expect(result.stdout.hasSuffix("0 design documents checked, 1 other changed path reported, 1 error, 0 warnings, 1 failed\n"),
                "\(result.stdout)")
    }
}
