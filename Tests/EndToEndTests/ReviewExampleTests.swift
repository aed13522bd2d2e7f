import Foundation
import Testing
import TestSupport

/// The README's review configuration, as it stands there, on a real repository: it loads, and
/// the findings the README shows are the ones designgate prints.
@Suite struct ReviewExampleTests {
    static let readme = (try? String(contentsOfFile: Package.root + "/README.md", encoding: .utf8)) ?? ""

    /// The text between the README's review-example markers, without the code fence.
    static var configuration: String {
        guard let start = readme.range(of: "<!-- review-example:begin -->\n```yaml\n"),
              let end = readme.range(of: "```\n<!-- review-example:end -->") else { return "" }
        return String(readme[start.upperBound..<end.lowerBound])
    }

    /// A finding line the README shows, found by its rule id.
    static func shown(_ rule: String) -> String? {
        readme.split(separator: "\n").first { $0.hasSuffix("[\(rule)]") && $0.contains(": error: ") }.map(String.init)
    }

    @Test func theReadmesReviewConfigurationGivesTheFindingsItShows() throws {
        #expect(Self.configuration.contains("review:"))
        let repo = try GitRepository()
        try repo.commit([".designgate.yml": Self.configuration,
                         "CODEOWNERS": "* @acme/platform\n/docs/design/payments/ @acme/payments @bob\n",
                         "docs/design/payments/ledger.md": "---\nstatus: Approved\napprovers: [alice]\n---\n# Ledger\n",
                         "services/payments/charge.go": "package payments\n"], message: "base")
        let approvals = try designgate(["check", "docs/design/payments/ledger.md", "--profile", "standard"], in: repo.path)
        let approvalsLine = try #require(Self.shown("approvals"))
        #expect(approvals.stdout.split(separator: "\n").contains { $0 == approvalsLine }, "\(approvals.stdout)")

        try repo.commit(["services/payments/charge.go": "package payments\n// retries\n"], message: "Retry declined charges once")
        let required = try designgate(["check", "--commit", "HEAD"], in: repo.path)
        #expect(required.status == 1)
        #expect(required.stdout.split(separator: "\n").first.map(String.init) == Self.shown("design-required"), "\(required.stdout)")

        try repo.git("commit", "-q", "--amend", "-m", "Retry declined charges once\n\nDesign: docs/design/payments/ledger.md")
        #expect(try designgate(["check", "--commit", "HEAD"], in: repo.path).status == 0, "the ledger is Approved")
    }
}
