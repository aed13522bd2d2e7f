import Foundation
import Testing
import TestSupport

/// Input designgate cannot choose — documents, configurations and files in a repository —
/// built as large and as nasty as the limits allow: every run ends with an exit status
/// (never a signal), refuses what it cannot read safely with a message saying so, and never
/// prints what it should not. Time and memory per input are in `scripts/benchmark --hostile`.
@Suite struct HostileInputTests {
    /// The refusal each pathological document must get (a substring of its finding).
    static let refusals: [String: String] = [
        "table-cr-line-ends": "2000 columns",
        "table-rows-joined-by-cr": "2000 columns",
        "table-in-quote": "2000 columns",
        "table-in-list": "2000 columns",
        "table-header-only-wide": "columns; at most 1000",
        "nested-list-then-brackets": "nested",
        "nested-quotes": "nested",
        "image-brackets": "`[`",
        "link-brackets": "`[`",
        "emphasis-runs": "emphasis marks",
        "front-matter-alias-bomb": "once aliases are expanded",
    ]

    @Test func everyHostileDocumentEndsWithAnExitStatus() throws {
        let folder = try TemporaryDirectory()
        let generated = try run("/usr/bin/env", ["python3", Package.root + "/scripts/hostile-inputs", folder.path])
        #expect(generated.status == 0, "\(generated.stderr)")
        try folder.write("documents.yml", "version: 1\ndocuments:\n  include: [\"*.md\"]\n  detect: false\n")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
        #expect(names.count > 25)
        for name in names {
            let pattern = String(name.dropLast(3))
            let result = try designgate(["check", name, "--config", "documents.yml", "--format", "json"], in: folder.path)
            #expect([0, 1].contains(result.status), "\(pattern): exit \(result.status): \(result.stderr.prefix(300))")
            if let refusal = Self.refusals[pattern] {
                #expect(result.stdout.contains(refusal), "\(pattern): expected a finding with \(refusal)")
            }
        }
    }

    @Test func hostileConfigurationsEndWithAClearError() throws {
        let folder = try TemporaryDirectory()
        _ = try run("/usr/bin/env", ["python3", Package.root + "/scripts/hostile-inputs", folder.path])
        let target = folder.path + "/config-target"
        let bomb = try designgate(["check", "--config", "../alias-bomb.designgate.yml", "docs"], in: target)
        #expect(bomb.status == 2 && bomb.stderr.contains("once aliases are expanded"), "\(bomb.stderr)")
        let globs = try designgate(["check", "--config", "../glob-star-runs.designgate.yml", "docs"], in: target)
        #expect(globs.status == 0, "\(globs.stderr)")

        // An unknown value among 60,000: the error names it and a few valid ones, not all.
        let statuses = (0..<60_000).map { "S\($0)" }.joined(separator: ", ")
        try writeFile(target + "/many.yml", "version: 1\nstatus:\n  values: [\(statuses)]\n  rules:\n    Unknown: { no-placeholders: off }\n")
        let many = try designgate(["check", "--config", "many.yml", "docs"], in: target)
        #expect(many.status == 2 && many.stderr.contains("unknown status `Unknown`"), "\(many.stderr.prefix(300))")
        #expect(many.stderr.contains("and 59980 more") && many.stderr.utf8.count < 2_000)
    }

    @Test func aConfigurationLinkInTheRepositoryIsNotFollowed() throws {
        let repository = try GitRepository()
        try repository.commit(["docs/cache-tdd.md": "# Cache TDD\n"])
        try FileManager.default.createSymbolicLink(atPath: repository.path + "/.designgate.yml", withDestinationPath: "/proc/self/environ")
        let result = try designgate(["check", "--all"], in: repository.path, environment: ["DESIGNGATE_TEST_SECRET": "hunter2-secret"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is a symbolic link, not a regular file; it was not read"), "\(result.stderr)")
        #expect(!result.stderr.contains("hunter2") && !result.stdout.contains("hunter2"))
    }

    @Test func specialFilesAreRefusedWithoutReading() throws {
        let repository = try GitRepository()
        try repository.commit(["docs/cache-tdd.md": "# Cache TDD\n"])
        #expect(mkfifo(repository.path + "/.designgate.yml", 0o644) == 0)
        let fifoConfig = try designgate(["check", "--all"], in: repository.path)
        #expect(fifoConfig.status == 2 && fifoConfig.stderr.contains("is a FIFO, not a regular file"), "\(fifoConfig.stderr)")
        let device = try designgate(["check", "--all", "--config", "/dev/zero"], in: repository.path)
        #expect(device.status == 2 && device.stderr.contains("a character device, not a regular file"), "\(device.stderr)")
        let fifoDocument = try designgate(["check", ".designgate.yml"], in: repository.path)
        #expect(fifoDocument.status == 2 && fifoDocument.stderr.contains("a FIFO"), "\(fifoDocument.stderr)")
    }

    @Test func expandingAFolderNeverLeavesIt() throws {
        let folder = try TemporaryDirectory()
        try folder.write("docs/cache-tdd.md", "# Cache TDD\n")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/docs/passwd.md", withDestinationPath: "/etc/passwd")
        #expect(mkfifo(folder.path + "/docs/pipe.md", 0o644) == 0)
        let result = try designgate(["check", "docs", "--format", "json", "-v"], in: folder.path)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("skipped docs/passwd.md: symbolic link, not followed"), "\(result.stderr)")
        #expect(result.stderr.contains("skipped docs/pipe.md: a FIFO, not a regular file"), "\(result.stderr)")
        #expect(!result.stdout.contains("root:"))
    }

    @Test func aHugeSparseFileIsRefusedBySizeWithoutReading() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("docs/huge-tdd.md", "# Huge TDD\n")
        #expect(truncate(path, 3 << 30) == 0)
        let result = try designgate(["check", "docs/huge-tdd.md"], in: folder.path)
        #expect(result.status == 1)
        #expect(result.stdout.contains("file is 3221225472 bytes, over the 1048576-byte limit"), "\(result.stdout)")
    }

    /// A refused file's finding follows `input-readable`'s configured severity; unset, it is an error.
    @Test func aRefusedFileFollowsTheConfiguredSeverity() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("docs/huge-tdd.md", "# Huge TDD\n")
        #expect(truncate(path, 2 << 20) == 0)
        for (severity, status, expected) in [("off", 0, ""), ("warning", 0, "warning: file is"), ("error", 1, "error: file is")] {
            try folder.write(".designgate.yml", "version: 1\nrules:\n  input-readable: { severity: \(severity) }\n")
            let result = try designgate(["check", "docs/huge-tdd.md"], in: folder.path)
            #expect(result.status == Int32(status), "\(severity): \(result.stdout)")
            #expect(expected.isEmpty ? !result.stdout.contains("input-readable") : result.stdout.contains(expected),
                    "\(severity): \(result.stdout)")
        }
    }

    /// A name that is not valid UTF-8, with an escape sequence in it: the document is read
    /// by its bytes and the name printed escaped.
    @Test func aNameThatIsNotUTF8IsCheckedAndPrintedEscaped() throws {
        let repository = try GitRepository()
        let created = try run("/bin/sh", ["-c", "mkdir -p docs && printf '# Cache TDD\\n' > \"docs/cache-$(printf '\\377\\033[31m')tdd.md\""],
                              in: repository.path)
        #expect(created.status == 0, "\(created.stderr)")
        try repository.git("add", "-A")
        let result = try designgate(["check"], in: repository.path)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("tdd.md:1:1: error: missing section"), "\(result.stdout.prefix(300))")
        #expect(result.stdout.contains("\\e[31m") && !result.stdout.contains("\u{1B}") && !result.stderr.contains("\u{1B}"))
    }

    /// Every input the fuzzer ever kept (Tests/Fixtures/fuzz) still holds its properties.
    @Test func inputsTheFuzzerKeptHoldTheirProperties() throws {
        let kept = Package.fixture("fuzz")
        let folder = try TemporaryDirectory()
        try folder.write("fuzz.yml", "version: 1\ndocuments:\n  include: [\"*.md\"]\n  detect: false\n")
        try folder.write("doc.md", "# Cache TDD\n")
        let names = try FileManager.default.contentsOfDirectory(atPath: kept).sorted()
        #expect(!names.isEmpty)
        for name in names {
            let path = kept + "/" + name
            if name.hasSuffix(".designgate.yml") {
                let result = try designgate(["check", "doc.md", "--config", path], in: folder.path)
                #expect([0, 1, 2].contains(result.status), "\(name): exit \(result.status)")
                if result.status == 2 {
                    #expect(result.stderr.hasPrefix("designgate: error:") && result.stderr.utf8.count < 4_000, "\(name): \(result.stderr.prefix(300))")
                    #expect(!result.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(name): raw control character")
                }
            } else if name.hasSuffix(".md") {
                let copy = try folder.write("kept.md", try Data(contentsOf: URL(fileURLWithPath: path)))
                let result = try designgate(["check", "kept.md", "--config", "fuzz.yml", "-f", "json"], in: folder.path)
                #expect([0, 1].contains(result.status), "\(name): exit \(result.status): \(result.stderr.prefix(300))")
                #expect((try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) != nil, "\(name): JSON does not parse")
                try FileManager.default.removeItem(atPath: copy)
            }
        }
    }

    /// The fuzzer's smoke run: a fixed seed, so a failure here is reproducible with
    /// `scripts/fuzz --designgate .build/debug/designgate`.
    @Test func fuzzSmokeFindsNothing() throws {
        let kept = try TemporaryDirectory()
        let result = try run("/usr/bin/env", ["python3", Package.root + "/scripts/fuzz", "--runs", "160", "--designgate", Package.binary,
                                              "--keep", kept.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    /// A revision or a pre-push line that quotes an escape sequence is printed escaped.
    @Test func errorsQuotingInputAreEscaped() throws {
        let repository = try GitRepository()
        try repository.commit(["README.md": "x\n"])
        let range = try designgate(["check", "--range", "main..\u{1B}]0;owned\u{7}"], in: repository.path)
        let prePush = try designgate(["check", "--pre-push", "origin", "/x"], in: repository.path,
                                     input: "refs/heads/main \u{1B}[2J refs/heads/main 0\n")
        for result in [range, prePush] {
            #expect(result.status == 2, "\(result.stderr)")
            #expect(result.stderr.contains("\\e") && !result.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 },
                    "\(result.stderr)")
        }
    }
}
