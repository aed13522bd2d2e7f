import Foundation
import Reporters
import TDDMarkdown
import TDDRules

/// `.designgate-baseline.json`: the findings a team accepts for now, written by
/// `designgate baseline`. `check` marks a finding the baseline lists as unchanged (it does not
/// fail the run) and names the entries that no longer match a finding (stale). Entries are
/// matched as `--new-only` matches findings: by document path, rule, section and message,
/// wherever the line, once each. The file is sorted and stable, to be reviewed in a diff.
public struct Baseline: Sendable, Equatable {
    public static let fileName = ".designgate-baseline.json"
    /// Larger files are refused unread.
    static let maxBytes = 16 << 20
    static let version = 1

    /// One accepted finding.
    struct Entry: Sendable, Hashable, Comparable {
        let path: String
        let identity: FindingIdentity

        static func < (left: Entry, right: Entry) -> Bool {
            (left.path, left.identity.ruleId, left.identity.section, left.identity.message)
                < (right.path, right.identity.ruleId, right.identity.section, right.identity.message)
        }
    }

    /// Sorted; an entry appears once per identical finding.
    private(set) var entries: [Entry]

    init(entries: [Entry]) {
        self.entries = entries.sorted()
    }

    /// Every unsuppressed finding of the documents.
    init(_ documents: [Report.Document]) {
        self.init(entries: documents.flatMap { document in
            document.verdict.findings.filter { !$0.isSuppressed }.map { Entry(path: document.path, identity: FindingIdentity($0)) }
        })
    }

    public var count: Int { entries.count }

    /// The entries both baselines hold (as many times as both do): `--prune` keeps what still matches.
    func keeping(_ current: Baseline) -> Baseline {
        var available = Self.counts(current.entries)
        return Baseline(entries: entries.filter { entry in
            guard let count = available[entry], count > 0 else { return false }
            available[entry] = count - 1
            return true
        })
    }

    /// The documents with the findings this baseline lists marked unchanged, and the entries of
    /// those documents that matched nothing.
    func apply(to documents: [Report.Document]) -> (documents: [Report.Document], stale: [Entry]) {
        let byPath = Dictionary(grouping: entries, by: \.path)
        var stale: [Entry] = []
        let marked = documents.map { document -> Report.Document in
            guard let listed = byPath[document.path] else { return document }
            let (verdict, unmatched) = document.verdict.accepting(Self.counts(listed.map(\.identity)))
            stale += unmatched.flatMap { identity, count in Array(repeating: Entry(path: document.path, identity: identity), count: count) }
            var marked = document
            marked.verdict = verdict
            return marked
        }
        return (marked, stale.sorted())
    }

    /// What `check` says about entries that matched nothing, if any.
    static func staleNotice(_ stale: [Entry]) -> String? {
        guard !stale.isEmpty else { return nil }
        let one = stale.count == 1
        let paths = Set(stale.map(\.path)).sorted().map(TerminalText.path).joined(separator: ", ")
        return "\(stale.count) \(one ? "entry" : "entries") of \(fileName) no longer \(one ? "matches" : "match") a finding "
            + "(\(paths)); `designgate baseline --prune` removes \(one ? "it" : "them")"
    }

    private static func counts<Key: Hashable>(_ keys: [Key]) -> [Key: Int] {
        keys.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    // MARK: - The file

    /// The file's text: one entry per line block, sorted, the same bytes for the same findings.
    var json: String {
        let lines = entries.map { entry in
            "    {\"path\": \(JSONValue.string(entry.path).rendered()), \"rule\": \(JSONValue.string(entry.identity.ruleId).rendered()), "
                + "\"section\": \(JSONValue.string(entry.identity.section).rendered()), \"message\": \(JSONValue.string(entry.identity.message).rendered())}"
        }
        return "{\n  \"version\": \(Self.version),\n  \"findings\": [\n" + lines.joined(separator: ",\n")
            + (lines.isEmpty ? "" : "\n") + "  ]\n}\n"
    }

    /// The baseline at the repository's root, if there is one. Like the configuration, it
    /// must be a regular file (a link could point anywhere).
    static func load(root: String) throws(DesignGateError) -> Baseline? {
        let path = FileSystem.join(root, fileName)
        guard let kind = FileSystem.kind(of: path) else { return nil }
        guard case .regular = kind else {
            throw DesignGateError("\(TerminalText.path(path)) is \(FileSystem.describe(kind)), not a regular file; it was not read",
                                  hint: "commit the baseline itself as a regular file, or write it again with `designgate baseline`")
        }
        let bytes = try FileSystem.read(path, limit: maxBytes)
        return try parse(bytes, path: path)
    }

    static func parse(_ bytes: [UInt8], path: String) throws(DesignGateError) -> Baseline {
        let hint = "write it again with `designgate baseline`"
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            throw DesignGateError("\(TerminalText.path(path)) is not valid JSON", hint: hint)
        }
        guard let root = object as? [String: Any], root["version"] as? Int == version,
              let findings = root["findings"] as? [Any] else {
            throw DesignGateError("\(TerminalText.path(path)) is not a designgate baseline (version \(version), findings)", hint: hint)
        }
        var entries: [Entry] = []
        for (index, item) in findings.enumerated() {
            guard let fields = item as? [String: Any], let path = fields["path"] as? String, let rule = fields["rule"] as? String,
                  let section = fields["section"] as? String, let message = fields["message"] as? String else {
                throw DesignGateError("\(TerminalText.path(path)): finding \(index + 1) needs path, rule, section and message strings",
                                      hint: hint)
            }
            entries.append(Entry(path: path, identity: FindingIdentity(ruleId: rule, section: section, message: message)))
        }
        return Baseline(entries: entries)
    }
}
