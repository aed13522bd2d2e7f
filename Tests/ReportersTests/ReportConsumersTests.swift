import Foundation
import Testing
import Reporters
import TestSupport

private let hostileName = "design/a&b <\"c'> é.md"
private let hostileText = """
    # Technical Design Document: \u{1B}[31mred\u{1B}[0m and ]]> & <b>
    ## Supporting Documents
    Form\u{0C}feed and \u{01} control, non-ASCII: 日本語.
    ::error file=README.md,line=1::forged
    ## Open Questions
    - [ ] Is `]]>` safe? \u{1B}[2J

    """

/// A folder with a hostile document, a clean document and a suppressed finding.
private func workspace() throws -> TemporaryDirectory {
    let folder = try TemporaryDirectory()
    try folder.write(hostileName, hostileText)
    try folder.write("design/v1.2/waived.md", """
        ---
        designgate:
          waive:
            - rule: required-sections
              reason: spike, tracked in ENG-1
        ---
        # Technical Design Document: Waived
        ## Open Questions
        None.

        """)
    return folder
}

private func validate(_ kind: String, _ report: String, schemas: String = Package.fixture("schemas")) throws -> ProcessResult {
    try validateReport(kind, report, schemas: schemas)
}

@Suite struct ReportConsumersTests {
    @Test func oneRunWritesEveryReportAndTheConsumersAcceptThem() throws {
        let folder = try workspace()
        try FileManager.default.createDirectory(atPath: folder.path + "/out", withIntermediateDirectories: true)
        let again = try designgate(["check", "design", "--report", "junit:out/r.xml", "--report", "sarif:out/r.sarif",
                                    "--report", "json:out/r.json", "--report", "codeclimate:out/r.codeclimate.json"],
                                   in: folder.path)
        let strictRun = try designgate(["check", "design", "--junit-strict", "-f", "junit", "-o", "out/strict.xml"], in: folder.path)
        #expect(strictRun.status == 1 && strictRun.stdout.isEmpty)
        #expect(again.status == 1)
        // Text on the terminal: no raw control characters, the forged command not at a line start.
        #expect(!again.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F })
        #expect(!again.stdout.split(separator: "\n").contains { $0.hasPrefix("::") })
        #expect(again.stdout.contains("\\e[2J"))

        let junit = try validate("junit", folder.path + "/out/r.xml")
        #expect(junit.status == 0, "\(junit.stderr)")
        #expect(junit.stdout.contains("\(hostileName)|design/a&b <\"c'> é_md|open-questions-resolved|Failure"))
        #expect(junit.stdout.contains("design/v1.2/waived.md|design/v1_2/waived_md|required-sections|Skipped"))
        let strict = try validate("junit-strict", folder.path + "/out/strict.xml")
        #expect(strict.status == 0, "\(strict.stderr)")
        let xml = try folder.read("out/r.xml")
        #expect(!xml.contains("&#x1B;"))
        #expect(!xml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }, "\(xml)")
        #expect(xml.contains("file=\"design/a&amp;b &lt;&quot;c'&gt; é.md\""))
        #expect(!(try folder.read("out/strict.xml")).contains(" file="))

        let sarif = try validate("sarif", folder.path + "/out/r.sarif")
        #expect(sarif.status == 0, "\(sarif.stderr)")
        #expect(sarif.stdout.contains("|design/a%26b%20%3C%22c%27%3E%20%C3%A9.md|"))
        let json = try validate("json", folder.path + "/out/r.json", schemas: Package.root + "/schemas/designgate-report.schema.json")
        #expect(json.status == 0, "\(json.stderr)")
        // GitLab Code Quality: the documented fields, unique fingerprints, no suppressed finding.
        let quality = try validate("codeclimate", folder.path + "/out/r.codeclimate.json")
        #expect(quality.status == 0, "\(quality.stderr)")
        #expect(quality.stdout.contains("open-questions-resolved|\(hostileName)|"))
        #expect(quality.stdout.contains("|major"))
        #expect(!quality.stdout.contains("design/v1.2/waived.md"), "the waived finding is suppressed")
    }

    /// Each format's output on the workspace, against its reviewed golden file
    /// (DESIGNGATE_RECORD=1 re-records); JSON and SARIF are compared after parsing.
    @Test(arguments: [("text", "report.txt"), ("json", "report.json"), ("junit", "report.junit.xml"),
                      ("junit-strict", "report.junit-strict.xml"), ("sarif", "report.sarif"), ("github", "report.github.txt"),
                      ("codeclimate", "report.codeclimate.json")])
    func formatMatchesItsGoldenFile(format: String, golden: String) throws {
        let folder = try workspace()
        let arguments = format == "junit-strict" ? ["-f", "junit", "--junit-strict"] : ["-f", format, "--color", "never"]
        let result = try designgate(["check", "design"] + arguments, in: folder.path, environment: ["GITHUB_STEP_SUMMARY": ""])
        #expect(result.status == 1, "\(result.stderr)")
        let expected = try Golden.expected(golden, actual: result.stdout)
        if ["json", "sarif", "codeclimate"].contains(format) {
            let parse = { (text: String) in try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSObject }
            #expect(try parse(result.stdout) == parse(expected))
        } else {
            #expect(result.stdout == expected)
        }
    }

    /// A German locale (decimal comma) changes no number in any report.
    @Test func reportsDoNotDependOnTheLocale() throws {
        let folder = try workspace()
        var outputs: [String: String] = [:]
        for locale in ["C.UTF-8", "de_DE.UTF-8"] {
            let result = try designgate(["check", "design", "-f", "junit"], in: folder.path, environment: ["LC_ALL": locale, "LANG": locale])
            outputs[locale] = result.stdout
        }
        #expect(outputs["C.UTF-8"] == outputs["de_DE.UTF-8"])
        #expect(outputs["de_DE.UTF-8"]?.contains("time=\"0.000\"") == true)
        #expect(outputs["de_DE.UTF-8"]?.contains("time=\"0,") == false)
    }

    /// SARIF partialFingerprints do not change when unrelated lines move.
    @Test func sarifFingerprintsSurviveMovedLines() throws {
        let folder = try workspace()
        func fingerprints() throws -> Set<String> {
            let result = try designgate(["check", "design", "-f", "sarif"], in: folder.path)
            let sarif = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            let runs = sarif?["runs"] as? [[String: Any]] ?? []
            let results = runs.first?["results"] as? [[String: Any]] ?? []
            return Set(results.compactMap { ($0["partialFingerprints"] as? [String: String])?.values.sorted().joined() })
        }
        let before = try fingerprints()
        try folder.write(hostileName, hostileText.replacingOccurrences(of: "## Supporting Documents\n",
                                                                       with: "## Supporting Documents\nA new paragraph.\n\nAnd another.\n\n"))
        let after = try fingerprints()
        #expect(!before.isEmpty)
        #expect(before == after)
    }

    /// A near-miss heading is reported at the heading, and its message quotes no line
    /// number: moving it keeps its SARIF fingerprint.
    @Test func aMovedNearMissKeepsItsFingerprint() throws {
        let folder = try TemporaryDirectory()
        func fingerprint(_ padding: String) throws -> (line: Int, key: String) {
            try folder.write("design/cache-tdd.md", "# Cache\n\(padding)\n## Risk & Mitigation Strategies\n\nNone.\n")
            let result = try designgate(["check", "design", "-f", "sarif"], in: folder.path)
            let sarif = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            let results = (sarif?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]] ?? []
            let nearMiss = try #require(results.first { (($0["message"] as? [String: Any])?["text"] as? String)?.contains("one slip away") == true })
            let message = try #require((nearMiss["message"] as? [String: Any])?["text"] as? String)
            let region = ((nearMiss["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Any]
            let line = try #require(region?["startLine"] as? Int)
            #expect(!message.contains("\(line)"), "\(message)")
            return (line, (nearMiss["partialFingerprints"] as? [String: String])?.values.sorted().joined() ?? "")
        }
        let before = try fingerprint("")
        let after = try fingerprint("\nA paragraph.\n\nAnother one.\n\nAnd a third.\n")
        #expect(after.line == before.line + 6)
        #expect(!before.key.isEmpty && before.key == after.key)
    }

    @Test func theJSONSchemaRejectsABrokenReport() throws {
        let folder = try TemporaryDirectory()
        let broken = try folder.write("broken.json", #"{"schemaVersion": 2, "tool": {"name": "x"}}"#)
        let result = try validate("json", broken, schemas: Package.root + "/schemas/designgate-report.schema.json")
        #expect(result.status != 0)
    }

    @Test func emptyRunWritesOnePassingTestcase() throws {
        let folder = try TemporaryDirectory()
        try folder.write("notes.md", "# Notes\n")
        let result = try designgate(["check", "notes.md", "-f", "junit", "-o", "r.xml", "--junit-strict"], in: folder.path)
        #expect(result.status == 0)
        let junit = try validate("junit-strict", folder.path + "/r.xml")
        #expect(junit.stdout == "designgate|designgate|no design documents changed|passed\n", "\(junit.stderr)")
    }

    @Test func aFailedRunLeavesExistingReportsUntouched() throws {
        let folder = try workspace()
        try folder.write("r.xml", "previous")
        let result = try designgate(["check", "design", "--config", "missing.yml", "--report", "junit:r.xml"], in: folder.path)
        #expect(result.status == 2)
        #expect(try folder.read("r.xml") == "previous")
        let unwritable = try designgate(["check", "design", "-f", "json", "-o", "no/such/dir/r.json"], in: folder.path)
        #expect(unwritable.status == 2)
        #expect(unwritable.stderr.contains("does not exist"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func gitHubAnnotationsAreEscapedAndTheSummaryIsAppended() throws {
        let folder = try workspace()
        let summary = try folder.write("summary.md", "existing\n")
        let result = try designgate(["check", "design", "-f", "github"], in: folder.path,
                                    environment: ["GITHUB_STEP_SUMMARY": summary])
        #expect(result.stdout.contains("::error file=design/a&b <\"c'> é.md,line="))
        // GitHub shows ten annotations of each level: errors first, the rest counted and listed.
        let lines = result.stdout.split(separator: "\n")
        let errors = lines.filter { $0.hasPrefix("::error ") }, warnings = lines.filter { $0.hasPrefix("::warning ") }
        #expect(errors.count == GitHubReporter.annotationLimit)
        #expect(warnings.count <= GitHubReporter.annotationLimit)
        #expect(lines.firstIndex { $0.hasPrefix("::warning ") }.map { $0 > lines.lastIndex { $0.hasPrefix("::error ") } ?? 0 } ?? true)
        let notice = try #require(lines.first { $0.hasPrefix("::notice title=designgate::") })
        #expect(notice.contains("more findings"), "\(notice)")
        #expect(lines.contains { $0.contains("error: ") && $0.hasSuffix("[open-questions-resolved]") }, "\(result.stdout)")
        let text = try folder.read("summary.md")
        #expect(text.hasPrefix("existing\n### designgate"))
        #expect(text.contains("<details open><summary>design/a&amp;b &lt;\"c'&gt; é.md: "), "\(text)")
        #expect(text.contains("| Line | Severity | Rule | Message |"))
    }

    /// Colour only when asked: `--color always` wins over NO_COLOR, which turns off only `auto`.
    @Test func colourOnlyWhenAskedAndAnExplicitFlagWinsOverNoColor() throws {
        let folder = try workspace()
        let plain = try designgate(["check", "design"], in: folder.path)
        #expect(!plain.stdout.contains("\u{1B}["))
        let forced = try designgate(["check", "design", "--color", "always"], in: folder.path, environment: ["NO_COLOR": ""])
        #expect(forced.stdout.contains("\u{1B}[31merror"))
        let explicit = try designgate(["check", "design", "--color", "always"], in: folder.path, environment: ["NO_COLOR": "1"])
        #expect(explicit.stdout.contains("\u{1B}[31merror"))
        let automatic = try designgate(["check", "design"], in: folder.path, environment: ["NO_COLOR": "1"])
        #expect(!automatic.stdout.contains("\u{1B}["))
    }
}
