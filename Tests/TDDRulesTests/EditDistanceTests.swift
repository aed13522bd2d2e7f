@testable import TDDRules
import Testing

/// The near-miss edit distance: banded, it must agree with the full Levenshtein table
/// whenever the distance is within the limit, and say "beyond" otherwise.
@Suite struct EditDistanceTests {
    /// The textbook table, every cell computed.
    private func levenshtein(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var next = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                next[j] = min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            row = next
        }
        return row[b.count]
    }

    @Test func agreesWithTheFullTable() {
        // Titles over a three-letter alphabet, so that near and far pairs are both common.
        var seed: UInt64 = 42
        func nextTitle() -> [Unicode.Scalar] {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(seed >> 60)
            return (0..<length).map { index in Unicode.Scalar(UInt8(97 + Int((seed >> (index * 2 + 8)) % 3))) }
        }
        var within = 0
        for _ in 0..<4000 {
            let a = nextTitle(), b = nextTitle()
            for limit in 0...3 {
                let full = levenshtein(a, b)
                let banded = EditDistance.between(a, b, limit: limit)
                #expect(full <= limit ? banded == full : banded == limit + 1, "\(a) \(b) limit \(limit)")
                if full <= limit { within += 1 }
            }
        }
        #expect(within > 500)
    }

    @Test func findsTheSlipsProfilesForgive() {
        let risks = Array("risks and mitigations".unicodeScalars)
        #expect(EditDistance.between(Array("risk and mitigations".unicodeScalars), risks, limit: 2) == 1)
        #expect(EditDistance.between(Array("risks and mitigation".unicodeScalars), risks, limit: 2) == 1)
        #expect(EditDistance.between(Array("risk and mitigation".unicodeScalars), risks, limit: 2) == 2)
        #expect(EditDistance.between(Array("drawbacks".unicodeScalars), risks, limit: 2) == 3)
    }
}
