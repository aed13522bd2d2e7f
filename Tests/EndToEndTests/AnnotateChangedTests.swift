import Foundation
import Testing
import TestSupport

/// `--annotate changed` and `annotate: changed`: GitHub annotations and the step summary show
/// only findings on lines the change touched, findings about the whole document or about the
/// change itself; the others still count and are counted in a notice.
@Suite struct AnnotateChangedTests {
    static let configuration = "version: 1\nrules:\n  required-sections: { severity: off }\n"

    static let base = """
        # Cache TDD

        ## Open Questions

        - Do we shard by tenant?

        ## Risks

        - Cache nodes may fail during a deploy.
          - Mitigation: clients fall back to the database.
        """

    /// One more open question (line 6), nothing else touched.
    static let head = base.replacingOccurrences(of: "- Do we shard by tenant?\n",
                                                with: "- Do we shard by tenant?\n- Which TTL do prices get?\n")

    private func stagedRepository(head: String = Self.head, configuration: String = Self.configuration) throws -> GitRepository {
        let repo = try GitRepository()
        try repo.commit([".designgate.yml": configuration, "docs/design/cache-tdd.md": Self.base], message: "base")
        try repo.write("docs/design/cache-tdd.md", head)
        try repo.git("add", "-A")
        return repo
    }

    private func annotations(_ output: String) -> [String] {
        output.split(separator: "\n").filter { $0.hasPrefix("::error") || $0.hasPrefix("::warning") }.map(String.init)
    }

    @Test func onlyTheTouchedLineIsAnnotated() throws {
        let repo = try stagedRepository()
        let summary = repo.path + "/summary.md"
        let result = try designgate(["check", "--staged", "--format", "github", "--annotate", "changed"],
                                    in: repo.path, environment: ["GITHUB_STEP_SUMMARY": summary])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        let shown = annotations(result.stdout)
        #expect(shown.count == 1 && shown[0].contains("line=6,") && shown[0].contains("Which TTL"), "\(result.stdout)")
        #expect(result.stdout.contains("::notice title=designgate::1 finding on lines this change did not touch is not annotated"))
        #expect(result.stdout.contains("2 errors"), "the untouched finding still counts:\n\(result.stdout)")

        let table = try String(contentsOfFile: summary, encoding: .utf8)
        #expect(table.contains("| 6 | error |") && !table.contains("| 5 | error |"), "\(table)")
        #expect(table.contains("1 finding on lines this change did not touch"), "\(table)")

        let every = try designgate(["check", "--staged", "--format", "github"], in: repo.path)
        #expect(annotations(every.stdout).count == 2, "\(every.stdout)")
        #expect(!every.stdout.contains("did not touch"))
    }

    /// The configuration's `annotate: changed` does the same; `--annotate all` overrides it.
    @Test func configuredAndOverridden() throws {
        let repo = try stagedRepository(configuration: Self.configuration + "annotate: changed\n")
        let configured = try designgate(["check", "--staged", "--format", "github"], in: repo.path)
        #expect(annotations(configured.stdout).count == 1, "\(configured.stdout)")
        let overridden = try designgate(["check", "--staged", "--format", "github", "--annotate", "all"], in: repo.path)
        #expect(annotations(overridden.stdout).count == 2, "\(overridden.stdout)")
    }

    /// A deleted mitigation is reported at its risk, a line the change did not touch: a finding
    /// about the change itself is always annotated. So is one at the title, about the whole document.
    @Test func regressionsAndDocumentWideFindingsAreAlwaysAnnotated() throws {
        let configuration = """
            version: 1
            profile: mini
            profiles:
              mini:
                sections:
                  - Summary
                  - { title: Open Questions, required: false, role: open-questions }
                  - { title: Risks, required: false, role: risks }

            """
        let base = Self.base.replacingOccurrences(of: "  - Mitigation:", with: "  - Seen twice last year.\n  - Mitigation:")
        let head = base.replacingOccurrences(of: "\n  - Mitigation: clients fall back to the database.", with: "")
        let repo = try GitRepository()
        try repo.commit([".designgate.yml": configuration, "docs/design/cache-tdd.md": base], message: "base")
        try repo.write("docs/design/cache-tdd.md", head)
        try repo.git("add", "-A")
        let result = try designgate(["check", "--staged", "--format", "github", "--annotate", "changed"], in: repo.path)
        let shown = annotations(result.stdout)
        #expect(shown.contains { $0.contains("line=9,") && $0.contains("title=designgate no-regressions") }, "\(result.stdout)")
        #expect(shown.contains { $0.contains("line=1,") && $0.contains("missing section \"Summary\"") }, "\(result.stdout)")
        #expect(!shown.contains { $0.contains("open-questions-resolved") || $0.contains("risks-have-mitigations") },
                "\(result.stdout)")
    }

    /// A document the base does not have is all new: every finding is annotated.
    @Test func aNewDocumentIsAnnotatedWhole() throws {
        let repo = try GitRepository()
        try repo.commit([".designgate.yml": Self.configuration], message: "base")
        try repo.write("docs/design/cache-tdd.md", Self.head.replacingOccurrences(of: "\n  - Mitigation: clients fall back to the database.", with: ""))
        try repo.git("add", "-A")
        let result = try designgate(["check", "--staged", "--format", "github", "--annotate", "changed"], in: repo.path)
        #expect(annotations(result.stdout).count == 3, "\(result.stdout)")
        #expect(!result.stdout.contains("did not touch"))
    }

    @Test func anUnknownValueIsAConfigurationError() throws {
        let repo = try stagedRepository(configuration: Self.configuration + "annotate: touched\n")
        let result = try designgate(["check", "--staged"], in: repo.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("annotate") && result.stderr.contains("changed"), "\(result.stderr)")
    }
}
