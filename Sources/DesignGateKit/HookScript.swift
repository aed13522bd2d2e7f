/// The git hooks designgate provides.
public enum HookKind: String, CaseIterable, Sendable {
    case preCommit = "pre-commit"
    case prePush = "pre-push"

    /// What the hook checks, for its header comment.
    var purpose: String {
        switch self {
        case .preCommit: "checks the staged design documents"
        case .prePush: "checks the design documents in the commits being pushed"
        }
    }

    /// The `designgate` arguments the hook runs.
    var checkArguments: String {
        switch self {
        case .preCommit: "check --staged"
        case .prePush: "check --pre-push \"$@\""
        }
    }
}

/// The text of a designgate hook script. The standalone form is the one shipped in `hooks/`
/// (designgate found on PATH or through `DESIGNGATE`); the installed form also remembers the
/// binary that installed it and can run a chained hook first.
public struct HookScript: Sendable {
    /// The line that marks a hook as designgate's own, so install and uninstall recognise it.
    public static let marker = "# designgate-managed-hook"

    public let kind: HookKind
    /// The designgate binary to run when `DESIGNGATE` is not set (falls back to PATH).
    public let binary: String?
    /// Whether the hook that was there before (kept as `<hook>.designgate-chained`) runs first.
    public let chained: Bool

    public init(kind: HookKind, binary: String? = nil, chained: Bool = false) {
        self.kind = kind
        self.binary = binary
        self.chained = chained
    }

    /// The file name a chained hook is kept under, beside the hook.
    public static func chainedName(_ kind: HookKind) -> String { kind.rawValue + ".designgate-chained" }

    /// The file name a hook replaced with `--force` is backed up under.
    public static func backupName(_ kind: HookKind) -> String { kind.rawValue + ".designgate-backup" }

    /// True when `text` is a designgate hook (standalone or installed).
    public static func isDesignGateHook(_ text: String) -> Bool {
        text.split(separator: "\n").contains { $0.hasPrefix(marker) }
    }

    /// True when `text` is exactly what designgate writes for `kind` (with whatever binary
    /// it recorded, chained or not): a marked hook someone edited is theirs, not designgate's.
    public static func isUnmodified(_ text: String, kind: HookKind) -> Bool {
        let recorded = text.split(separator: "\n").first { $0.hasPrefix("designgate=${DESIGNGATE:-'") }
            .map { line in
                String(line.dropFirst("designgate=${DESIGNGATE:-'".count).dropLast(2)).replacingOccurrences(of: "'\\''", with: "'")
            }
        return [nil, recorded].contains { binary in
            [false, true].contains { chained in
                Self.skipChecks.contains {
                    HookScript(kind: kind, binary: binary, chained: chained).render(skipCheck: $0) == text
                }
            }
        }
    }

    /// How a hook lets a user skip the check once: the header comment that says so and the
    /// shell lines that do it.
    struct SkipCheck {
        let comment: [String]
        let lines: [String]
    }

    /// Every skip check designgate has written, newest first: hooks written by earlier versions
    /// are still designgate's own, so `hook uninstall` and `hook install` replace them.
    static let skipChecks = [
        SkipCheck(comment: [
            "# DESIGNGATE names the designgate binary; DESIGNGATE_SKIP=1 (or true, yes) or the pre-commit",
            "# framework's SKIP=designgate skips the check once.",
        ], lines: [
            "case \"$(printf '%s' \"${DESIGNGATE_SKIP:-}\" | tr '[:upper:]' '[:lower:]')\" in",
            "    1|true|yes)",
            "        echo \"designgate: DESIGNGATE_SKIP=$DESIGNGATE_SKIP, design documents not checked\" >&2",
            "        exit 0 ;;",
            "esac",
            "case \",$(printf '%s' \"${SKIP:-}\" | tr -d ' '),\" in",
            "    *,designgate,*)",
            "        echo \"designgate: SKIP names designgate, design documents not checked\" >&2",
            "        exit 0 ;;",
            "esac",
        ]),
        SkipCheck(comment: ["# DESIGNGATE names the designgate binary; DESIGNGATE_SKIP=1 skips the check once."], lines: [
            "if [ \"${DESIGNGATE_SKIP:-}\" = \"1\" ]; then",
            "    echo \"designgate: DESIGNGATE_SKIP=1, design documents not checked\" >&2",
            "    exit 0",
            "fi",
        ]),
    ]

    public func render() -> String { render(skipCheck: Self.skipChecks[0]) }

    /// The script with `skipCheck` (an earlier version's, to recognise its hooks).
    func render(skipCheck: SkipCheck) -> String {
        // pre-push refs arrive on standard input once; a chained hook needs them too.
        let savesInput = chained && kind == .prePush
        let input = savesInput ? " <\"$refs\"" : ""
        var lines = [
            "#!/bin/sh",
            "# designgate \(kind.rawValue) hook: \(kind.purpose).",
            Self.marker + ": `designgate hook install` writes it, `designgate hook uninstall` removes it.",
        ] + skipCheck.comment
        if kind == .prePush {
            lines.append("# git passes the remote name and URL as arguments and the refs on standard input.")
        }
        if savesInput {
            lines += [
                "refs=$(mktemp) || exit 1",
                "trap 'rm -f \"$refs\"' EXIT",
                "cat >\"$refs\"",
            ]
        }
        if chained {
            lines += [
                "# The hook that was here before runs first; its failure stops the \(kind.rawValue).",
                "chained=\"$(dirname \"$0\")/\(Self.chainedName(kind))\"",
                "if [ -x \"$chained\" ]; then",
                "    \"$chained\" \"$@\"\(input) || exit $?",
                "fi",
            ]
        }
        lines += skipCheck.lines
        if let binary {
            lines += [
                "designgate=${DESIGNGATE:-\(Self.quoted(binary))}",
                "command -v \"$designgate\" >/dev/null 2>&1 || designgate=designgate",
            ]
        } else {
            lines.append("designgate=${DESIGNGATE:-designgate}")
        }
        lines += [
            "if ! command -v \"$designgate\" >/dev/null 2>&1; then",
            "    echo \"designgate: not found (looked for '$designgate' on PATH).\" >&2",
            "    echo \"designgate: install it (scripts/bootstrap in a designgate clone, then copy .build/release/designgate onto PATH),\" >&2",
            "    echo \"designgate: or set DESIGNGATE=/path/to/designgate; DESIGNGATE_SKIP=1 skips this check once.\" >&2",
            "    exit 1",
            "fi",
        ]
        if savesInput {
            lines += ["\"$designgate\" \(kind.checkArguments)\(input)", "exit $?"]
        } else {
            lines.append("exec \"$designgate\" \(kind.checkArguments)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` as one single-quoted sh word.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
