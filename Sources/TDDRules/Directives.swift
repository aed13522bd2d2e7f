import TDDMarkdown

/// The suppressions a document declares: disable comments and front-matter waivers.
///
/// `<!-- designgate-disable RULE[, RULE] -- REASON -->` … `<!-- designgate-enable RULE -->`
/// (a region opened before the first `##` heading starts at line 1, so it covers what is
/// reported at the title, such as missing sections), `<!-- designgate-disable-next-line RULE
/// -- REASON -->`, `<!-- designgate-disable-file RULE -- REASON -->` (the whole document; no
/// rule means every rule), and `designgate: waive: [{rule, reason, approver, expires}]` in
/// front matter.
public struct Directives: Sendable {
    /// One suppression with the lines it covers.
    public struct Entry: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            case comment
            case waiver(expires: String?)
        }

        public let kind: Kind
        /// Rule ids covered; empty means every rule.
        public let rules: [String]
        public let reason: String?
        public let approver: String?
        /// Where the directive is written.
        public let location: SourceLocation
        public let lines: ClosedRange<Int>

        public func covers(ruleId: String, line: Int) -> Bool {
            (rules.isEmpty || rules.contains(ruleId)) && lines.contains(line)
        }
    }

    public let entries: [Entry]

    static let prefix = "designgate-"

    public init(_ document: Document) {
        var entries: [Entry] = []
        /// A region not closed yet: what it covers, where it is written, its first line.
        typealias Region = (rules: [String], reason: String?, location: SourceLocation, start: Int)
        var open: [Region] = []
        let lastLine = max(document.lineCount, 1)
        let preambleEnd = document.allSections.first { $0.level >= 2 }?.location.line ?? lastLine + 1

        for comment in document.comments {
            guard let parsed = Self.parse(comment.body) else { continue }
            switch parsed.verb {
            case "disable":
                let start = comment.location.line < preambleEnd ? 1 : comment.location.line
                open.append((parsed.rules, parsed.reason, comment.location, start))
            case "enable":
                var remaining: [Region] = []
                for region in open {
                    let closes = parsed.rules.isEmpty || region.rules.isEmpty
                        || !Set(region.rules).isDisjoint(with: parsed.rules)
                    if closes {
                        entries.append(Entry(kind: .comment, rules: region.rules, reason: region.reason,
                                             approver: nil, location: region.location,
                                             lines: region.start...max(comment.location.line, region.start)))
                        let left = region.rules.filter { !parsed.rules.contains($0) }
                        if !parsed.rules.isEmpty, !left.isEmpty, !region.rules.isEmpty {
                            remaining.append((left, region.reason, region.location, region.start))
                        }
                    } else {
                        remaining.append(region)
                    }
                }
                open = remaining
            case "disable-file":
                entries.append(Entry(kind: .comment, rules: parsed.rules, reason: parsed.reason, approver: nil,
                                     location: comment.location, lines: 1...lastLine))
            case "disable-next-line":
                entries.append(Entry(kind: .comment, rules: parsed.rules, reason: parsed.reason, approver: nil,
                                     location: comment.location, lines: (comment.endLine + 1)...(comment.endLine + 1)))
            default:
                continue
            }
        }
        for region in open {
            entries.append(Entry(kind: .comment, rules: region.rules, reason: region.reason, approver: nil,
                                 location: region.location, lines: region.start...max(lastLine, region.start)))
        }
        for waiver in document.frontMatter?["designgate"]?["waive"]?.sequence ?? [] {
            let rule = waiver["rule"]?.scalar ?? ""
            entries.append(Entry(kind: .waiver(expires: waiver["expires"]?.scalar),
                                 rules: rule.isEmpty ? [] : [rule],
                                 reason: waiver["reason"]?.scalar.flatMap { $0.trimmingWhitespace.isEmpty ? nil : $0 },
                                 approver: waiver["approver"]?.scalar,
                                 location: SourceLocation(line: waiver.line),
                                 lines: 1...max(lastLine, 1)))
        }
        self.entries = entries
    }

    /// Splits `designgate-VERB RULE, RULE -- REASON` into its parts; nil for other comments.
    static func parse(_ body: String) -> (verb: String, rules: [String], reason: String?)? {
        guard body.hasPrefix(prefix) else { return nil }
        var head = String(body.dropFirst(prefix.count))
        var reason: String?
        if let separator = head.firstRange(of: " -- ") ?? head.firstRange(of: " --\n") {
            reason = String(head[separator.upperBound...]).trimmingWhitespace
            head = String(head[..<separator.lowerBound])
        } else if head.hasSuffix(" --") {
            head = String(head.dropLast(3))
        }
        let words = head.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        guard let verb = words.first else { return nil }
        let rules = words.dropFirst().joined(separator: " ")
            .split(separator: ",").map { $0.trimmingWhitespace }.filter { !$0.isEmpty }
        return (String(verb), rules, reason?.isEmpty == true ? nil : reason)
    }
}

extension Directives {
    /// For each finding (rule id and line), the entry that suppresses it: the first in `entries`
    /// order that covers it, skipping waivers expired before `today`. One sweep over the lines
    /// with a heap per rule, so thousands of directives and findings stay fast.
    func suppressors(of findings: [(ruleId: String, line: Int)], today: String) -> [Entry?] {
        let allRules = ""
        var groups: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            if case .waiver(let expires?) = entry.kind, expires < today { continue }
            for rule in entry.rules.isEmpty ? [allRules] : entry.rules { groups[rule, default: []].append(index) }
        }
        var sweeps = groups.mapValues { Sweep(starts: $0.sorted { entries[$0].lines.lowerBound < entries[$1].lines.lowerBound }) }
        var result = [Entry?](repeating: nil, count: findings.count)
        for position in findings.indices.sorted(by: { findings[$0].line < findings[$1].line }) {
            let (ruleId, line) = findings[position]
            let covering = [ruleId, allRules].compactMap { sweeps[$0]?.first(coveringLine: line, in: entries) }
            result[position] = covering.min().map { entries[$0] }
        }
        return result
    }

    /// The entries of one rule, added as the sweep reaches their first line and dropped once
    /// it passes their last; a min-heap of entry indices gives the first that covers a line.
    private struct Sweep {
        let starts: [Int]
        var next = 0
        var heap: [Int] = []

        init(starts: [Int]) { self.starts = starts }

        mutating func first(coveringLine line: Int, in entries: [Entry]) -> Int? {
            while next < starts.count, entries[starts[next]].lines.lowerBound <= line {
                push(starts[next])
                next += 1
            }
            while let top = heap.first, entries[top].lines.upperBound < line { popTop() }
            return heap.first
        }

        private mutating func push(_ value: Int) {
            heap.append(value)
            var child = heap.count - 1
            while child > 0, heap[(child - 1) / 2] > heap[child] {
                heap.swapAt(child, (child - 1) / 2)
                child = (child - 1) / 2
            }
        }

        private mutating func popTop() {
            heap.swapAt(0, heap.count - 1)
            heap.removeLast()
            var parent = 0
            while true {
                let smallest = [parent, 2 * parent + 1, 2 * parent + 2].filter { $0 < heap.count }.min { heap[$0] < heap[$1] } ?? parent
                if smallest == parent { return }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
    }
}
