import Foundation
import Testing
import TestSupport
@testable import TDDMarkdown

/// A table of `columns` columns and 200 rows.
private func wideTable(columns: Int) -> String {
    String(repeating: "a|", count: columns) + "\n" + String(repeating: "-|", count: columns) + "\n"
        + String(repeating: "x\n", count: 200)
}

private func parse(_ text: String) throws -> Document {
    guard case .document(let document) = DocumentReader.parse(text) else {
        throw ParseFailure()
    }
    return document
}

private struct ParseFailure: Error {}

private func headings(_ document: Document) -> [String] {
    document.allSections.map { "\($0.level):\($0.location.line):\($0.normalizedTitle)" }
}

@Suite struct DocumentModelTests {
    @Test func standardTemplateHasElevenSectionsWithFields() throws {
        let text = try String(contentsOfFile: Package.fixture("documents/standard-tdd-template.md"), encoding: .utf8)
        let document = try parse(text)
        #expect(document.title == "Technical Design Document (TDD)")
        let sections = document.allSections.filter { $0.level == 2 }
        #expect(sections.count == 11)
        #expect(sections[0].normalizedTitle == "introduction")
        #expect(sections[0].fields.map(\.name) == ["Purpose", "Scope", "Audience"])
        #expect(sections[0].fields[0].value == "Explain why this document exists and what it aims to cover.")
        #expect(sections[0].fields[0].location.line == 4)
        #expect(sections[9].normalizedTitle == "risks and mitigation strategies")
        #expect(sections[9].location.line == 65)
    }

    @Test func extendedTemplateKeepsItsNumberingSlips() throws {
        let text = try String(contentsOfFile: Package.fixture("documents/extended-tdd-template.md"), encoding: .utf8)
        let document = try parse(text)
        let sections = document.allSections.filter { $0.level == 2 }
        #expect(sections.count == 15)
        #expect(sections.map { TitleNormalizer.leadingNumber($0.title) ?? "" }.suffix(4) == ["13.", "14.", "15.", "15."])
        #expect(sections.last?.normalizedTitle == "appendix")
    }

    @Test func titlesNormalizeTheSameWhateverTheirAlphabet() {
        let titles = ["## 10. Risks & Mitigation Strategies", "Part 13: Rollout", "Section 2. Scope", "IV. Appendix",
                      "b) Open Questions [optional]", "A. Risks", "Apple. Pie", "Don't Panic!", "C++ + Rust",
                      "Questions (if applicable)", "3.1.1 Deep", "Chapters 4: not numbered", "  Spaced   out  "]
        #expect(titles.map(TitleNormalizer.normalize) == [
            "10 risks and mitigation strategies", "rollout", "scope", "appendix", "open questions", "risks",
            "apple pie", "dont panic", "c and and and rust", "questions", "deep", "chapters 4 not numbered", "spaced out",
        ])
        // ASCII is read byte by byte and a letter outside it is decoded apart: the words before
        // it must come out the same (after the `[optional]`-style suffixes, which must end the title).
        for title in titles where !title.hasSuffix("]") && !title.hasSuffix(")") {
            #expect(TitleNormalizer.normalize(title + " é") == TitleNormalizer.normalize(title) + " é")
        }
    }

    @Test func onlyTheAskedSectionsKeepTheirBlocks() throws {
        let text = """
            Status: Draft

            # Cache
            A read-through cache.
            ## Summary
            Caches reads.
            ## Risks
            - Cold start.
            ### Later
            - Memory growth.
            ## Plan
            Ship it.
            """
        guard case .document(let document) = DocumentReader.read(Array(text.utf8), keepsBlocks: { $0 == "risks" }) else {
            throw ParseFailure()
        }
        let blockCounts = document.allSections.map { ($0.title, $0.blocks.count) }
        #expect(document.preamble.count == 1)
        #expect(blockCounts.map(\.0) == ["Cache", "Summary", "Risks", "Later", "Plan"])
        // The first section (where a status may be), the asked section and its subsection.
        #expect(blockCounts.map(\.1) == [1, 0, 1, 1, 0])
    }

    @Test func headingsInFencedCodeAndHTMLAreNotHeadings() throws {
        let document = try parse("""
            # Title
            ```markdown
            ## Not a heading
            ```
            <div>
            ## Also not
            </div>

            ## Real
            """)
        #expect(headings(document) == ["1:1:title", "2:9:real"])
    }

    @Test func setextHeadingsAndHashWithoutSpace() throws {
        let document = try parse("Title\n=====\n\nMotivation\n----------\ntext\n#NotAHeading\n")
        #expect(headings(document) == ["1:1:title", "2:4:motivation"])
    }

    @Test(arguments: [
        ("## 10. Risks & Mitigation Strategies", "risks and mitigation strategies"),
        ("### risks and mitigation strategies:", "risks and mitigation strategies"),
        ("## 1) Introduction", "introduction"),
        ("## A. Appendix", "appendix"),
        ("## IV. Data Design", "data design"),
        ("## 2.3 API + Interfaces", "api and interfaces"),
        ("## **Open** _Questions_", "open questions"),
        ("### Open Questions [optional]", "open questions"),
        ("## Part 13: Dependencies", "dependencies"),
        ("## 5. 风险与缓解 (Risks & Mitigations)", "风险与缓解 risks and mitigations"),
    ])
    func normalizedTitles(heading: String, expected: String) throws {
        let document = try parse(heading + "\n")
        #expect(document.allSections.first?.normalizedTitle == expected)
    }

    @Test func frontMatterIsReadAndLinesStillCount() throws {
        let document = try parse("---\ntitle: Cache\nstatus: Draft\n---\nIntro\n---\n\n## Design\n")
        #expect(document.frontMatter?["status"]?.scalar == "Draft")
        #expect(document.title == "Cache")
        // "Intro\n---" is a setext heading in the body, at its real line.
        #expect(headings(document) == ["2:5:intro", "2:8:design"])
    }

    @Test func frontMatterThatWouldBeASetextHeadingIsStripped() throws {
        let document = try parse("---\ntype: tdd\n---\n# Real Title\n")
        #expect(headings(document) == ["1:4:real title"])
    }

    @Test func bomAndCRLFKeepLineNumbers() throws {
        let lf = try parse("# T\n\n## A\n\n- item\n\n## B\n")
        let crlf = try parse("\u{FEFF}# T\r\n\r\n## A\r\n\r\n- item\r\n\r\n## B\r\n")
        #expect(headings(lf) == headings(crlf))
        #expect(headings(crlf) == ["1:1:t", "2:3:a", "2:7:b"])
    }

    @Test func invalidUTF8IsReadWithAWarning() throws {
        var bytes = Array("# T\n\n## Caf".utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array("\n".utf8)
        guard case .document(let document) = DocumentReader.read(bytes) else {
            Issue.record("not parsed")
            return
        }
        #expect(document.notices.map(\.kind) == [.invalidUTF8])
        #expect(document.notices.first?.location.line == 3)
        #expect(document.allSections.last?.title.contains("\u{FFFD}") == true)
    }

    @Test func nulBytesMakeAFileBinary() {
        guard case .binary = DocumentReader.read([0x23, 0x20, 0x00, 0x41]) else {
            Issue.record("expected binary")
            return
        }
    }

    @Test func sizeLimitRefusesWithoutParsing() {
        let outcome = DocumentReader.parse(String(repeating: "a", count: 100), limits: InputLimits(maxBytes: 10))
        guard case .tooLarge(let bytes, let limit) = outcome else {
            Issue.record("expected tooLarge")
            return
        }
        #expect(bytes == 100 && limit == 10)
    }

    @Test func tableBombIsRefusedBeforeTheParser() {
        let n = 2000
        let bomb = String(repeating: "x|", count: n) + "\n" + String(repeating: "-|", count: n) + "\n"
            + String(repeating: "x\n", count: n)
        guard case .refused(let message, let line) = DocumentReader.parse("# T\n\n" + bomb) else {
            Issue.record("expected refusal")
            return
        }
        #expect(line == 4)
        #expect(message.contains("\(n) columns"))
    }

    @Test func nestingWithinTheLimitIsRead() throws {
        let document = try parse("# T\n\n" + String(repeating: "> ", count: 90) + "deep\n")
        #expect(document.allSections.count == 1)
    }

    /// Each input would make cmark-gfm take super-linear time or memory; each is written in a
    /// way a line-by-line, LF-only guard would miss.
    @Test(arguments: [
        ("table, CR line ends", (wideTable(columns: 1_200) + "\n").replacingOccurrences(of: "\n", with: "\r"), "1200 columns"),
        ("table, rows joined by CR", wideTable(columns: 600).replacingOccurrences(of: "x\n", with: "x\r"), "100000 cells"),
        ("table in a quote", wideTable(columns: 1_200).split(separator: "\n").map { "> " + $0 }.joined(separator: "\n"), "1200 columns"),
        ("table in a list item", "- " + wideTable(columns: 1_200).split(separator: "\n").joined(separator: "\n  "), "1200 columns"),
        ("quotes nested deep", String(repeating: ">", count: 50_000) + " deep\n", "nested 50000 deep"),
        ("lists nested deep, then brackets", String(repeating: "- ", count: 11_000) + String(repeating: "[", count: 3_500), "nested 11000 deep"),
        ("image brackets", String(repeating: "![[]()", count: 2_000), "2000 `[`"),
        ("emphasis runs", String(repeating: "*a**b_", count: 3_000), "10000 emphasis marks"),
    ])
    func pathologicalInputIsRefusedBeforeTheParser(_ name: String, _ body: String, _ expected: String) {
        guard case .refused(let message, _) = DocumentReader.parse("# T\n\n" + body) else {
            Issue.record("\(name): expected a refusal")
            return
        }
        #expect(message.contains(expected), "\(name): \(message)")
    }

    @Test func aCommentInsideABoldLabelIsCollectedOnce() throws {
        let document = try parse("# T\n\n**Owner: <!-- designgate-disable-next-line -->** team\n")
        #expect(document.comments.count == 1)
    }

    @Test func aParagraphAllInBoldIsStrongOnlyAndLinesInsideItAreFound() throws {
        let document = try parse("# T\n\n**A bold title**\n\n**Label:** text\n\nFirst line.\nSecond line asks?\n")
        let paragraphs = document.allSections.flatMap(\.blocks).compactMap { block -> InlineText? in
            if case .paragraph(let text) = block { return text }
            return nil
        }
        #expect(paragraphs.map(\.isStrongOnly) == [true, false, false])
        #expect(paragraphs[2].location(of: "Second line asks?").line == 8)
        #expect(paragraphs[2].location(of: "not there").line == 7)
    }

    @Test func bracketsInSeparateListItemsAreRead() throws {
        let document = try parse("# T\n\n" + String(repeating: "- [ ] q?\n", count: 3_000))
        #expect(document.allSections.count == 1)
    }

    @Test func listsTasksTablesAndStrikethrough() throws {
        let document = try parse("""
            # T
            ## Open Questions
            - [x] Done? Answer: yes
            - [ ] Open?
            - ~~Struck question~~
              - nested **Resolved:** later

            | Question | Status |
            | --- | --- |
            | Cache \\| or not? | Open |
            """)
        let section = try #require(document.allSections.last)
        guard section.blocks.count == 2, case .list(let list) = section.blocks[0],
              case .table(let table) = section.blocks[1] else {
            Issue.record("unexpected blocks \(section.blocks)")
            return
        }
        #expect(list.items.map(\.task) == [.done, .open, nil])
        #expect(list.items[2].lead?.isStruckThrough == true)
        #expect(list.items[2].children.first?.lead?.text == "nested Resolved: later")
        #expect(list.items[1].location == SourceLocation(line: 4, column: 1))
        #expect(table.columnNames == ["Question", "Status"])
        #expect(table.rows[0].text(at: 0) == "Cache | or not?")
        #expect(table.rows[0].location.line == 10)
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let document = try parse("# T\n\nÄÖÜ **x**\n\n- ü [ ] y\n")
        let section = try #require(document.allSections.first)
        guard case .list(let list) = section.blocks[1] else {
            Issue.record("no list")
            return
        }
        #expect(list.location == SourceLocation(line: 5, column: 1))
    }

    @Test func commentsAreCollectedWithLines() throws {
        let document = try parse("# T\n\n<!-- designgate-disable-next-line a -- why -->\ntext <!-- inline -->\n\n<!--\nmulti\n-->\n")
        #expect(document.comments.map(\.body) == ["designgate-disable-next-line a -- why", "inline", "multi"])
        #expect(document.comments.map(\.location.line) == [3, 4, 6])
        #expect(document.comments.map(\.endLine) == [3, 4, 8])
    }

    /// The whole model of a document holding every form, pinned: any change to what the parser
    /// makes of it (a block, a line, a flag, a field) shows up as a diff of the golden file.
    @Test(arguments: ["model-forms", "standard-tdd-template"])
    func modelMatchesItsGoldenDump(name: String) throws {
        let text = try String(contentsOfFile: Package.fixture("documents/\(name).md"), encoding: .utf8)
        let dump = try parse(text).debugDescription
        #expect(dump == (try Golden.expected("model/\(name).txt", actual: dump)))
    }
}
