/// Turns a heading or label into the form the policy compares (SPEC §3): leading numbering,
/// emphasis, emoji, `[optional]`-style suffixes and punctuation dropped; `&` and `+` read as
/// `and`; lower-cased; white space folded.
///
/// `## 10. Risks & Mitigation Strategies` and `### risks and mitigation strategies:` both
/// become `risks and mitigation strategies`.
public enum TitleNormalizer {
    public static func normalize(_ title: String) -> String {
        var text = stripNumbering(title.trimmingWhitespace)
        let lowered = text.lowercased()
        for suffix in ["[optional]", "\\[optional\\]", "(optional)", "(if applicable)"] where lowered.hasSuffix(suffix) {
            text = String(text.dropLast(suffix.count))
            break
        }
        var result = String.UnicodeScalarView()
        var wordEnded = false
        func append(_ scalar: Unicode.Scalar) {
            if wordEnded, !result.isEmpty { result.append(" ") }
            wordEnded = false
            result.append(scalar)
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9":
                append(scalar)
            case "A"..."Z":
                append(Unicode.Scalar(scalar.value + 32) ?? scalar)
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
        return String(result)
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
        let chars = Array(title)
        var index = 0
        // "Part 13:" / "Section 2."
        for word in ["part ", "section ", "chapter "] where title.lowercased().hasPrefix(word) {
            let rest = Array(chars[word.count...])
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, let sep = rest.dropFirst(digits.count).first, sep == ":" || sep == "." {
                return String(rest.dropFirst(digits.count + 1)).trimmingWhitespace
            }
        }
        if let first = chars.first, first.isASCII, first.isNumber {
            // 1  1.  10.  2.3  3.1.1  1)
            while index < chars.count, chars[index].isASCII, chars[index].isNumber || chars[index] == "." {
                index += 1
            }
            if index < chars.count, chars[index] == ")" || chars[index] == ":" { index += 1 }
            guard index < chars.count, chars[index].isWhitespace else {
                return index == chars.count ? "" : title
            }
            return String(chars[index...]).trimmingWhitespace
        }
        // A.  IV.  b)
        var letters = 0
        while letters < chars.count, chars[letters].isASCII, chars[letters].isLetter { letters += 1 }
        guard letters > 0, letters < chars.count - 1,
              chars[letters] == "." || chars[letters] == ")",
              chars[letters + 1].isWhitespace else { return title }
        let token = String(chars[..<letters])
        let isRoman = token.uppercased() == token && token.allSatisfy { "IVXLC".contains($0) }
        guard letters == 1 || isRoman else { return title }
        return String(chars[(letters + 1)...]).trimmingWhitespace
    }
}
