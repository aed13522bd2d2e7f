import Foundation
import Testing
import TestSupport

/// `approvals` on real repositories: CODEOWNERS found where GitHub looks, its patterns
/// overriding each other, GitLab sections, teams, and documents with too few sign-offs.
@Suite struct ApprovalsTests {
    static let path = "docs/design/payments/ledger.md"

    static func document(approvers: String) -> String {
        "---\nstatus: Approved\napprovers: \(approvers)\n---\n# Payments ledger\n\nA ledger for payments.\n"
    }

    static func configuration(minimum: Int = 1, owners: Bool = true, teams: String = "") -> String {
        """
        version: 1
        rules: { required-sections: off, required-fields: off, section-not-empty: off }
        review:
          approvals: { Approved: \(minimum), In Review: 0 }
          owners: \(owners)
        \(teams.isEmpty ? "" : "  teams: \(teams)\n")
        """
    }

    /// The `approvals` messages of a JSON report, and the exit status.
    static func approvals(_ repo: GitRepository) throws -> (messages: [String], status: Int32) {
        let result = try designgate(["check", path, "-f", "json"], in: repo.path)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
                                  "\(result.stdout)\(result.stderr)")
        let findings = (report["documents"] as? [[String: Any]] ?? []).flatMap { $0["findings"] as? [[String: Any]] ?? [] }
        return (findings.filter { $0["ruleId"] as? String == "approvals" }.map { "\($0["line"] as? Int ?? 0): \($0["message"] as? String ?? "")" },
                result.status)
    }

    @Test func codeOwnersIsReadWhereGitHubLooksFirst() throws {
        let repo = try GitRepository()
        try repo.commit([".designgate.yml": Self.configuration(), Self.path: Self.document(approvers: "[alice]"),
                         "docs/CODEOWNERS": "/docs/design/payments/ @alice\n"])
        #expect(try Self.approvals(repo) == ([], 0), "docs/CODEOWNERS names alice")

        try repo.commit(["CODEOWNERS": "/docs/design/ @bob\n"])
        #expect(try Self.approvals(repo) == (["2: status Approved needs 1 approver who owns /docs/design/; found none; owners: @bob; not owners: alice"], 1),
                "the root CODEOWNERS comes before docs/")

        // The last matching pattern wins.
        try repo.commit([".github/CODEOWNERS": "* @carol\n/docs/design/payments/** @alice\n"])
        #expect(try Self.approvals(repo) == ([], 0), ".github/CODEOWNERS comes first, and its later pattern wins")
        try repo.commit([".github/CODEOWNERS": "/docs/design/payments/** @alice\n* @carol\n"])
        #expect(try Self.approvals(repo) == (["2: status Approved needs 1 approver who owns *; found none; owners: @carol; not owners: alice"], 1))
    }

    static let teamOwners = "/docs/design/payments/ @org/payments @bob\n"

    @Test(arguments: [
        ("[alice]", ["2: status Approved needs 2 approvers who own /docs/design/payments/; found 1 (alice); owners: @org/payments, @bob"]),
        ("[alice, dave]", ["2: status Approved needs 2 approvers who own /docs/design/payments/; found 1 (alice); owners: @org/payments, @bob; not owners: dave"]),
        ("[alice, \"@org/payments\"]", []),
        ("[carol, \"@BOB\"]", []),
        ("[]", ["2: status Approved needs 2 approvers who own /docs/design/payments/; found none; owners: @org/payments, @bob"]),
    ])
    func ownersUsersAndTeamsCount(approvers: String, expected: [String]) throws {
        let repo = try GitRepository()
        try repo.commit([".designgate.yml": Self.configuration(minimum: 2, teams: "{ \"@org/payments\": [alice, carol] }"),
                         Self.path: Self.document(approvers: approvers), ".github/CODEOWNERS": Self.teamOwners])
        #expect(try Self.approvals(repo) == (expected, expected.isEmpty ? 0 : 1))
    }

    @Test func eachRequiredGitLabSectionNeedsItsOwners() throws {
        let repo = try GitRepository()
        let owners = """
            [Design][2] @arch-team @dana
            docs/design/
            ^[Docs] @writers
            docs/
            [Payments] @org/payments
            docs/design/payments/
            """
        try repo.commit([".designgate.yml": Self.configuration(teams: "{ \"@org/payments\": [alice] }"),
                         Self.path: Self.document(approvers: "[alice, dana]"), "CODEOWNERS": owners])
        #expect(try Self.approvals(repo) == (["2: status Approved needs 2 approvers from CODEOWNERS section [Design] (owners of docs/design/: @arch-team, @dana); found 1 (dana)"], 1))
        try repo.commit([Self.path: Self.document(approvers: "[alice, dana, \"@arch-team\"]")])
        #expect(try Self.approvals(repo) == ([], 0), "the optional [Docs] section needs no sign-off")
    }

    @Test func withoutOwnersTheCountIsEnoughAndWithoutAStatusRuleNothingIsAsked() throws {
        let repo = try GitRepository()
        try repo.commit([".designgate.yml": Self.configuration(minimum: 2, owners: false), Self.path: Self.document(approvers: "[alice]")])
        #expect(try Self.approvals(repo) == (["2: status Approved needs 2 approvers; found 1 (alice)"], 1))
        try repo.commit([Self.path: Self.document(approvers: "[alice]").replacingOccurrences(of: "Approved", with: "In Review")])
        #expect(try Self.approvals(repo) == ([], 0))
    }

    @Test func ownersWithoutACodeOwnersFileIsAFinding() throws {
        let repo = try GitRepository()
        try repo.commit([".designgate.yml": Self.configuration(), Self.path: Self.document(approvers: "[alice]")])
        #expect(try Self.approvals(repo) == (["2: status Approved needs 1 approver who owns docs/design/payments/ledger.md, but the repository has no CODEOWNERS file (.github/CODEOWNERS, CODEOWNERS, docs/CODEOWNERS, .gitlab/CODEOWNERS)"], 1))
    }

    @Test func aLinkedCodeOwnersIsRefusedAndASkippedLineIsSaid() throws {
        let repo = try GitRepository()
        try repo.commit([".designgate.yml": Self.configuration(), Self.path: Self.document(approvers: "[alice]"),
                         "CODEOWNERS": "/docs/ @alice\ndocs/design/ design-team\n"])
        let skipped = try designgate(["check", Self.path], in: repo.path)
        #expect(skipped.status == 0)
        #expect(skipped.stderr.contains("CODEOWNERS:2: line skipped: `design-team` is not an owner (write @user, @org/team or an e-mail address)"))

        try FileManager.default.createDirectory(atPath: repo.path + "/.github", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: repo.path + "/.github/CODEOWNERS", withDestinationPath: "/etc/passwd")
        let linked = try designgate(["check", Self.path], in: repo.path)
        #expect(linked.status == 2)
        #expect(linked.stderr.contains(".github/CODEOWNERS is a symbolic link, not a regular file; it was not read"), "\(linked.stderr)")
        #expect(!linked.stderr.contains("root:"))
    }
}
