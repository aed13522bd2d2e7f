import Foundation
import Testing
import TestSupport

/// Precision and recall of the prose-reading rules on the judgement set
/// (Tests/Fixtures/judgement, hand labels in labels.tsv), measured by scripts/judgement.
@Suite struct JudgementTests {
    /// The tuning split's figures when the rules were last changed: a change that reads prose
    /// worse on these documents fails here. (The held-out split is measured, never asserted.)
    static let floors: [String: (precision: Double, recall: Double)] = [
        "open-questions-resolved": (1.0, 0.97),
        "risks-have-mitigations": (1.0, 0.91),
    ]

    @Test func tuningSplitKeepsItsPrecisionAndRecall() throws {
        let result = try run("/usr/bin/env", ["python3", Package.root + "/scripts/judgement", "--json", "--designgate", Package.binary])
        #expect(result.status == 0, "\(result.stderr)")
        let figures = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let tuning = figures.filter { $0["split"] as? String == "tuning" }
        #expect(tuning.count == Self.floors.count)
        for figure in tuning {
            let rule = try #require(figure["rule"] as? String)
            let floor = try #require(Self.floors[rule])
            let precision = try #require(figure["precision"] as? Double), recall = try #require(figure["recall"] as? Double)
            #expect(precision >= floor.precision, "\(rule) precision \(precision): \(figure["details"] ?? "")")
            #expect(recall >= floor.recall, "\(rule) recall \(recall): \(figure["details"] ?? "")")
        }
    }

    /// Documents are judged in parallel batches: each one's findings in a run over the whole set
    /// are the findings it gets checked alone, in the same order.
    @Test func parallelCheckingGivesEachDocumentItsOwnFindings() throws {
        let folder = Package.fixture("judgement")
        func findings(_ paths: [String]) throws -> [String: String] {
            let result = try designgate(["check"] + paths + ["--config", "judgement.designgate.yml", "--format", "json"], in: folder)
            let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let documents = try #require(report["documents"] as? [[String: Any]])
            var byPath: [String: String] = [:]
            for document in documents {
                let data = try JSONSerialization.data(withJSONObject: document["findings"] ?? [], options: .sortedKeys)
                byPath[try #require(document["path"] as? String)] = String(decoding: data, as: UTF8.self)
            }
            return byPath
        }
        let together = try findings(["."])
        #expect(together.count > 200)
        for path in together.keys.sorted().enumerated().filter({ $0.offset % 9 == 0 }).map(\.element) {
            #expect(try findings([path])[path] == together[path], "\(path)")
        }
    }

    /// Every document of the set has its source, commit, licence and split.
    @Test func everyDocumentHasItsSourceLicenceAndSplit() throws {
        let folder = Package.fixture("judgement")
        let rows = try String(contentsOfFile: folder + "/INDEX.tsv", encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        let listed = Dictionary(rows.map { (String($0[0]), $0) }, uniquingKeysWith: { first, _ in first })
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) where file.hasSuffix(".md") && file != "LABELS.md" {
            let row = try #require(listed[file], "\(file) is not in INDEX.tsv")
            #expect(row.count == 6 && row[3].count == 40 && !row[4].isEmpty, "\(file): commit or licence missing")
            #expect(["tuning", "held-out"].contains(row[5]), "\(file): split is \(row[5])")
        }
    }
}
