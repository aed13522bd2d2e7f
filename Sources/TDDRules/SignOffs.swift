import TDDMarkdown

/// One person or team that signed a document off, where the document says so.
public struct SignOff: Sendable, Hashable {
    /// As written: `@alice`, `@org/payments`, `alice@example.com`, or a plain name.
    public let name: String
    public let location: SourceLocation
}

/// The sign-offs a document records. These forms are read:
///
/// - front matter `approvers` (or `approved-by`, `sign-off`, `sign-offs`, `signoffs`): a list
///   of names, one comma-separated string, or entries such as `{name: alice, date: 2026-03-01}`
///   (`name`, `user`, `github`, `login` or `handle` names the approver);
/// - a field before the first section, or a row of a two-column table there:
///   `**Approvers:** @alice, @bob`;
/// - a section titled Approvers, Approvals, Sign-off, Sign-offs or Approved by: each table row
///   (its name column: Name, Approver, Reviewer, Who, Team, Owner, else the first), each list
///   item, `**Approvers:**` fields, and the `@handles` of its paragraphs;
/// - a section titled Reviewers or Reviews: the same, but only rows and items that say they
///   approved (a reviewer listed has not necessarily signed off).
///
/// Whatever the section, a table row whose status, approval or date column does not say
/// approved (`Approved`, `LGTM`, `Yes`, `✅`, a date), a list item that says pending, requested,
/// declined or TBD, an open task item (`- [ ] @alice`) and a placeholder name (`TBD`, `<name>`)
/// are not sign-offs; a checked task item is.
public enum SignOffs {
    public static func read(_ document: Document) -> [SignOff] {
        var found = frontMatter(document)
        let leading = document.preamble + (document.sections.first?.blocks ?? [])
        for block in leading {
            found += labelled(block)
            if case .table(let table) = block, table.header.cells.count == 2 {
                for row in [table.header] + table.rows where approverLabels.contains(TitleNormalizer.normalize(row.text(at: 0))) {
                    found += names(in: row.text(at: 1), at: row.location)
                }
            }
        }
        for section in document.allSections {
            let approving = approverLabels.contains(section.normalizedTitle)
            guard approving || reviewerLabels.contains(section.normalizedTitle) else { continue }
            for block in section.blocks { found += signOffs(in: block, approving: approving) }
        }
        var seen = Set<String>()
        return found.filter { seen.insert(OwnerName.normalized($0.name)).inserted }
    }

    /// Normalised titles and labels of the places sign-offs are listed.
    static let approverLabels = Set(["Approvers", "Approver", "Approved by", "Approvals", "Sign-off", "Sign-offs",
                                     "Signoff", "Signoffs", "Signed off by"].map(TitleNormalizer.normalize))
    /// Normalised titles of the places reviewers are listed, of whom only those who say they approved count.
    static let reviewerLabels = Set(["Reviewers", "Reviews", "Reviewed by"].map(TitleNormalizer.normalize))

    // MARK: - Forms

    private static func frontMatter(_ document: Document) -> [SignOff] {
        guard let entries = document.frontMatter?.mapping else { return [] }
        var found: [SignOff] = []
        for entry in entries where approverLabels.contains(TitleNormalizer.normalize(entry.key)) {
            let location = SourceLocation(line: entry.value.line)
            if let text = entry.value.scalar {
                found += names(in: text, at: location)
            }
            for item in entry.value.sequence ?? [] {
                let line = SourceLocation(line: item.line)
                if let text = item.scalar, !says(text, .declined), let name = name(in: text) {
                    found.append(SignOff(name: name, location: line))
                } else if let fields = item.mapping,
                          let name = fields.first(where: { ["name", "user", "github", "login", "handle"].contains($0.key.lowercased()) })?
                              .value.scalar.flatMap(name(in:)),
                          !fields.contains(where: { ["status", "approved", "state"].contains($0.key.lowercased())
                              && ($0.value.scalar.map { says($0, .declined) || $0.lowercased() == "false" } ?? false) }) {
                    found.append(SignOff(name: name, location: line))
                }
            }
        }
        return found
    }

    /// `**Approvers:** @alice, @bob` as a paragraph or a list item.
    private static func labelled(_ block: Block) -> [SignOff] {
        var parts: [InlineText] = []
        switch block {
        case .paragraph(let text): parts = [text]
        case .list(let list): parts = list.items.compactMap(\.lead)
        default: return []
        }
        return parts.flatMap { part -> [SignOff] in
            guard let label = part.strongLabel, approverLabels.contains(TitleNormalizer.normalize(label)) else { return [] }
            return names(in: part.afterLabel, at: part.location)
        }
    }

    private static func signOffs(in block: Block, approving: Bool) -> [SignOff] {
        switch block {
        case .table(let table):
            return signOffs(in: table, approving: approving)
        case .list(let list):
            let fields = labelled(block)
            if !fields.isEmpty { return fields }
            return list.items.compactMap { item in
                guard let lead = item.lead, let name = name(in: lead.text) else { return nil }
                switch item.task {
                case .done?: return SignOff(name: name, location: lead.location)
                case .open?: return nil
                case nil:
                    guard !says(lead.text, .declined), approving || says(lead.text, .approved) else { return nil }
                    return SignOff(name: name, location: lead.location)
                }
            }
        case .paragraph(let text):
            let fields = labelled(block)
            if !fields.isEmpty || !approving { return fields }
            return handles(in: text.text).map { SignOff(name: $0, location: text.location) }
        default:
            return []
        }
    }

    private static func signOffs(in table: Table, approving: Bool) -> [SignOff] {
        let columns = table.columnNames.map(TitleNormalizer.normalize)
        let nameColumn = columns.firstIndex { nameHeaders.contains($0) } ?? 0
        let statusColumn = columns.indices.first { index in
            index != nameColumn && statusHeaders.contains { columns[index].contains($0) }
        }
        return table.rows.compactMap { row in
            guard let name = name(in: row.text(at: nameColumn)) else { return nil }
            if let statusColumn {
                let status = row.text(at: statusColumn)
                guard says(status, .approved), !says(status, .declined) else { return nil }
            } else if !approving {
                return nil
            }
            return SignOff(name: name, location: row.location)
        }
    }

    private static let nameHeaders: Set<String> = ["name", "approver", "approvers", "reviewer", "reviewers", "who", "person",
                                                   "team", "owner", "github", "handle", "user"]
    private static let statusHeaders = ["status", "approv", "sign", "decision", "verdict", "lgtm", "date", "state", "review"]

    // MARK: - Names

    /// Every name in a list written as text: `@alice, @bob and carol (2026-03-01)`.
    private static func names(in text: String, at location: SourceLocation) -> [SignOff] {
        text.split(whereSeparator: { $0 == "," || $0 == ";" }).flatMap { $0.split(separator: " and ") }
            .compactMap { part in name(in: String(part)).map { SignOff(name: $0, location: location) } }
    }

    /// The name a row, item or list entry gives: its first `@handle` or e-mail address, else
    /// the words before a dash, parenthesis or colon; nil for a placeholder.
    static func name(in text: String) -> String? {
        if let handle = handles(in: text).first { return handle }
        var candidate = Substring(text)
        for separator in [" - ", " — ", " – ", "(", ",", ":", ";", " approved", " on "] {
            if let range = candidate.firstRange(of: separator) { candidate = candidate[..<range.lowerBound] }
        }
        let name = String(candidate.trimming(" \t*_`[]<>"))
        let words = Prose.words(name)
        guard !words.isEmpty, words.count <= 4, !name.hasPrefix("<"), !Prose.isPlaceholder(name),
              !["name", "n a", "nobody", "no one", "yes", "no", "x"].contains(words.joined(separator: " ")) else { return nil }
        return name
    }

    /// The `@handles` and e-mail addresses in a text, trailing punctuation dropped.
    private static func handles(in text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" || $0 == "(" || $0 == ")" || $0 == "`" || $0 == "*" })
            .map { String($0.trimming(".:!?'\"")) }
            .filter { $0.contains("@") && $0.count > 1 && !$0.hasSuffix("@") }
    }

    private enum Verdict { case approved, declined }

    private static func says(_ text: String, _ verdict: Verdict) -> Bool {
        let words = Prose.words(text)
        switch verdict {
        case .approved:
            return words.contains { approvedWords.contains($0) } || ["✅", "✔", "☑", "👍", "+1"].contains { text.contains($0) }
                || isDate(text) || Substring(text).trimming(" \t").lowercased() == "x"
        case .declined:
            let joined = " " + words.joined(separator: " ") + " "
            return words.contains { declinedWords.contains($0) }
                || [" not yet ", " not approved ", " changes requested ", " not signed "].contains { joined.contains($0) }
        }
    }

    private static let approvedWords: Set<String> = ["approved", "approve", "approves", "lgtm", "yes", "accepted",
                                                     "signed", "done", "ok", "okay"]
    private static let declinedWords: Set<String> = ["pending", "requested", "waiting", "awaiting", "tbd", "todo",
                                                     "declined", "rejected", "blocked", "objected", "objects", "no"]

    /// A date such as `2026-03-01` or `01/03/2026` somewhere in the text.
    private static func isDate(_ text: String) -> Bool {
        let digits = text.map { $0.isASCII && $0.isNumber ? "9" : String($0) }.joined()
        return digits.contains("9999-99-99") || digits.contains("99/99/9999") || digits.contains("9999/99/99")
    }
}

private extension Substring {
    /// The text without any of `characters` at either end.
    func trimming(_ characters: String) -> Substring {
        let set = Set(characters)
        guard let first = firstIndex(where: { !set.contains($0) }), let last = lastIndex(where: { !set.contains($0) }) else { return "" }
        return self[first...last]
    }
}
