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
        // Built as UTF-8 bytes: appending scalars to a String one by one is several times slower.
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var wordEnded = false
        func append(_ scalar: Unicode.Scalar) {
            if wordEnded, !result.isEmpty { result.append(0x20) }
            wordEnded = false
            if scalar.isASCII {
                result.append(UInt8(truncatingIfNeeded: scalar.value))
            } else {
                UTF8.encode(scalar) { result.append($0) }
            }
        }
        if let ascii = asciiNormalized(text) { return ascii }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9":
                append(scalar)
            case "A"..."Z":
                append(Unicode.Scalar(UInt8(truncatingIfNeeded: scalar.value + 32)))
            case "&", "+":
                wordEnded = true
                for letter in "and".unicodeScalars { append(letter) }
                wordEnded = true
            case "'", "\u{2019}":
                continue
            default:
                if !scalar.isASCII, scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    for lower in scalar.properties.lowercaseMapping.unicodeScalars { append(lower) }
                } else {
                    wordEnded = true
                }
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// `normalize`'s last step for text all in ASCII, read byte by byte; nil for any other text.
    private static func asciiNormalized(_ text: String) -> String? {
        var text = text
        return text.withUTF8(asciiNormalized)
    }

    private static func asciiNormalized(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var wordEnded = false
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            var letter = byte
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): letter = byte | 0x20
            case UInt8(ascii: "&"), UInt8(ascii: "+"):
                if !result.isEmpty { result.append(0x20) }
                result += [0x61, 0x6E, 0x64] // "and"
                wordEnded = true
                continue
            case UInt8(ascii: "'"):
                continue
            default:
                wordEnded = true
                continue
            }
            if wordEnded, !result.isEmpty { result.append(0x20) }
            wordEnded = false
            result.append(letter)
        }
        return String(decoding: result, as: UTF8.self)
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
