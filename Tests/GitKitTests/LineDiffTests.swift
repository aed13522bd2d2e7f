import GitKit
import Testing

/// The lines of a new version that a change touched, from libgit2's line diff.
@Suite struct LineDiffTests {
    private func touched(_ old: String, _ new: String) throws -> [ClosedRange<Int>] {
        try LineDiff.touchedLines(from: Array(old.utf8), to: Array(new.utf8))
    }

    @Test func addedAndModifiedLines() throws {
        #expect(try touched("a\nb\nc\n", "a\nB\nc\nd\ne\n") == [2...2, 4...5])
        #expect(try touched("a\nb\n", "a\nb\n") == [])
    }

    /// A deletion touches the line before it, or the first line when it removed the opening lines.
    @Test func deletionsTouchTheLineBefore() throws {
        #expect(try touched("a\nb\nc\nd\n", "a\nb\nd\n") == [2...2])
        #expect(try touched("a\nb\nc\n", "c\n") == [1...1])
    }

    @Test func aNewFileIsTouchedWhole() throws {
        #expect(try touched("", "a\nb\n") == [1...2])
    }
}
