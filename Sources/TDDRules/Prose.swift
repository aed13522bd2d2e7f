import TDDMarkdown

/// How the prose-reading rules read what authors write: questions, hedges, decisions left
/// open, deferrals, risks and the ways a risk is handled. Every test is on lowercased text
/// and matches whole words or phrases.
enum Prose {
    /// Phrases matched on whole words, whatever the case and punctuation.
    struct Phrases: Sendable {
        private let written: [String]
        /// Each phrase's words after the first, by its first word, with its place in the list.
        private let byFirstWord: [String: [(index: Int, rest: [String])]]

        init(_ phrases: [String]) {
            written = phrases
            var byFirstWord: [String: [(index: Int, rest: [String])]] = [:]
            for (index, phrase) in phrases.enumerated() {
                let words = Prose.words(phrase)
                guard let first = words.first else { continue }
                byFirstWord[first, default: []].append((index, Array(words.dropFirst())))
            }
            self.byFirstWord = byFirstWord
        }

        /// The first phrase of the list that the text says, as written in the list.
        func first(in text: String) -> String? {
            matches(in: text).min().map { written[$0] }
        }

        /// Every phrase the text says, in list order, as written in the list.
        func all(in text: String) -> [String] {
            matches(in: text).sorted().map { written[$0] }
        }

        /// Every place a phrase of the list starts in the words, with the phrase as written.
        func occurrences(in words: [String]) -> [(phrase: String, position: Int)] {
            occurrenceIndices(in: words).map { (written[$0.index], $0.position) }
        }

        /// The list positions of the phrases the text says: one look-up per word of the text.
        private func matches(in text: String) -> Set<Int> {
            Set(occurrenceIndices(in: Prose.words(text)).map(\.index))
        }

        private func occurrenceIndices(in words: [String]) -> [(index: Int, position: Int)] {
            var found: [(index: Int, position: Int)] = []
            for (position, word) in words.enumerated() {
                for candidate in byFirstWord[word] ?? [] {
                    let end = position + 1 + candidate.rest.count
                    if end <= words.count, words[(position + 1)..<end].elementsEqual(candidate.rest) {
                        found.append((candidate.index, position))
                    }
                }
            }
            return found
        }
    }

    // MARK: - Helpers

    /// Lowercased words: letters, digits and apostrophes; `-` and `/` split words.
    static func words(_ text: String) -> [String] {
        var result: [String] = []
        // Built as UTF-8 bytes: appending scalars to a String one by one is several times slower.
        var current: [UInt8] = []
        func endWord() {
            guard !current.isEmpty else { return }
            result.append(String(decoding: current, as: UTF8.self))
            current.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                // ASCII without the Unicode property tables: most of every document.
                switch value {
                case 0x41...0x5A: current.append(UInt8(value + 0x20))
                case 0x61...0x7A, 0x30...0x39, 0x27: current.append(UInt8(value))
                default: endWord()
                }
            } else if scalar == "\u{2019}" {
                current.append(0x27)
            } else if scalar.properties.isAlphabetic {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                    UTF8.encode(lower) { current.append($0) }
                }
            } else {
                endWord()
            }
        }
        endWord()
        return result
    }
}

extension Prose {
    /// How a question or risk reads once everything attached to it is taken into account.
    enum Reading: Equatable {
        /// Answered, mitigated, accepted with a reason, or set aside on purpose.
        case settled
        /// Possibly not settled; the reason says why (reported as a warning).
        case doubtful(String)
        /// Plainly not settled (reported at the rule's severity).
        case open
    }

    /// True for a paragraph that introduces what follows (`… as follows:`).
    static func introduces(_ text: String) -> Bool {
        let trimmed = text.trimmingWhitespace
        return trimmed.hasSuffix(":") || trimmed.hasSuffix(";")
    }

    /// True for a short line that names a topic rather than saying something about it
    /// (`Metric cardinality`, `Risk: Security`): what follows it belongs to it.
    static func isTitle(_ text: String) -> Bool {
        let trimmed = text.trimmingWhitespace
        guard let last = trimmed.last, !".:?!".contains(last) else { return false }
        return words(trimmed).count <= 8
    }

    /// True when every paragraph asks the author for something rather than saying it, and one
    /// instructs: a template's prompts left in place (`What are the risks …`, `Consider …`).
    static func onlyPrompts(_ paragraphs: [String]) -> Bool {
        let firstWords = paragraphs.map { paragraph -> String in
            let said = words(paragraph)
            // "For example, consider …" instructs too.
            return (said.starts(with: ["for", "example"]) ? said.dropFirst(2).first : said.first) ?? ""
        }
        let instructs = firstWords.contains { imperatives.contains($0) }
        return instructs && firstWords.allSatisfy { imperatives.contains($0) || interrogatives.contains($0) }
    }

    /// True for a template's prompt about the document left in a paragraph of its own ("What
    /// are the risks of this proposal and how do we mitigate. Think broadly."): every sentence
    /// asks or instructs, and it speaks of the proposal itself.
    static func isPrompt(_ paragraph: String) -> Bool {
        onlyPrompts(sentences(paragraph)) && documentItself.first(in: paragraph) != nil
    }

    /// How a template's prompts name the document they sit in.
    static let documentItself = Phrases(["this proposal", "this enhancement", "this kep", "this design", "this change",
                                         "this feature", "this rfc"])

    static let imperatives: Set<String> = ["consider", "think", "describe", "list", "explain", "include", "identify",
                                           "provide", "summarize", "outline"]

    /// True when the text is only a placeholder: `TBD`, `TODO: …`, `To be completed`, `None`.
    static func isPlaceholder(_ text: String) -> Bool {
        if TextPatterns.isUndecided(text) { return true }
        let lowered = words(text)
        guard let first = lowered.first else { return true }
        if ["tbd", "todo", "fixme", "tba", "xxx"].contains(first) { return true }
        let joined = lowered.joined(separator: " ")
        return ["to be completed", "to be written", "to be added", "to be filled in", "coming soon", "none",
                "n a", "pending", "unknown"].contains(joined)
    }
}
