import Foundation
import Testing
import TestSupport

/// A folder with one non-design Markdown file and `.designgate.yml` holding `config`.
private func checkWithConfiguration(_ config: String) throws -> ProcessResult {
    let folder = try TemporaryDirectory()
    try folder.write("notes.md", "# Notes\n")
    try folder.write(".designgate.yml", config)
    return try designgate(["check", "notes.md"], in: folder.path)
}

@Suite struct ConfigurationTests {
    @Test(arguments: [
        ("version: 1\ndocuments:\n  inclde: [\"*.md\"]\n", ".designgate.yml:3: unknown key `inclde` in documents (did you mean `include`?)"),
        ("version: 1\nrules:\n  open-question-resolved: { severity: error }\n",
         ".designgate.yml:3: unknown rule `open-question-resolved` in rules (did you mean `open-questions-resolved`?)"),
        ("version: 1\nrules:\n  no-placeholders: { severity: fatal }\n",
         ".designgate.yml:3: `rules.no-placeholders.severity` has unknown value `fatal`"),
        ("version: 1\ndocuments:\n  detect: maybe\n", ".designgate.yml:3: `documents.detect` must be true or false, found `maybe`"),
        ("version: 1\nrules:\n  risks-have-mitigations: { allowNone: sometimes }\n", ".designgate.yml:3: `rules.risks-have-mitigations.allowNone`"),
        ("version: 2\n", ".designgate.yml:1: unsupported version `2`"),
        ("rules: {}\n", ".designgate.yml:1: missing `version: 1`"),
        ("version: 1\nprofile: standrd\n", ".designgate.yml:2: unknown profile `standrd` (did you mean `standard`?)"),
        ("version: 1\nrules: [\n", ".designgate.yml:3: not valid YAML"),
        ("version: 1\nreview:\n  approval: { Approved: 2 }\n", ".designgate.yml:3: unknown key `approval` in review (did you mean `approvals`?)"),
        ("version: 1\nreview:\n  approvals: { Approved: two }\n", ".designgate.yml:3: `review.approvals.Approved` must be a number of zero or more, found `two`"),
        ("version: 1\nreview:\n  teams: { payments: [alice] }\n", ".designgate.yml:3: `review.teams` key `payments` is not a team"),
        ("version: 1\nreview:\n  designs:\n    - when: change\n", ".designgate.yml:4: an entry in `review.designs` has no `paths`"),
        ("version: 1\nreview:\n  designs:\n    - { paths: [\"src/**\"], when: new-fle }\n",
         ".designgate.yml:4: `review.designs.when` has unknown value `new-fle` (did you mean `new-file`?)"),
        ("version: 1\nreview:\n  designs:\n    - { paths: [\"src/**\"], when: lines }\n", ".designgate.yml:4: `review.designs` entry has `when: lines` but no `lines`"),
        ("version: 1\nreview:\n  designs:\n    - paths: [\"src/**\"]\n      when: new-file\n      lines: 3\n",
         ".designgate.yml:6: `review.designs.lines` only goes with `when: lines`"),
    ])
    func badConfigurationIsAnErrorNamingFileLineAndKey(config: String, message: String) throws {
        let result = try checkWithConfiguration(config)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 2, "one error line and one hint: \(result.stderr)")
        #expect(lines.first?.hasPrefix("designgate: error: /") == true)
        #expect(lines.first?.contains(message) == true, "\(result.stderr)")
        #expect(lines.last?.hasPrefix("designgate: hint: ") == true)
    }

    @Test func severityOverridesAndRuleOptionsApply() throws {
        let folder = try TemporaryDirectory()
        try folder.write("design/cache.md", Package.finishedDocument.replacingOccurrences(
            of: "| Stale reads | Short TTLs |", with: "| Stale reads | TBD |"))
        #expect(try designgate(["check", "design"], in: folder.path).status == 1)
        try folder.write(".designgate.yml", "version: 1\nrules:\n  risks-have-mitigations: { severity: warning }\n  no-placeholders: off\n")
        let warned = try designgate(["check", "design"], in: folder.path)
        #expect(warned.status == 0, "\(warned.stdout)\(warned.stderr)")
        #expect(warned.stdout.contains("warning: risk has no mitigation"))
        #expect(try designgate(["check", "design", "--strict"], in: folder.path).status == 1)
    }

    @Test func initWritesAWorkingConfigurationAndNeverOverwrites() throws {
        let folder = try TemporaryDirectory()
        let first = try designgate(["init"], in: folder.path)
        #expect(first.status == 0)
        let written = try folder.read(".designgate.yml")
        #expect(written.contains("version: 1"))
        try folder.write("design/cache.md", Package.finishedDocument)
        #expect(try designgate(["check", "design"], in: folder.path).status == 0, "the written configuration loads")
        let again = try designgate(["init"], in: folder.path)
        #expect(again.status == 2)
        #expect(again.stderr.contains("already exists"))
        #expect(try folder.read(".designgate.yml") == written)
    }

    @Test(arguments: ["standard", "extended"])
    func newWritesADraftThatFailsOnceInReviewUntilFilledIn(profile: String) throws {
        let folder = try TemporaryDirectory()
        let made = try designgate(["new", "design/cache-tdd.md", "--profile", profile, "--title", "Cache"], in: folder.path)
        #expect(made.status == 0, "\(made.stderr)")
        let text = try folder.read("design/cache-tdd.md")
        #expect(text.hasPrefix("---\ntype: tdd\nstatus: Draft\n---\n# Cache\n"), "folders made, front matter and title written")
        let draft = try designgate(["check", "design/cache-tdd.md", "--profile", profile], in: folder.path)
        #expect(draft.status == 0, "a draft can be committed")
        #expect(draft.stdout.contains("warning: ") && draft.stdout.contains("[no-placeholders]") && !draft.stdout.contains("error: "))
        let inReview = text.replacingOccurrences(of: "status: Draft", with: "status: In Review")
        try folder.write("design/cache-tdd.md", inReview)
        let checked = try designgate(["check", "design/cache-tdd.md", "--profile", profile], in: folder.path)
        #expect(checked.status == 1)
        #expect(checked.stdout.contains("error: ") && checked.stdout.contains("[no-placeholders]"))
        #expect(!checked.stdout.contains("[required-sections]"), "every section of the profile is written")
        #expect(!checked.stdout.contains("[heading-numbering]"), "the template's numbering slips are not copied")
        #expect(text.hasSuffix("\n") && !text.hasSuffix("\n\n\n"), "ends with one newline")
        let again = try designgate(["new", "design/cache-tdd.md"], in: folder.path)
        #expect(again.status == 2)
        #expect(try folder.read("design/cache-tdd.md") == inReview)
        let unknown = try designgate(["new", "design/x.md", "--profile", "extnded"], in: folder.path)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean `extended`?"))
    }
}
