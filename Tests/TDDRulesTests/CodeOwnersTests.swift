import Testing
import TDDRules

/// CODEOWNERS read as GitHub's and GitLab's documentation describe it, one documented example each.
@Suite struct CodeOwnersTests {
    /// The owners of `path`, section by section (`name: owners`), as one string.
    static func owners(_ text: String, _ path: String, file: String = "CODEOWNERS") -> String {
        CodeOwners(file: file, text: text).owners(of: path).map { ownership in
            (ownership.section.name.map { "[\($0)] " } ?? "") + ownership.entry.owners.joined(separator: " ")
        }.joined(separator: "; ")
    }

    static let global = "*       @global-owner1 @global-owner2\n"

    // GitHub's documented examples, each after the global default.
    @Test(arguments: [
        ("*.js    @js-owner #This is an inline comment.", "src/app.js", "@js-owner"),
        ("*.js    @js-owner #This is an inline comment.", "README.md", "@global-owner1 @global-owner2"),
        ("*.go docs@example.com", "cmd/tool/main.go", "docs@example.com"),
        ("*.txt @octo-org/octocats", "notes/a.txt", "@octo-org/octocats"),
        ("/build/logs/ @doctocat", "build/logs/deep/a.log", "@doctocat"),
        ("/build/logs/ @doctocat", "src/build/logs/a.log", "@global-owner1 @global-owner2"),
        ("docs/* docs@example.com", "docs/getting-started.md", "docs@example.com"),
        ("docs/* docs@example.com", "docs/build-app/troubleshooting.md", "@global-owner1 @global-owner2"),
        ("apps/ @octocat", "src/apps/x.js", "@octocat"),
        ("/docs/ @doctocat", "docs/a/b.md", "@doctocat"),
        ("/docs/ @doctocat", "src/docs/a.md", "@global-owner1 @global-owner2"),
        ("/scripts/ @doctocat @octocat", "scripts/x.sh", "@doctocat @octocat"),
        ("**/logs @octocat", "deeply/nested/logs/x.log", "@octocat"),
        ("**/logs @octocat", "logs/x.log", "@octocat"),
        ("/apps/ @octocat\n/apps/github", "apps/github/x.go", ""),
        ("/apps/ @octocat\n/apps/github", "apps/web/x.go", "@octocat"),
        ("/apps/ @octocat\n/apps/github @doctocat", "apps/github/x.go", "@doctocat"),
        ("Docs/ @upper", "docs/a.md", "@global-owner1 @global-owner2"),
    ])
    func gitHubExample(rule: String, path: String, expected: String) {
        #expect(Self.owners(Self.global + rule + "\n", path) == expected)
    }

    @Test func gitHubAnchorsAPatternWithASlashInside() {
        #expect(Self.owners("ee/docs @docs\n", "x/ee/docs/a.md") == "")
        #expect(Self.owners("ee/docs @docs\n", "ee/docs/a.md") == "@docs")
    }

    // GitLab's documented examples (a file in `.gitlab/` is read GitLab's way).
    @Test(arguments: [
        ("README.md @doc-team @tech-lead", "sub/dir/README.md", "@doc-team @tech-lead"),
        ("\\#file_with_pound.rb @owner-file-with-pound", "#file_with_pound.rb", "@owner-file-with-pound"),
        ("LICENSE @legal janedoe@gitlab.com", "LICENSE", "@legal janedoe@gitlab.com"),
        ("README @group @group/with-nested/subgroup", "README", "@group @group/with-nested/subgroup"),
        ("/docs/* @root-docs", "docs/index.md", "@root-docs"),
        ("/docs/* @root-docs", "docs/projects/index.md", "@default-owner"),
        ("/docs/**/*.md @markdown-docs", "docs/a/b/c.md", "@markdown-docs"),
        ("/db/**/index.md @index-docs", "db/index.md", "@index-docs"),
        ("lib/ @lib-owner", "app/lib/x.rb", "@lib-owner"),
        ("/config/ @config-owner", "app/config/x.yml", "@default-owner"),
        ("path\\ with\\ spaces/ @space-owner", "path with spaces/a.txt", "@space-owner"),
        ("ee/docs @docs", "x/ee/docs/a.md", "@docs"),
    ])
    func gitLabExample(rule: String, path: String, expected: String) {
        #expect(Self.owners("* @default-owner\n" + rule + "\n", path, file: ".gitlab/CODEOWNERS") == expected)
    }

    static let sections = """
        # Required for all files
        * @general-approvers

        [Documentation][2] @docs-team
        docs/
        README.md

        ^[Database] @database-team
        model/db/
        config/db/database-setup.md @docs-team

        [documentation]
        guides/ @guides-team
        """

    @Test func gitLabSectionsAreEachReadOnTheirOwn() throws {
        let file = CodeOwners(file: "CODEOWNERS", text: Self.sections)
        #expect(Self.owners(Self.sections, "docs/a.md") == "@general-approvers; [Documentation] @docs-team")
        #expect(Self.owners(Self.sections, "model/db/x.rb") == "@general-approvers; [Database] @database-team")
        #expect(Self.owners(Self.sections, "config/db/database-setup.md") == "@general-approvers; [Database] @docs-team")
        // Sections with the same name, in any case, are one.
        #expect(Self.owners(Self.sections, "guides/x.md") == "@general-approvers; [Documentation] @guides-team")
        let documentation = try #require(file.sections.first { $0.name == "Documentation" })
        #expect(documentation.approvals == 2 && !documentation.optional)
        #expect(file.sections.first { $0.name == "Database" }?.optional == true)
        #expect(file.sections.count == 3)
    }

    @Test func gitLabExclusionLeavesAPathUnowned() {
        let text = "[Docs] @docs\ndocs/\n!docs/generated/\n"
        #expect(Self.owners(text, "docs/generated/api.md") == "")
        #expect(Self.owners(text, "docs/guide.md") == "[Docs] @docs")
    }

    @Test func aLineWithAnOwnerThatIsNoOwnerIsSkippedAndSaidSo() throws {
        let file = CodeOwners(file: "CODEOWNERS", text: "* @all\ndocs/ docs-team\n")
        #expect(file.owners(of: "docs/a.md").map(\.entry.owners) == [["@all"]])
        let skipped = try #require(file.skipped.first)
        #expect(skipped.line == 2)
        #expect(skipped.reason == "`docs-team` is not an owner (write @user, @org/team or an e-mail address)")
    }
}
