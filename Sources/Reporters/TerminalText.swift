/// Makes untrusted text (file names, document text) safe to print on a terminal or CI log:
/// control characters, DEL, C1 controls and bidirectional overrides are shown as `\u{…}`
/// escapes (`\n`, `\r`, `\t`, ESC as `\n`, `\r`, `\t`, `\e`), never emitted raw.
public enum TerminalText {
    public static func escape(_ text: String) -> String {
        // Most text has nothing to escape: printable ASCII only.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A: result += "\\n"
            case 0x0D: result += "\\r"
            case 0x09: result += "\\t"
            case 0x1B: result += "\\e"
            case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// An escaped path that cannot be read as a CI log command (`::error`, `##vso[`) when
    /// it starts a line.
    public static func path(_ path: String) -> String {
        let escaped = escape(path)
        return escaped.hasPrefix(":") || escaped.hasPrefix("#") ? "./" + escaped : escaped
    }
}
