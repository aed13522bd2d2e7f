import TDDRules

/// What identifies a finding across edits, for the reports that follow findings over time
/// (SARIF's `partialFingerprints`, GitLab Code Quality's `fingerprint`): the document's path,
/// the finding's identity (rule, section, message: moving unrelated lines keeps it, as
/// `--new-only` matches findings), and which of several identical findings it is.
enum Fingerprint {
    /// One fingerprint per finding of `document`, in the order of its findings.
    static func all(in document: Report.Document) -> [String] {
        all(document.verdict.findings, path: document.path)
    }

    /// One fingerprint per finding of `findings`, all of the document at `path`, in order.
    static func all(_ findings: [Finding], path: String) -> [String] {
        var seen: [String: Int] = [:]
        return findings.map { finding in
            let identity = FindingIdentity(finding)
            let key = [path, identity.ruleId, identity.section, identity.message].joined(separator: "\u{0}")
            let occurrence = seen[key, default: 0] + 1
            seen[key] = occurrence
            return hash(key) + ":\(occurrence)"
        }
    }

    /// 64-bit FNV-1a, as 16 hex digits.
    static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
