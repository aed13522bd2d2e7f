/// Makes untrusted text (file names, document text) safe to print on a terminal or CI log:
/// control characters, DEL, C1 controls and bidirectional overrides are shown as `\u{…}`
/// escapes (`\n`, `\r`, `\t`, ESC as `\n`, `\r`, `\t`, `\e`), never emitted raw.
public enum TerminalText {
    public static func escape(_ text: String) -> String {
        if !needsEscaping(text) { return text }
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

    /// True when the text holds a control character, DEL, a C1 control or a bidirectional
    /// override: one pass over the UTF-8 bytes, no scalar decoding.
    private static func needsEscaping(_ text: String) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F { return true }
            // C1 controls: C2 80…C2 9F.
            if previous == 0xC2, (0x80...0x9F).contains(byte) { return true }
            // U+200E/F (E2 80 8E/8F), U+202A…E (E2 80 AA…AE), U+2066…9 (E2 81 A6…A9).
            if beforePrevious == 0xE2, previous == 0x80, [0x8E, 0x8F, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE].contains(byte) { return true }
            if beforePrevious == 0xE2, previous == 0x81, (0xA6...0xA9).contains(byte) { return true }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// An escaped path that cannot be read as a CI log command (`::error`, `##vso[`) when
    /// it starts a line.
    public static func path(_ path: String) -> String {
        let escaped = escape(path)
        return escaped.hasPrefix(":") || escaped.hasPrefix("#") ? "./" + escaped : escaped
    }
}
