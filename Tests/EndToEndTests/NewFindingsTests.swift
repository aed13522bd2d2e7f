import Foundation
import Testing
import TestSupport

/// `--new-only` and `report: new`: findings the base version of a document already had stay
/// in the reports, marked unchanged, and do not fail the run.
@Suite struct NewFindingsTests {
    static let base = """
        # Cache TDD

        ## Open Questions

        - Do we shard by tenant?

        ## Risks

        - Cache nodes may fail during a deploy.
        """

    /// The base with lines moved and one more open question.
    static let head = """
        # Cache TDD

        Cache for the price service.

        ## Open Questions

        - Do we shard by tenant?
        - Which TTL do prices get?

        ## Risks

        - Cache nodes may fail during a deploy.
        """

    private func repository(head: String = Self.head, renamedTo: String? = nil) throws -> GitRepository {
        let repo = try GitRepository()
        try repo.commit(["docs/design/cache-tdd.md": Self.base], message: "base")
        if let renamedTo { try repo.git("mv", "docs/design/cache-tdd.md", renamedTo) }
        try repo.commit([renamedTo ?? "docs/design/cache-tdd.md": head], message: "head")
        return repo
    }

    @Test func onlyTheNewQuestionFailsTheRange() throws {
        let repo = try repository()
        let result = try designgate(["check", "--range", "HEAD~1..HEAD", "--new-only"], in: repo.path)
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("docs/design/cache-tdd.md:8:1: error: open question not resolved: \"Which TTL do prices get?\""))
        #expect(!result.stdout.contains("Do we shard"), "an unchanged finding is listed without -v:\n\(result.stdout)")
        #expect(result.stdout.contains("1 error, 0 warnings, 11 already known, 1 failed"))

        let all = try designgate(["check", "--range", "HEAD~1..HEAD"], in: repo.path)
        #expect(all.stdout.contains("Do we shard by tenant?"))
        #expect(all.stdout.contains("12 errors"), "\(all.stdout)")
    }

    @Test func unchangedFindingsDoNotFail() throws {
        let moved = Self.head.replacingOccurrences(of: "- Which TTL do prices get?\n", with: "")
        let repo = try repository(head: moved)
        let result = try designgate(["check", "--commit", "HEAD", "--new-only", "-v"], in: repo.path)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains(
            "docs/design/cache-tdd.md:7:1: unchanged error (already in the base version or the baseline): open question not resolved"))
    }

    @Test func aRenamedDocumentIsComparedWithItsOldPath() throws {
        let repo = try repository(renamedTo: "docs/design/price-cache-tdd.md")
        let result = try designgate(["check", "--range", "HEAD~1..HEAD", "--new-only", "-q"], in: repo.path)
        #expect(result.status == 1)
        #expect(result.stdout == "docs/design/price-cache-tdd.md:8:1: error: open question not resolved: "
                + "\"Which TTL do prices get?\"; answer it (e.g. `Answer: …`, `[x]`) or strike it through [open-questions-resolved]\n")
    }

    @Test func stagedAndConfiguredNewOnly() throws {
        let repo = try GitRepository()
        try repo.commit([".designgate.yml": "version: 1\nreport: new\n", "docs/design/cache-tdd.md": Self.base])
        try repo.write("docs/design/cache-tdd.md", Self.head)
        try repo.write("docs/design/new-tdd.md", Self.base)
        try repo.git("add", "-A")
        let result = try designgate(["check", "--staged", "-q"], in: repo.path)
        #expect(result.status == 1)
        // The new document's findings are all new; the changed one has one.
        #expect(result.stdout.contains("new-tdd.md:5:1: error: open question not resolved: \"Do we shard by tenant?\""))
        #expect(!result.stdout.contains("cache-tdd.md:7:1"), "\(result.stdout)")
        #expect(result.stdout.contains("cache-tdd.md:8:1: error: open question not resolved: \"Which TTL do prices get?\""))
    }

    @Test func prePushComparesWithWhatTheRemoteHas() throws {
        let repo = try GitRepository()
        try repo.commit(["docs/design/cache-tdd.md": Self.base], message: "base")
        let remote = try repo.addOrigin()
        let head = try repo.commit(["docs/design/cache-tdd.md": Self.head], message: "head")
        let input = "refs/heads/main \(head) refs/heads/main \(try remote.tip())\n"
        let result = try designgate(["check", "--pre-push", "origin", "--new-only", "-q"], in: repo.path, input: input)
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasPrefix("docs/design/cache-tdd.md:8:1: error: open question not resolved: \"Which TTL"))
        #expect(result.stdout.split(separator: "\n").count == 1, "\(result.stdout)")
    }

    @Test func aNewlyPushedBranchHasNoBase() throws {
        let repo = try GitRepository()
        try repo.commit(["docs/design/cache-tdd.md": Self.base], message: "base")
        _ = try repo.addOrigin()
        try repo.git("checkout", "-q", "-b", "feature")
        let head = try repo.commit(["docs/design/cache-tdd.md": Self.head], message: "head")
        let zero = String(repeating: "0", count: 40)
        let input = "refs/heads/feature \(head) refs/heads/feature \(zero)\n"
        let result = try designgate(["check", "--pre-push", "origin", "--new-only", "-q"], in: repo.path, input: input)
        #expect(result.status == 1)
        #expect(result.stdout.contains("cache-tdd.md:7:1: error: open question not resolved: \"Do we shard by tenant?\""),
                "\(result.stdout)")
    }

    @Test func reportsMarkTheBaselineStateAndPassTheirSchemas() throws {
        let repo = try repository()
        let json = try designgate(["check", "--range", "HEAD~1..HEAD", "--new-only", "-f", "json",
                                   "--report", "sarif:report.sarif"], in: repo.path)
        #expect(json.status == 1)
        let file = try repo.write("report.json", json.stdout)
        let jsonCheck = try validateReport("json", file, schemas: Package.root + "/schemas/designgate-report.schema.json")
        #expect(jsonCheck.status == 0, "\(jsonCheck.stdout)\(jsonCheck.stderr)")
        let sarifCheck = try validateReport("sarif", repo.path + "/report.sarif")
        #expect(sarifCheck.status == 0, "\(sarifCheck.stdout)\(sarifCheck.stderr)")

        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(summary["unchanged"] as? Int == 11)
        let documents = try #require(report["documents"] as? [[String: Any]])
        let states = (documents.first?["findings"] as? [[String: Any]] ?? []).compactMap { $0["baselineState"] as? String }
        #expect(states.filter { $0 == "new" }.count == 1 && states.filter { $0 == "unchanged" }.count == 11)

        let sarif = try repo.directory.read("report.sarif")
        #expect(sarif.contains("\"baselineState\":\"new\"") || sarif.contains("\"baselineState\": \"new\""))
        #expect(sarif.contains("\"baselineState\":\"unchanged\"") || sarif.contains("\"baselineState\": \"unchanged\""))
    }

    @Test func aRewordedQuestionIsUpdatedAndAFixedRiskAbsent() throws {
        let reworded = Self.base
            .replacingOccurrences(of: "Do we shard by tenant?", with: "Do we shard by region?")
            .replacingOccurrences(of: "during a deploy.", with: "during a deploy. Mitigation: drain each node first.")
        let repo = try repository(head: reworded)
        let json = try designgate(["check", "--range", "HEAD~1..HEAD", "--new-only", "-f", "json",
                                   "--report", "sarif:report.sarif"], in: repo.path)
        #expect(json.status == 1, "an updated finding counts like a new one:\n\(json.stdout)")
        let file = try repo.write("report.json", json.stdout)
        let jsonCheck = try validateReport("json", file, schemas: Package.root + "/schemas/designgate-report.schema.json")
        #expect(jsonCheck.status == 0, "\(jsonCheck.stdout)\(jsonCheck.stderr)")
        let sarifCheck = try validateReport("sarif", repo.path + "/report.sarif")
        #expect(sarifCheck.status == 0, "\(sarifCheck.stdout)\(sarifCheck.stderr)")

        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(repo.directory.read("report.sarif").utf8)) as? [String: Any])
        let runs = try #require(sarif["runs"] as? [[String: Any]])
        let results = try #require(runs.first?["results"] as? [[String: Any]])
        func state(_ rule: String, _ words: String) -> String? {
            results.first { result in
                (result["ruleId"] as? String) == rule
                    && ((result["message"] as? [String: Any])?["text"] as? String ?? "").contains(words)
            }?["baselineState"] as? String
        }
        #expect(state("open-questions-resolved", "Do we shard by region?") == "updated", "\(results)")
        #expect(state("risks-have-mitigations", "Cache nodes may fail") == "absent", "\(results)")
        #expect(!json.stdout.contains("Cache nodes may fail"), "a fixed finding is not in the JSON findings")
    }

    @Test func reportKeyRejectsUnknownValues() throws {
        let repo = try GitRepository()
        try repo.commit([".designgate.yml": "version: 1\nreport: fresh\n", "docs/design/cache-tdd.md": Self.base])
        let result = try designgate(["check", "--all"], in: repo.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("`report` has unknown value `fresh`"), "\(result.stderr)")
    }
}
