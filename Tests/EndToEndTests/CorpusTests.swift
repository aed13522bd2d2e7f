import Foundation
import Testing
import TestSupport

/// The real design documents in Tests/Fixtures/corpus (sources and licences in INDEX.tsv).
@Suite struct CorpusTests {
    /// Every document goes through the engine without a crash, and the findings match the
    /// reviewed golden file (DESIGNGATE_RECORD=1 re-records it).
    @Test func findingsOnTheCorpusMatchTheGoldenFile() throws {
        let corpus = Package.fixture("corpus")
        let result = try designgate(["check", ".", "--config", "corpus.designgate.yml", "--color", "never"], in: corpus)
        #expect(result.status == 1, "\(result.stderr)")
        let documents = try FileManager.default.contentsOfDirectory(atPath: corpus).filter { $0.hasSuffix(".md") && $0 != "SOURCES.md" }
        #expect(result.stdout.contains("\(documents.count) design documents checked"))
        #expect(result.stdout == (try Golden.expected("corpus.txt", actual: result.stdout)))
    }

    /// Every corpus file is listed in INDEX.tsv with its source and licence.
    @Test func everyDocumentHasItsSourceAndLicence() throws {
        let corpus = Package.fixture("corpus")
        let index = try String(contentsOfFile: corpus + "/INDEX.tsv", encoding: .utf8)
        let rows = Dictionary(index.split(separator: "\n").dropFirst().map { line -> (String, [Substring]) in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            return (String(fields[0]), fields)
        }, uniquingKeysWith: { first, _ in first })
        for file in try FileManager.default.contentsOfDirectory(atPath: corpus) where file.hasSuffix(".md") && file != "SOURCES.md" {
            let row = rows[file]
            #expect(row != nil, "\(file) is not in INDEX.tsv")
            #expect((row?.count ?? 0) >= 5 && !(row?[1].isEmpty ?? true) && !(row?[4].isEmpty ?? true), "\(file): source or licence missing")
        }
    }
}

/// examples/kep/.designgate.yml against the KEPs of the corpus, laid out as in
/// kubernetes/enhancements.
@Suite struct KEPExampleTests {
    @Test func kepConfigurationChecksTheKEPs() throws {
        let repo = try GitRepository()
        try FileManager.default.copyItem(atPath: Package.root + "/examples/kep/.designgate.yml", toPath: repo.path + "/.designgate.yml")
        let prefix = "k8s-enhancements__kep-"
        for file in try FileManager.default.contentsOfDirectory(atPath: Package.fixture("corpus")) where file.hasPrefix(prefix) {
            let name = String(file.dropFirst(prefix.count).dropLast(".md".count))
            let folder = name == "template_README" ? "keps/NNNN-kep-template" : "keps/sig-test/\(name)"
            try writeFile(repo.path + "/\(folder)/README.md", try String(contentsOfFile: Package.fixture("corpus/" + file), encoding: .utf8))
        }
        try repo.git("add", "-A")
        try repo.git("commit", "-q", "-m", "keps")
        let result = try designgate(["check", "--all", "--color", "never"], in: repo.path)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(!result.stdout.contains("NNNN-kep-template"), "the template is excluded")
        #expect(result.stdout.contains("15 design documents checked"))
        // A complete KEP passes; one from before the template had its current shape does not.
        #expect(!result.stdout.contains("6132-prequeueing-hints"))
        #expect(result.stdout.contains("keps/sig-test/378-bootstrap-checkpointing/README.md:1:1: error: missing section \"Motivation\""))
        #expect(result.stdout == (try Golden.expected("kep.txt", actual: result.stdout)))
    }
}
