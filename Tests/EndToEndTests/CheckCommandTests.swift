import Foundation
import Testing
import TestSupport

@Suite struct CheckCommandTests {
    @Test func finishedExampleDocumentPasses() throws {
        let result = try designgate(["check", "examples/design/payment-retries-tdd.md"], in: Package.root)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasSuffix("1 design document checked, 0 errors, 0 warnings, all passed\n"))
    }

    @Test func documentWithGapsFailsAndNamesBothMissingSections() throws {
        let result = try designgate(["check", "examples/design/search-indexing-tdd.md"], in: Package.root)
        #expect(result.status == 1)
        #expect(result.stdout.contains(
            "examples/design/search-indexing-tdd.md:7:1: error: missing section \"API and Interface Specifications\""))
        #expect(result.stdout.contains("missing section \"Security & Performance Considerations\""))
    }

    /// libgit2 and cmark-gfm are linked in: the hook does not load them, nor their ten
    /// dependencies, at every commit, and the binary runs where they are not installed.
    @Test func binaryCarriesItsCLibraries() throws {
        let libraries = try run("/usr/bin/ldd", [Package.binary]).stdout
        #expect(libraries.contains("libc.so"), "\(libraries)")
        for library in ["libgit2", "libcmark-gfm", "libmbedtls", "libssh2", "libhttp_parser"] {
            #expect(!libraries.contains(library), "\(library) is loaded at run time:\n\(libraries)")
        }
    }

    @Test(arguments: ["standard-tdd-template.md", "extended-tdd-template.md"])
    func unfilledTemplatesDoNotPass(template: String) throws {
        let folder = try TemporaryDirectory()
        let text = try String(contentsOfFile: Package.fixture("documents/" + template), encoding: .utf8)
        try folder.write("design/new.md", text)
        let result = try designgate(["check", "design/new.md"], in: folder.path)
        #expect(result.status == 1, "\(result.stdout)")
    }

    /// Many findings end with a count per rule before the summary; `-q` prints the findings
    /// alone, and nothing at all when there are none.
    @Test func countPerRuleAndQuiet() throws {
        let gaps = "examples/design/search-indexing-tdd.md"
        let full = try designgate(["check", gaps], in: Package.root)
        let lines = full.stdout.split(separator: "\n").map(String.init)
        let findings = lines.filter { $0.hasPrefix(gaps + ":") }
        #expect(findings.count > 5, "\(full.stdout)")
        let missing = findings.filter { $0.hasSuffix("[required-sections]") }.count
        #expect(lines.contains { $0.hasPrefix("by rule: ") && $0.contains("\(missing) required-sections") }, "\(full.stdout)")
        #expect(lines.last?.contains("design document checked") == true)

        let quiet = try designgate(["check", "-q", gaps], in: Package.root)
        #expect(quiet.status == 1)
        #expect(quiet.stdout == findings.joined(separator: "\n") + "\n", "\(quiet.stdout)")
        let clean = try designgate(["check", "-q", "examples/design/payment-retries-tdd.md"], in: Package.root)
        #expect(clean.status == 0 && clean.stdout.isEmpty, "\(clean.stdout)")
        let few = try designgate(["check", "examples/design/payment-retries-tdd.md"], in: Package.root)
        #expect(!few.stdout.contains("by rule:"))
    }

    /// `check -` reads one document from standard input, as editors pipe an unsaved buffer:
    /// `--stdin-filename` names it for selection and messages (relative to the current folder);
    /// without a name it is `<stdin>`, a design document if its content says so.
    @Test func standardInputIsCheckedUnderTheNameGiven() throws {
        let repo = try GitRepository()
        try repo.write(".designgate.yml", "version: 1\ndocuments:\n  include: [\"docs/design/**\"]\n  detect: false\n")
        try repo.write("docs/design/placeholder.md", "unrelated content on disk\n")
        try FileManager.default.createDirectory(atPath: repo.path + "/docs/design", withIntermediateDirectories: true)
        let gaps = try String(contentsOfFile: Package.root + "/examples/design/search-indexing-tdd.md", encoding: .utf8)

        let named = try designgate(["check", "-", "--stdin-filename", "cache-tdd.md", "-q"],
                                   in: repo.path + "/docs/design", input: gaps)
        #expect(named.status == 1, "\(named.stderr)")
        #expect(named.stdout.hasPrefix("cache-tdd.md:7:1: error: missing section"), "\(named.stdout)")

        let outside = try designgate(["check", "-", "--stdin-filename", "notes/cache.md"], in: repo.path, input: gaps)
        #expect(outside.status == 0)
        #expect(outside.stderr.contains("skipped notes/cache.md: not matched by documents.include"), "\(outside.stderr)")

        let folder = try TemporaryDirectory()
        let unnamed = try designgate(["check", "-", "-q"], in: folder.path, input: gaps)
        #expect(unnamed.status == 1 && unnamed.stdout.hasPrefix("<stdin>:7:1: error:"), "\(unnamed.stdout)")
        let notes = try designgate(["check", "-"], in: folder.path, input: "# Notes\n")
        #expect(notes.status == 0 && notes.stderr.contains("skipped <stdin>: not a design document"), "\(notes.stderr)")

        let twice = try designgate(["check", "-", "-"], in: folder.path, input: gaps)
        #expect(twice.status == 2 && twice.stderr.contains("at most once"))
        let nameAlone = try designgate(["check", "--stdin-filename", "a.md"], in: folder.path)
        #expect(nameAlone.status == 2 && nameAlone.stderr.contains("--stdin-filename goes with -"))
    }

    /// Under `--strict` a warning fails the check, and every report says so: the text
    /// summary, JSON `passed`, JUnit failures, the GitHub step summary.
    @Test func strictFailsOnWarningsInEveryReport() throws {
        let folder = try TemporaryDirectory()
        try folder.write(".designgate.yml", "version: 1\nrules:\n  required-sections: { severity: warning }\n")
        try folder.write("docs/design/cache-tdd.md", "# Cache TDD\n\n## Summary\n\nA cache.\n")
        let summary = folder.path + "/summary.md"
        let result = try designgate(["check", "docs/design/cache-tdd.md", "--strict",
                                     "--report", "json:out.json", "--report", "junit:out.xml", "--report", "github:-",
                                     "--report", "codeclimate:quality.json"],
                                    in: folder.path, environment: ["GITHUB_STEP_SUMMARY": summary])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("1 failed"), "\(result.stdout)")
        let json = try String(contentsOfFile: folder.path + "/out.json", encoding: .utf8)
        #expect(json.contains("\"passed\": false") && json.contains("\"passed\": 0"), "\(json)")
        let junit = try String(contentsOfFile: folder.path + "/out.xml", encoding: .utf8)
        #expect(!junit.contains("failures=\"0\""), "\(junit)")
        #expect(try String(contentsOfFile: summary, encoding: .utf8).contains("1 failed"))

        let quality = try String(contentsOfFile: folder.path + "/quality.json", encoding: .utf8)
        #expect(quality.contains("\"severity\": \"major\"") && !quality.contains("\"minor\""), "\(quality)")

        let lenient = try designgate(["check", "docs/design/cache-tdd.md", "--report", "codeclimate:quality.json"], in: folder.path)
        #expect(lenient.status == 0 && lenient.stdout.contains("all passed"), "\(lenient.stdout)")
        let lenientQuality = try String(contentsOfFile: folder.path + "/quality.json", encoding: .utf8)
        #expect(lenientQuality.contains("\"severity\": \"minor\"") && !lenientQuality.contains("\"major\""))
    }

    /// A path is relative to the current folder, and selected by its place in the repository;
    /// a file named on the command line and then skipped says why without `-v`.
    @Test func pathsFromASubfolderAreSelectedByTheirRepositoryPath() throws {
        let repository = try GitRepository()
        _ = try repository.write("docs/design/cache.md", "# Cache\n\n## Summary\n\nA cache.\n")
        _ = try repository.write("notes.md", "just notes\n")
        let inside = try designgate(["check", "cache.md"], in: repository.path + "/docs/design")
        #expect(inside.stdout.contains("1 design document checked"), "\(inside.stdout)\(inside.stderr)")
        #expect(inside.stdout.contains("cache.md:1:1"), "\(inside.stdout)")

        let named = try designgate(["check", "notes.md"], in: repository.path)
        #expect(named.status == 0)
        #expect(named.stderr.contains("skipped notes.md: not a design document by path, front matter or title"),
                "\(named.stderr)")
        let folder = try designgate(["check", "."], in: repository.path)
        #expect(!folder.stderr.contains("skipped"), "\(folder.stderr)")

        // With a relative `-C`, the path is under that folder once, not twice.
        _ = try repository.write(".designgate.yml", "version: 1\ndocuments:\n  include: [\"docs/design/*.md\"]\n  detect: false\n")
        let relative = try designgate(["check", "-C", "docs", "design/cache.md"], in: repository.path)
        #expect(relative.stdout.contains("1 design document checked"), "\(relative.stdout)\(relative.stderr)")
    }

    @Test func allOnARepositoryWithNoCommitSaysSo() throws {
        let repository = try GitRepository()
        let result = try designgate(["check", "--all"], in: repository.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("this repository has no commit yet"), "\(result.stderr)")
    }

    /// `explain` says which rules' findings cannot be suppressed, from the rule's own description.
    @Test func explainSaysWhichRulesCannotBeSuppressed() throws {
        let waiver = try designgate(["explain", "waiver-expired"])
        #expect(waiver.status == 0)
        #expect(waiver.stdout.contains("cannot be suppressed"), "\(waiver.stdout)")
        let questions = try designgate(["explain", "open-questions-resolved"])
        #expect(questions.status == 0 && !questions.stdout.contains("cannot be suppressed"))
        #expect(questions.stdout.contains("While a document's status is Draft, its findings are warnings"))
        #expect(!waiver.stdout.contains("status is Draft"), "the built-in draft policy leaves waivers alone")
        let typo = try designgate(["explain", "open-question-resolved"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("unknown rule `open-question-resolved` (did you mean `open-questions-resolved`?)"))
    }

    /// The completion scripts offer rule ids to `explain`, profile names to `--profile` and
    /// YAML files to `--config`.
    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsOfferRulesAndProfiles(shell: String) throws {
        let script = try designgate(["--generate-completion-script", shell])
        #expect(script.status == 0)
        let ids = try designgate(["rules"]).stdout.split(separator: "\n").compactMap { $0.split(separator: " ").first }
        for word in ids.map(String.init) + ["standard", "extended"] {
            #expect(script.stdout.contains(word), "\(shell) completion lacks \(word)")
        }
        #expect(script.stdout.contains("yml"))
    }

    /// The README's rules table lists every rule with its default severity and summary.
    @Test func readmeListsEveryRule() throws {
        let readme = try String(contentsOfFile: Package.root + "/README.md", encoding: .utf8)
        for line in try designgate(["rules"]).stdout.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
            guard parts.count == 3 else { continue }
            let summary = parts[2].trimmingCharacters(in: .whitespaces)
            #expect(readme.contains("| `\(parts[0])` | \(parts[1]) | \(summary) |"), "README misses \(parts[0])")
        }
    }

    /// `explain` wraps the description to the width asked for (`COLUMNS` when not on a
    /// terminal, 80 by default); examples stay as they are.
    @Test func explainWrapsItsDescription() throws {
        for (columns, width) in [(nil, 80), ("60", 60)] as [(String?, Int)] {
            let result = try designgate(["explain", "risks-have-mitigations"], environment: ["COLUMNS": columns ?? ""])
            let description = result.stdout.components(separatedBy: "\n\n")[1]
            let lines = description.split(separator: "\n")
            #expect(lines.count > 5 && lines.allSatisfy { $0.count <= width }, "\(description)")
            #expect(lines.contains { $0.count > width - 15 }, "lines use the width")
        }
    }

    /// Every example `explain` prints does what it says when pasted into a real document with
    /// the `.designgate.yml` printed above it: the rule reports exactly the lines marked
    /// "<- finding here", and nothing on a passing example.
    @Test func explainedExamplesWorkWhenPasted() throws {
        let ids = try designgate(["rules"]).stdout.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(ids.count >= 10)
        var checked = 0
        for id in ids {
            let lines = try designgate(["explain", id]).stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var index = 0
            while index < lines.count {
                let header = lines[index]
                index += 1
                guard header.hasPrefix("Passes") || header.hasPrefix("Fails") else { continue }
                var configuration = ["version: 1"]
                if header.hasSuffix(".designgate.yml:") {
                    configuration = []
                    while index < lines.count, lines[index].hasPrefix("    ") { configuration.append(String(lines[index].dropFirst(4))); index += 1 }
                    #expect(lines[index] == "  and this document:")
                    index += 1
                }
                var document: [String] = []
                var marked: [Int] = []
                var markedWarnings: [Int] = []
                // A rule comparing versions shows the base version, then "changed to:" and the document.
                var base: [String]?
                var end = index
                while end < lines.count, lines[end].hasPrefix("    ") { end += 1 }
                if end < lines.count, lines[end] == "  changed to:" {
                    base = lines[index..<end].map { String($0.dropFirst(4)) }
                    index = end + 1
                }
                while index < lines.count, lines[index].hasPrefix("    ") {
                    var line = String(lines[index].dropFirst(4))
                    for (marker, isWarning) in [("    <- finding here", false), ("    <- warning here", true)]
                    where line.hasSuffix(marker) {
                        line = String(line.dropLast(marker.count))
                        marked.append(document.count + 1)
                        if isWarning { markedWarnings.append(document.count + 1) }
                    }
                    document.append(line)
                    index += 1
                }
                let repository = try GitRepository()
                try repository.write(".designgate.yml", configuration.joined(separator: "\n") + "\n")
                if let base { try repository.commit(["design/example.md": base.joined(separator: "\n") + "\n"]) }
                try repository.write("design/example.md", document.joined(separator: "\n") + "\n")
                try repository.git("add", "-A")
                let arguments = base == nil ? ["design/example.md"] : ["--staged"]
                let result = try designgate(["check"] + arguments + ["--format", "json"], in: repository.path)
                #expect(result.status != 2, "\(id) \(header): \(result.stderr)")
                let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
                let findings = (report["documents"] as? [[String: Any]] ?? []).flatMap { $0["findings"] as? [[String: Any]] ?? [] }
                let ruleFindings = findings.filter { $0["ruleId"] as? String == id && $0["suppressed"] as? Bool == false }
                let reported = ruleFindings.compactMap { $0["line"] as? Int }
                #expect(reported == marked, "\(id) \(header)\n\(document.joined(separator: "\n"))")
                // A line marked as a warning gets a warning, whatever the rule's severity.
                let warned = ruleFindings.filter { $0["severity"] as? String == "warning" }.compactMap { $0["line"] as? Int }
                #expect(markedWarnings.allSatisfy(warned.contains), "\(id) \(header): warnings on \(warned)")
                checked += 1
            }
        }
        #expect(checked >= 50, "only \(checked) examples found in explain")
    }

    /// `designgate init` writes the defaults: the corpus gets the same report with it as
    /// without it, and every rule is listed.
    @Test func initWritesAConfigurationThatChangesNothing() throws {
        let repository = try GitRepository()
        let corpus = Package.fixture("corpus")
        for name in try FileManager.default.contentsOfDirectory(atPath: corpus) where name.hasSuffix(".md") && name != "SOURCES.md" {
            _ = try repository.write("docs/design/" + name, try String(contentsOfFile: corpus + "/" + name, encoding: .utf8))
        }
        _ = try repository.write("docs/design/draft.md", "---\nstatus: Draft\n---\n" + Package.finishedDocument + "\n- Which region?\n")
        let without = try designgate(["check", "docs", "-f", "json"], in: repository.path)
        #expect(try designgate(["init"], in: repository.path).status == 0)
        let with = try designgate(["check", "docs", "-f", "json"], in: repository.path)
        #expect(without.status == 1 && with.status == without.status)
        #expect(with.stdout == without.stdout)
        let written = try String(contentsOfFile: repository.path + "/.designgate.yml", encoding: .utf8)
        #expect(without.stdout.contains("\"docs/design/draft.md\"") && written.contains("Draft: { no-placeholders: warning"))
        for rule in ["required-sections", "waiver-needs-reason", "waiver-expired", "known-status", "input-readable"] {
            #expect(written.contains(rule + ": { severity:"), "\(rule)")
        }
    }

    @Test func versionAndHelp() throws {
        let version = try designgate(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
        let help = try designgate(["check", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--staged"))
    }

    /// Every command's help fits 80 columns, and `-C` is described once, without a repeated default.
    @Test func helpFitsEightyColumns() throws {
        for command in [[], ["check"], ["hook"], ["hook", "install"], ["init"], ["new"], ["explain"], ["rules"], ["baseline"]] {
            let help = try designgate(command + ["--help"])
            #expect(help.status == 0)
            let long = help.stdout.split(separator: "\n").filter { $0.count > 80 }
            #expect(long.isEmpty, "\(command): \(long)")
        }
        let check = try designgate(["check", "--help"]).stdout
        #expect(check.components(separatedBy: "-C, --repo").count == 2)
        #expect(!check.contains("(default: .)"))
        let wrapped = try designgate(["hook", "install", "--bogus"])
        #expect(wrapped.status == 2)
        #expect(wrapped.stderr.contains("[--pre-push] [--chain] [--force]; see"), "a wrapped usage line is given whole")
    }

    /// A usage error the argument parser finds reads like every other error: exit 2, one
    /// `designgate: error:` line and a hint with the usage and where to read more.
    @Test func usageErrorsReadLikeEveryOtherError() throws {
        let unknown = try designgate(["check", "--bogus"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "designgate: error: unknown option '--bogus'\n"
                + "designgate: hint: usage: designgate check [<options>] [<paths> ...]; see `designgate check --help` for more information.\n",
                "\(unknown.stderr)")
        let modes = try designgate(["check", "--staged", "--all"])
        #expect(modes.status == 2 && modes.stderr.hasPrefix("designgate: error: choose one mode"), "\(modes.stderr)")
        #expect(!modes.stderr.contains("Usage:") && !modes.stderr.contains("Error:"))
    }

    @Test func missingFileIsAUsageErrorWithAHint() throws {
        let result = try designgate(["check", "nowhere/design/x.md"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("designgate: error: cannot read nowhere/design/x.md: no such file\ndesigngate: hint: "))
    }

    @Test func filesOutsideTheSelectionAreSkipped() throws {
        let folder = try TemporaryDirectory()
        try folder.write("notes.md", "# Notes\n")
        try folder.write("design/template-tdd.md", "# Template\n")
        let result = try designgate(["check", "-v", "notes.md", "design/template-tdd.md"], in: folder.path)
        #expect(result.status == 0)
        #expect(result.stdout == "no design documents to check\n")
        #expect(result.stderr.contains("skipped notes.md: not a design document"))
        #expect(result.stderr.contains("skipped design/template-tdd.md: a template"))
    }

    @Test func documentDetectedByFrontMatterOrTitle() throws {
        let folder = try TemporaryDirectory()
        try folder.write("a.md", "---\ntype: tdd\n---\n# A\n")
        try folder.write("b.md", "# Technical Design Document: B\n")
        let result = try designgate(["check", "a.md", "b.md"], in: folder.path)
        #expect(result.stdout.contains("a.md:4:1: error: missing section"))
        #expect(result.stdout.contains("b.md:1:1: error: missing section"))
    }
}
