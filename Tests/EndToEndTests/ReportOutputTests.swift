import Foundation
import Testing
import TestSupport

/// Writing reports loses nothing: every target is checked before the run, files are replaced
/// only when every report can be written, devices and links are written through, never
/// replaced, and no temporary file stays behind.
@Suite struct ReportOutputTests {
    private func folderWithDocument() throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        try folder.write("docs/cache-tdd.md", "# Cache TDD\n\n## Summary\nA cache.\n")
        return folder
    }

    @Test func oneUnwritableTargetWritesNoneAndPrintsNothing() throws {
        let folder = try folderWithDocument()
        try folder.write("a.json", "old a")
        try folder.write("b.xml", "old b")
        let result = try designgate(["check", "docs", "-f", "json", "-o", "a.json", "--report", "junit:b.xml",
                                     "--report", "sarif:missing/x.sarif"], in: folder.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot write missing/x.sarif: folder") && result.stderr.contains("does not exist"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try folder.read("a.json") == "old a" && folder.read("b.xml") == "old b")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["a.json", "b.xml", "docs"])
    }

    @Test func aFolderIsNamedAsAFolder() throws {
        let folder = try folderWithDocument()
        try FileManager.default.createDirectory(atPath: folder.path + "/out", withIntermediateDirectories: true)
        let result = try designgate(["check", "docs", "--report", "sarif:out/"], in: folder.path)
        #expect(result.status == 2 && result.stderr.contains("cannot write out/: it is a folder"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func twoTargetsOnOneFileAreRefused() throws {
        let folder = try folderWithDocument()
        let result = try designgate(["check", "docs", "-o", "r.txt", "--report", "json:./r.txt"], in: folder.path)
        #expect(result.status == 2 && result.stderr.contains("are the same file"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/r.txt"))
    }

    @Test func devicesAreWrittenNotReplaced() throws {
        let folder = try folderWithDocument()
        let null = try designgate(["check", "docs", "-o", "/dev/null"], in: folder.path)
        #expect(null.status == 1 && null.stdout.isEmpty, "\(null.stderr)")
        #expect(FileManager.default.fileExists(atPath: "/dev/null"))
        let attributes = try FileManager.default.attributesOfItem(atPath: "/dev/null")
        #expect(attributes[.type] as? FileAttributeType == .typeCharacterSpecial)

        let stdout = try designgate(["check", "docs", "-f", "json", "-o", "/dev/stdout"], in: folder.path)
        #expect(stdout.stdout.contains("\"schemaVersion\""), "\(stdout.stderr)")
        let link = try FileManager.default.attributesOfItem(atPath: "/dev/stdout")
        #expect(link[.type] as? FileAttributeType == .typeSymbolicLink)

        let dash = try designgate(["check", "docs", "-f", "json", "-o", "-"], in: folder.path)
        #expect(dash.stdout.contains("\"schemaVersion\"") && !FileManager.default.fileExists(atPath: folder.path + "/-"))
    }

    @Test func aLinkedReportReplacesItsTargetAndKeepsTheLink() throws {
        let folder = try folderWithDocument()
        try folder.write("reports/latest.json", "old")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/report.json", withDestinationPath: "reports/latest.json")
        let result = try designgate(["check", "docs", "-f", "json", "-o", "report.json"], in: folder.path)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.path + "/report.json") == "reports/latest.json")
        #expect(try folder.read("reports/latest.json").contains("\"schemaVersion\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/reports") == ["latest.json"])
    }
}
