import Foundation
import Testing
import TestSupport
@testable import DesignGateKit

/// Commit trailers are found as git finds them: each message is compared with
/// `git interpret-trailers --parse --no-divider`, the way git reads a commit's trailers.
@Suite struct TrailerTests {
    @Test(arguments: [
        "Retry charges\n\nDesign: docs/design/payments.md\n",
        "Retry charges\n\nBody.\n\nDesign: docs/design/payments.md\nReviewed-by: Alice <a@example.com>\n",
        "Design: docs/design/payments.md\n",
        "Retry charges\n\nDesign: docs/design/payments.md\n\nA last paragraph of prose.\n",
        "Retry charges\n\nDesign: docs/design/payments.md\nthis line is prose\n",
        "Retry charges\n\nDesign: docs/design/payments.md\nthis line is prose\nSigned-off-by: Test <t@example.com>\n",
        "Retry charges\n\nprose one\nprose two\nprose three\nprose four\nDesign: docs/x.md\nSigned-off-by: T <t@example.com>\n",
        "Retry charges\n\nprose one\nprose two\nprose three\nprose four\nprose five\nprose six\nprose seven\nDesign: docs/x.md\nSigned-off-by: T <t@example.com>\n",
        "Retry charges\n\nDesign: docs/design/\n  payments.md\n",
        "Retry charges\n\ndesign : docs/design/payments.md\n",
        "Retry charges\n\nDesign: docs/design/payments.md\n---\ndiff --git a/x b/x\n",
        "Retry charges\n\nNot A Trailer: value\n",
        "Retry charges\n\n(cherry picked from commit 0123456789abcdef0123456789abcdef01234567)\nDesign: docs/x.md\n",
    ])
    func trailersAreFoundAsGitFindsThem(message: String) throws {
        let git = try run("/usr/bin/git", ["interpret-trailers", "--parse", "--no-divider"], input: message)
        #expect(git.status == 0)
        // git prints each trailer as `Key: value`, continuation lines unfolded.
        let expected = git.stdout.split(separator: "\n").map(String.init)
        let found = DesignReferences.trailers(in: message).map { "\($0.key): \($0.value)" }
        #expect(found == expected, "\(message)")
    }

    @Test(arguments: [
        ("docs/design/payments.md", "docs/design/payments.md"),
        ("`./docs/design/payments.md`", "docs/design/payments.md"),
        ("[payments](/docs/design/payments.md)", "docs/design/payments.md"),
        ("https://github.com/acme/shop/blob/main/docs/design/payments.md#risks", "docs/design/payments.md"),
        ("https://gitlab.com/acme/shop/-/blob/main/docs/design/payments.md", "docs/design/payments.md"),
    ])
    func aReferenceNamesARepositoryPath(value: String, path: String) {
        #expect(DesignReferences.path(in: value) == path)
    }

    @Test func aReferenceOutsideTheRepositoryOrToNoFileIsNone() {
        #expect(DesignReferences.path(in: "../secrets.md") == nil)
        #expect(DesignReferences.path(in: "https://example.com/wiki/Payments") == nil)
        #expect(DesignReferences.path(in: "see the payments design") == nil)
    }
}
