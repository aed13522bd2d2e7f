/// Turns a heading or label into the form the policy compares (SPEC §3): leading numbering,
/// emphasis, emoji, `[optional]`-style suffixes and punctuation dropped; `&` and `+` read as
/// `and`; lower-cased; white space folded.
///
/// `## 10. Risks & Mitigation Strategies` and `### risks and mitigation strategies:` both
/// become `risks and mitigation strategies`.
public enum TitleNormalizer {
    public static func normalize(_ title: String) -> String {
        var text = stripNumbering(title.trimmingWhitespace)
        if let last = text.utf8.last, last == UInt8(ascii: "]") || last == UInt8(ascii: ")") {
            let lowered = text.lowercased()
            for suffix in ["[optional]", "\\[optional\\]", "(optional)", "(if applicable)"] where lowered.hasSuffix(suffix) {
                text = String(text.dropLast(suffix.count))
                break
            }
        }
        return text.withUTF8(joinedWords)
    }

    /// The words of `bytes`, lower-cased and joined by single spaces, `&` and `+` read as `and`,
    /// apostrophes dropped. ASCII is read byte by byte and other scalars are decoded one at a
    /// time.
    private static func joinedWords(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var words = WordBuilder(capacity: bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): words.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): words.append(byte | 0x20)
                case UInt8(ascii: "&"), UInt8(ascii: "+"): words.appendWord("and")
                case UInt8(ascii: "'"): continue
                default: words.endWord()
                }
                continue
            }
            var rest = bytes[index...].makeIterator()
            var decoder = UTF8()
            guard case .scalarValue(let scalar) = decoder.decode(&rest) else {
                // Not reached for a String's bytes, which are valid UTF-8.
                index += 1
                words.endWord()
                continue
            }
            index += UTF8.width(scalar)
            if scalar == "\u{2019}" { continue }
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                    UTF8.encode(lower) { words.append($0) }
                }
            } else {
                words.endWord()
            }
        }
        return words.text
    }

    /// Words built as UTF-8 bytes, one space between them (appending scalars to a String one
    /// by one is several times slower).
    private struct WordBuilder {
        private var bytes: [UInt8] = []
        private var wordEnded = false

        init(capacity: Int) { bytes.reserveCapacity(capacity) }

        var text: String { String(decoding: bytes, as: UTF8.self) }

        mutating func append(_ byte: UInt8) {
            if wordEnded, !bytes.isEmpty { bytes.append(0x20) }
            wordEnded = false
            bytes.append(byte)
        }

        mutating func endWord() { wordEnded = true }

        /// A word of its own (`&` read as `and`).
        mutating func appendWord(_ word: StaticString) {
            endWord()
            word.withUTF8Buffer { for byte in $0 { append(byte) } }
            endWord()
        }
    }

    /// The words of a normalized title: split at its spaces byte by byte, since a normalized
    /// title holds single ASCII spaces between its words and nothing else to break on.
    public static func words(of normalized: String) -> [Substring] {
        normalized.utf8.split(separator: 0x20).map { Substring($0) }
    }

    /// The leading number of a heading (`1.`, `2.3`, `1)`, `A.`, `IV.`), or nil.
    public static func leadingNumber(_ title: String) -> String? {
        let trimmed = title.trimmingWhitespace
        let stripped = stripNumbering(trimmed)
        guard stripped.count < trimmed.count else { return nil }
        let prefix = trimmed.prefix(trimmed.count - stripped.count).trimmingWhitespace
        return prefix.isEmpty ? nil : prefix
    }

    /// Removes one leading numbering token and the white space after it.
    static func stripNumbering(_ title: String) -> String {
        guard mayBeNumbered(title) else { return title }
        let scalars = Array(title.unicodeScalars)
        func rest(from index: Int) -> String {
            String(String.UnicodeScalarView(scalars[index...])).trimmingWhitespace
        }
        func isDigit(_ index: Int) -> Bool { index < scalars.count && ("0"..."9").contains(scalars[index]) }
        func isLetter(_ index: Int) -> Bool {
            index < scalars.count && (("a"..."z").contains(scalars[index]) || ("A"..."Z").contains(scalars[index]))
        }
        func isSpace(_ index: Int) -> Bool { index < scalars.count && scalars[index].properties.isWhitespace }
        func lowercasedASCII(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
            ("A"..."Z").contains(scalar) ? Unicode.Scalar(UInt8(truncatingIfNeeded: scalar.value + 32)) : scalar
        }
        guard let first = scalars.first else { return title }
        // "Part 13:" / "Section 2."
        if "pPsScC".unicodeScalars.contains(first) {
            for word in ["part ", "section ", "chapter "] where word.unicodeScalars.count < scalars.count {
                let head = scalars.prefix(word.unicodeScalars.count)
                guard head.map(lowercasedASCII).elementsEqual(word.unicodeScalars) else { continue }
                var index = head.count
                while isDigit(index) { index += 1 }
                if index > head.count, index < scalars.count, scalars[index] == ":" || scalars[index] == "." {
                    return rest(from: index + 1)
                }
            }
        }
        if isDigit(0) {
            // 1  1.  10.  2.3  3.1.1  1)
            var index = 0
            while isDigit(index) || (index < scalars.count && scalars[index] == ".") { index += 1 }
            if index < scalars.count, scalars[index] == ")" || scalars[index] == ":" { index += 1 }
            if index == scalars.count { return "" }
            return isSpace(index) ? rest(from: index) : title
        }
        // A.  IV.  b)
        var letters = 0
        while isLetter(letters) { letters += 1 }
        guard letters > 0, letters < scalars.count - 1,
              scalars[letters] == "." || scalars[letters] == ")", isSpace(letters + 1) else { return title }
        let isRoman = scalars[..<letters].allSatisfy { "IVXLC".unicodeScalars.contains($0) }
        guard letters == 1 || isRoman else { return title }
        return rest(from: letters + 1)
    }

    /// False when `title` cannot open with a numbering token: it does not start with a digit,
    /// nor with a run of ASCII letters followed by `.` or `)` or spelling `part`, `section` or
    /// `chapter`. Read from the first bytes only, so that most text is never split into scalars.
    private static func mayBeNumbered(_ title: String) -> Bool {
        let bytes = title.utf8
        guard let first = bytes.first else { return false }
        if (0x30...0x39).contains(first) { return true }
        let letters = bytes.prefix { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
        guard !letters.isEmpty else { return false }
        let next = bytes[letters.endIndex...].first
        if next == UInt8(ascii: ".") || next == UInt8(ascii: ")") { return true }
        return numberingWords.contains { word in
            word.utf8.elementsEqual(letters.lazy.map { $0 | 0x20 })
        }
    }

    /// The words that may open a numbered heading (`Part 13:`).
    private static let numberingWords = ["part", "section", "chapter"]
}
