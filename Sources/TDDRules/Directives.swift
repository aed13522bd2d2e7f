import TDDMarkdown

/// The suppressions a document declares: disable comments and front-matter waivers.
///
/// `<!-- designgate-disable RULE[, RULE] -- REASON -->` … `<!-- designgate-enable RULE -->`,
/// `<!-- designgate-disable-next-line RULE -- REASON -->` (no rule means every rule), and
/// `designgate: waive: [{rule, reason, approver, expires}]` in front matter.
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
        var open: [(rules: [String], reason: String?, location: SourceLocation)] = []
        let lastLine = max(document.lineCount, 1)

        for comment in document.comments {
            guard let parsed = Self.parse(comment.body) else { continue }
            switch parsed.verb {
            case "disable":
                open.append((parsed.rules, parsed.reason, comment.location))
            case "enable":
                var remaining: [(rules: [String], reason: String?, location: SourceLocation)] = []
                for region in open {
                    let closes = parsed.rules.isEmpty || region.rules.isEmpty
                        || !Set(region.rules).isDisjoint(with: parsed.rules)
                    if closes {
                        entries.append(Entry(kind: .comment, rules: region.rules, reason: region.reason,
                                             approver: nil, location: region.location,
                                             lines: region.location.line...max(comment.location.line, region.location.line)))
                        let left = region.rules.filter { !parsed.rules.contains($0) }
                        if !parsed.rules.isEmpty, !left.isEmpty, !region.rules.isEmpty {
                            remaining.append((left, region.reason, region.location))
                        }
                    } else {
                        remaining.append(region)
                    }
                }
                open = remaining
            case "disable-next-line":
                entries.append(Entry(kind: .comment, rules: parsed.rules, reason: parsed.reason, approver: nil,
                                     location: comment.location, lines: (comment.endLine + 1)...(comment.endLine + 1)))
            default:
                continue
            }
        }
        for region in open {
            entries.append(Entry(kind: .comment, rules: region.rules, reason: region.reason, approver: nil,
                                 location: region.location, lines: region.location.line...max(lastLine, region.location.line)))
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
