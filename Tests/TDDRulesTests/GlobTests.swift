import DesignGateKit
import TDDRules
import Testing

/// Document selection patterns, matched as documented in `Glob`.
@Suite struct GlobTests {
    @Test(arguments: [
        ("docs/**/*.md", "docs/a.md", true),
        ("docs/**/*.md", "docs/x/y/a.md", true),
        ("docs/**/*.md", "docsx/a.md", false),
        ("**/README.md", "README.md", true),
        ("**/README.md", "keps/sig/1-x/readme.md", true),
        ("keps/**", "keps/a/b.md", true),
        ("*.md", "a.md", true),
        ("*.md", "docs/a.md", false),
        ("doc?/a.md", "docs/a.md", true),
        ("doc?/a.md", "doc/a.md", false),
        ("[dD]ocs/*-tdd.md", "docs/cache-tdd.md", true),
        ("[!d]ocs/*.md", "docs/a.md", false),
        ("a**b", "a/x/yb", true),
        ("a*b", "a/b", false),
        ("Docs/A.MD", "docs/a.md", true),
        ("[abc", "[abc", true),
        // Backtracking matchers take exponential time on these; this one takes microseconds.
        (String(repeating: "**a", count: 12) + "**b", String(repeating: "a", count: 60) + ".md", false),
        (String(repeating: "*a", count: 40) + "*b", String(repeating: "a", count: 80), false),
    ])
    func globMatches(_ pattern: String, _ path: String, _ expected: Bool) {
        #expect(Glob(pattern).matches(path) == expected, "\(pattern) against \(path)")
    }
}
