import Foundation
import Testing
import TestSupport

/// `designgate baseline` and `.designgate-baseline.json`, on real repositories: the findings a
/// team accepts stop failing `check`, a new one still fails, and entries that match nothing
/// any more are reported and pruned.
@Suite struct BaselineTests {
    private static let open = "# Technical Design Document: Cache\n## Open Questions\n- Which region?\n- Which TTL?\n"

    /// A repository whose one document has twelve findings (ten missing sections, two open questions).
    private func repository() throws -> GitRepository {
        let repository = try GitRepository()
        _ = try repository.commit(["design/cache.md": Self.open])
        return repository
    }

    private func findings(_ json: String) throws -> [(rule: String, state: String?)] {
        let report = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let documents = report?["documents"] as? [[String: Any]] ?? []
        return documents.flatMap { $0["findings"] as? [[String: Any]] ?? [] }.map {
            (rule: $0["ruleId"] as? String ?? "", state: $0["baselineState"] as? String)
        }
    }

    @Test func acceptedFindingsPassANewOneFailsAndStaleEntriesArePruned() throws {
        let repository = try repository()
        #expect(try designgate(["check", "--all"], in: repository.path).status == 1)
        let written = try designgate(["baseline"], in: repository.path)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.contains("(12 findings)"))
        let file = try repository.directory.read(".designgate-baseline.json")
        #expect(try designgate(["baseline"], in: repository.path).status == 0)
        #expect(try repository.directory.read(".designgate-baseline.json") == file, "byte-identical on an unchanged tree")

        let accepted = try designgate(["check", "--all", "-f", "json"], in: repository.path)
        #expect(accepted.status == 0)
        #expect(try findings(accepted.stdout).count == 12 && findings(accepted.stdout).allSatisfy { $0.state == "unchanged" })

        // One question answered, one added: the new finding fails, the answered one's entry is stale.
        _ = try repository.commit(["design/cache.md": Self.open.replacingOccurrences(of: "- Which TTL?", with: "- Which TTL? Answer: five minutes")
                                   + "- Who owns the warmer?\n"])
        let changed = try designgate(["check", "--all"], in: repository.path)
        #expect(changed.status == 1)
        #expect(changed.stdout.contains("Who owns the warmer?") && !changed.stdout.contains("Which region?"))
        #expect(changed.stdout.contains("1 error, 0 warnings, 11 already known, 1 failed"))
        #expect(changed.stderr.contains("1 entry of .designgate-baseline.json no longer matches a finding (design/cache.md)"))

        let pruned = try designgate(["baseline", "--prune"], in: repository.path)
        #expect(pruned.status == 0)
        #expect(pruned.stdout.contains("(11 findings)"), "the stale entry removed, the new finding not added")
        let after = try designgate(["check", "--all"], in: repository.path)
        #expect(after.status == 1 && !after.stderr.contains("no longer match"))
    }

    @Test func theBaselineWorksInEveryModeAndWithNewOnly() throws {
        let repository = try repository()
        #expect(try designgate(["baseline"], in: repository.path).status == 0)
        try repository.git("add", ".designgate-baseline.json")
        try repository.git("commit", "-q", "-m", "baseline")
        try repository.write("design/cache.md", Self.open + "- Who owns the warmer?\n")
        try repository.git("add", "design/cache.md")
        for mode in [["--staged"], [], ["design/cache.md"], ["--new-only", "--staged"]] {
            let result = try designgate(["check"] + mode, in: repository.path)
            #expect(result.status == 1, "\(mode)")
            #expect(result.stdout.contains("1 error, 0 warnings, 12 already known, 1 failed"), "\(mode): \(result.stdout)")
        }
    }

    @Test func aBaselineThatIsNotARegularFileOrNotABaselineIsRefused() throws {
        let repository = try repository()
        try FileManager.default.createSymbolicLink(atPath: repository.path + "/.designgate-baseline.json", withDestinationPath: "/etc/passwd")
        let link = try designgate(["check", "--all"], in: repository.path)
        #expect(link.status == 2)
        #expect(link.stderr.contains(".designgate-baseline.json is a symbolic link, not a regular file; it was not read"))
        #expect(!link.stdout.contains("root:"), "the link's target is never echoed")
        try FileManager.default.removeItem(atPath: repository.path + "/.designgate-baseline.json")
        for (text, message) in [("{", "is not valid JSON"), (#"{"version": 2, "findings": []}"#, "is not a designgate baseline"),
                                (#"{"version": 1, "findings": [{"path": 1}]}"#, "finding 1 needs path, rule, section and message strings")] {
            try repository.write(".designgate-baseline.json", text)
            let result = try designgate(["check", "--all"], in: repository.path)
            #expect(result.status == 2, "\(text)")
            #expect(result.stderr.contains(message) && result.stderr.contains("designgate baseline"), "\(result.stderr)")
        }
        let fresh = try self.repository()
        let prune = try designgate(["baseline", "--prune"], in: fresh.path)
        #expect(prune.status == 2 && prune.stderr.contains("there is no .designgate-baseline.json to prune"))
    }
}
