import TDDMarkdown

/// The designs a change set names: `Design:` trailers in its commits' messages and `Design:`
/// lines in a pull request's description.
enum DesignReferences {
    static let key = "design"

    /// The values of the `Design:` trailers of a commit message.
    static func inTrailers(of message: String) -> [String] {
        trailers(in: message).filter { $0.key.lowercased() == key }.compactMap { path(in: $0.value) }
    }

    /// The `Design:` lines of a pull or merge request's description (`**Design:**`, a list
    /// item's `- Design:` and a Markdown link as the value are read too).
    static func inDescription(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).compactMap { raw in
            var line = Substring(raw).drop { $0 == " " || $0 == "\t" || $0 == "-" || $0 == "*" || $0 == ">" || $0 == "_" }
            guard line.lowercased().hasPrefix(key) else { return nil }
            line = line.dropFirst(key.count).drop { $0 == "*" || $0 == "_" || $0 == " " }
            guard line.first == ":" else { return nil }
            return path(in: String(line.dropFirst().drop { $0 == "*" || $0 == "_" }))
        }
    }

    /// A commit message's trailers, found as git finds a commit's (`git log --format=%(trailers)`):
    /// the last paragraph, when it is not the title, and every line of it is a `Key: value`
    /// trailer (or a continuation line starting with white space), or a quarter of its lines
    /// are and one is git's own (`Signed-off-by:`, `(cherry picked from commit …)`). Comment
    /// lines (`#`) are skipped; a `---` line is text like any other (a commit has no patch part).
    static func trailers(in message: String) -> [(key: String, value: String)] {
        var lines = message.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        lines.removeAll { $0.hasPrefix("#") }
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        guard let blank = lines.lastIndex(where: { $0.allSatisfy(\.isWhitespace) }),
              lines[..<blank].contains(where: { !$0.allSatisfy(\.isWhitespace) }) else { return [] }
        var found: [(key: String, value: String)] = []
        var trailerLines = 0, otherLines = 0, gitGenerated = false
        for line in lines[(blank + 1)...] {
            if let first = line.first, first == " " || first == "\t" {
                if !found.isEmpty, trailerLines > 0 { found[found.count - 1].value += " " + line.trimmingWhitespace }
                continue
            }
            if line.hasPrefix("(cherry picked from commit ") {
                gitGenerated = true
                trailerLines += 1
            } else if let trailer = trailer(line) {
                if trailer.key.lowercased() == "signed-off-by" { gitGenerated = true }
                found.append(trailer)
                trailerLines += 1
            } else {
                otherLines += 1
            }
        }
        let isBlock = trailerLines > 0 && (otherLines == 0 || (gitGenerated && trailerLines * 3 >= otherLines))
        return isBlock ? found : []
    }

    /// `Key: value`, the key letters, digits and `-`, with spaces allowed before the colon.
    private static func trailer(_ line: Substring) -> (key: String, value: String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = line[..<colon].trimmingWhitespace
        guard !key.isEmpty, key.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }) else { return nil }
        return (key, line[line.index(after: colon)...].trimmingWhitespace)
    }

    /// The repository-relative path a reference's value names: a path, a Markdown link, or a
    /// forge URL to a file (`…/blob/<branch>/docs/x.md`, `…/-/blob/<branch>/docs/x.md`).
    static func path(in value: String) -> String? {
        var text = Substring(value.trimmingWhitespace)
        if text.hasPrefix("["), let open = text.firstIndex(of: "("), text.hasSuffix(")") {
            text = text[text.index(after: open)..<text.index(before: text.endIndex)]
        }
        text = text.drop { $0 == "`" || $0 == "<" }
        while let last = text.last, last == "`" || last == ">" || last == "." || last == "," { text = text.dropLast() }
        if text.contains("://") {
            guard let blob = text.firstRange(of: "/blob/") else { return nil }
            text = text[blob.upperBound...].drop { $0 != "/" }
        }
        while text.hasPrefix("/") || text.hasPrefix("./") { text = text.dropFirst(text.hasPrefix("/") ? 1 : 2) }
        if let fragment = text.firstIndex(where: { $0 == "#" || $0 == "?" }) { text = text[..<fragment] }
        let path = String(text)
        guard !path.isEmpty, !path.contains(" "), !path.split(separator: "/").contains("..") else { return nil }
        return path
    }
}
