import Foundation
@testable import GitKit
import Testing
import TestSupport

/// The staged fast path (the index file read directly, directories the cache-tree marks
/// unchanged skipped) against libgit2's diff of HEAD's tree with the index, on real
/// repositories changed at random by git itself.
@Suite struct IndexFileTests {
    /// What a change looks like to the comparison.
    private static func summary(_ changes: [Change]) -> [String] {
        changes.map { "\($0.status) \($0.path) \($0.kind) \($0.blob?.description ?? "-") \($0.previousBlob?.description ?? "-")" }
            .sorted()
    }

    /// Both readings of the repository's index: (fast path or nil, libgit2).
    private static func readings(_ repo: GitRepository) throws -> (fast: [String]?, libgit2: [String]) {
        let repository = try Repository(discoveringFrom: repo.path)
        let head = repository.isHeadUnborn ? nil : try repository.commit("HEAD")
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: repo.path + "/.git/index")))
        let fast = IndexFile(bytes: bytes).flatMap { repository.changes(from: head, toIndexFile: $0) }
        let full = try repository.changes(from: head, to: .index(repository.index()))
        return (fast.map(summary), summary(full))
    }

    /// A small deterministic generator, so a failure can be replayed from its seed.
    private struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state ^ (state >> 29)
        }
    }

    @Test(arguments: [2, 3, 4], 0..<8)
    func fastPathAgreesWithLibgit2(indexVersion: Int, seed: UInt64) throws {
        var random = Generator(state: seed &+ 1)
        let repo = try GitRepository()
        let folders = ["", "docs/", "docs/design/", "src/a/", "src/b/", "src/b/deep/"]
        var files: [String: String] = [:]
        for number in 0..<40 {
            files["\(folders.randomElement(using: &random) ?? "")f\(number).md"] = "file \(number)\n"
        }
        try repo.commit(files, message: "base")
        try repo.git("update-index", "--index-version", "\(indexVersion)")
        var paths = files.keys.sorted()
        for _ in 0..<Int.random(in: 1...6, using: &random) {
            switch Int.random(in: 0..<7, using: &random) {
            case 0, 1:
                let path = paths.randomElement(using: &random) ?? "f0.md"
                try repo.write(path, "changed \(random.next())\n")
                try repo.git("add", path)
            case 2:
                let path = "\(folders.randomElement(using: &random) ?? "")new\(random.next() % 1000).md"
                try repo.write(path, "new \(random.next())\n")
                try repo.git("add", path)
                paths.append(path)
            case 3:
                guard let path = paths.randomElement(using: &random) else { continue }
                try repo.git("rm", "-q", "--cached", "--ignore-unmatch", path)
            case 4:
                guard let path = paths.randomElement(using: &random) else { continue }
                try repo.git("update-index", "--chmod=+x", "--", path)
            case 5:
                // The cache-tree now holds the staged trees, which differ from HEAD's.
                try repo.git("write-tree")
            default:
                guard let path = paths.randomElement(using: &random) else { continue }
                try repo.git("rm", "-q", "--cached", "--ignore-unmatch", path)
                try repo.git("update-index", "--add", "--cacheinfo", "120000,\(try repo.git("hash-object", "-w", "--stdin", input: "target")),\(path)")
            }
        }
        let (fast, libgit2) = try Self.readings(repo)
        if let fast {
            #expect(fast == libgit2, "seed \(seed), index version \(indexVersion)")
        } else {
            // Only a possible rename or copy is left to libgit2 here.
            let added = libgit2.filter { $0.hasPrefix("added") }.count
            #expect(libgit2.contains { $0.hasPrefix("renamed") || $0.hasPrefix("copied") } || (added > 0 && added < libgit2.count),
                    "seed \(seed): the fast path gave up on \(libgit2)")
        }
    }

    /// Writes and stages `files`.
    private static func stage(_ files: [String: String], in repo: GitRepository) throws {
        for (path, text) in files {
            try repo.write(path, text)
            try repo.git("add", path)
        }
    }

    @Test func aChangeDeepInABigTreeIsReadWithoutLibgit2() throws {
        let repo = try GitRepository()
        var files: [String: String] = [:]
        for number in 0..<300 { files["src/m\(number / 50)/f\(number).txt"] = "file \(number)\n" }
        try repo.commit(files, message: "base")
        try Self.stage(["docs/design/new.md": "# New\n"], in: repo)
        let added = try Self.readings(repo)
        #expect(added.fast == added.libgit2)
        #expect(added.fast?.count == 1)

        try repo.git("commit", "-q", "-m", "add")
        try Self.stage(["docs/design/new.md": "# New, edited\n", "src/m3/f160.txt": "edited\n"], in: repo)
        let edited = try Self.readings(repo)
        #expect(edited.fast == edited.libgit2)
        #expect(edited.fast?.count == 2)

        // A soft reset keeps the index and its cache-tree, whose trees are now not HEAD's.
        try repo.git("commit", "-q", "-m", "edit")
        try repo.git("reset", "-q", "--soft", "HEAD~1")
        let reset = try Self.readings(repo)
        #expect(reset.fast == reset.libgit2)
        #expect(reset.fast?.count == 2)
    }

    @Test func additionsBesideDeletionsAreLeftToLibgit2ForRenames() throws {
        let repo = try GitRepository()
        try repo.commit(["docs/design/a.md": String(repeating: "A design line.\n", count: 20)], message: "base")
        try repo.git("mv", "docs/design/a.md", "docs/design/b.md")
        let (fast, libgit2) = try Self.readings(repo)
        #expect(fast == nil)
        #expect(libgit2.count == 1 && libgit2[0].hasPrefix("renamed"))
    }

    /// The hook never opens a connection: libgit2's TLS set-up (every CA certificate parsed at
    /// start-up) is linked out.
    @Test func libgit2StartsWithoutItsTLSSetUp() throws {
        let repo = try GitRepository()
        _ = try Repository(discoveringFrom: repo.path)
        #if os(Linux)
        #expect(skippedTLSSetUp)
        #endif
    }

    @Test func indexesItDoesNotFullyReadAreLeftToLibgit2() throws {
        let repo = try GitRepository()
        try repo.commit(["a.md": "a\n"], message: "base")
        try repo.write("b.md", "b\n")
        try repo.git("add", "-N", "b.md")
        #expect(try Self.readings(repo).fast == nil, "intent to add")
        try repo.git("rm", "-q", "--cached", "b.md")
        try repo.git("update-index", "--split-index")
        let split = try [UInt8](Data(contentsOf: URL(fileURLWithPath: repo.path + "/.git/index")))
        #expect(IndexFile(bytes: split) == nil, "split index")
        #expect(IndexFile(bytes: Array("DIRC".utf8) + [0, 0, 0, 9] + [UInt8](repeating: 0, count: 40)) == nil, "version 9")
        #expect(IndexFile(bytes: []) == nil)
    }
}
