import TDDMarkdown

/// How authors ask, answer, hedge, leave open and defer questions.
extension Prose {
    static let interrogatives: Set<String> = [
        "what", "how", "why", "when", "where", "who", "which", "whether", "should", "shall", "do", "does",
        "is", "are", "can", "could", "will", "would", "must", "may", "what's", "how's", "who's", "where's",
        "isn't", "aren't", "shouldn't", "can't", "won't", "doesn't", "don't",
    ]

    /// True when the text asks something: a sentence ending in `?`, or one that opens with a
    /// question word and has no full stop (`Whether to shard the cache`).
    static func asksQuestion(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        // A question in parentheses is an aside (`… the effects of my changes (am I removing a
        // dependency?)`): the sentence around it states, unless the text is only that aside.
        let startsAside = text.trimmingWhitespace.hasPrefix("(")
        var depth = 0
        for (index, scalar) in scalars.enumerated() {
            if scalar == "(" { depth += 1 } else if scalar == ")" { depth = max(0, depth - 1) }
            guard scalar == "?", depth == 0 || startsAside else { continue }
            let next = index + 1 < scalars.count ? scalars[index + 1] : " "
            if next.properties.isWhitespace || [")", "\"", "*", "_", "”", "'"].contains(next) { return true }
        }
        let words = words(text)
        guard let first = words.first, interrogatives.contains(first) else { return false }
        // `When the scale is 0, the base is 2`: a condition and what holds under it.
        if conditionals.contains(first), text.contains(",") { return false }
        // `Could frequently require retries`: a verb then a verb or adverb is a clause without its
        // subject, not a question (`Could we …`, `Is caching required` ask).
        if !whWords.contains(first), let second = words.dropFirst().first,
           second.hasSuffix("ly") || clauseVerbs.contains(second) {
            return false
        }
        return !text.trimmingWhitespace.hasSuffix(".")
    }

    /// Question words that ask on their own; the others are verbs that ask only before a subject.
    static let whWords: Set<String> = ["what", "how", "why", "when", "where", "who", "which", "whether", "what's",
                                       "how's", "who's", "where's"]

    /// Verbs and adverbs that continue a clause whose subject was left out (`Could require …`).
    static let clauseVerbs: Set<String> = [
        "be", "have", "require", "cause", "lead", "break", "result", "make", "take", "need", "increase", "reduce",
        "affect", "introduce", "become", "also", "still", "not", "never", "even",
    ]

    /// Question words that also open a condition.
    static let conditionals: Set<String> = ["when", "where"]

    /// True when the text asks something that is not only an argument: prose whose every
    /// question is rhetorical (`If we pick a base, why not make it 2?`) argues, it does not ask.
    static func asksInEarnest(_ text: String) -> Bool {
        guard asksQuestion(text) else { return false }
        let sentences = sentences(text)
        let questions = sentences.filter { $0.hasSuffix("?") }
        let rhetorical = questions.filter { sentence in
            let words = words(sentence)
            return zip(words, words.dropFirst()).contains { $0 == ("why", "not") }
        }
        return questions.isEmpty || rhetorical.count < questions.count || sentences.count == questions.count
    }

    /// Abbreviations whose full stop ends no sentence (`e.g. the kubelet`).
    static let abbreviations = ["e.g.", "i.e.", "eg.", "ie.", "vs.", "cf.", "approx.", "incl."]

    /// True when the text ends with an abbreviation's full stop.
    private static func endsWithAbbreviation(_ text: Substring) -> Bool {
        // Each abbreviation ends in one of these letters before its full stop.
        guard text.hasSuffix("."), let letter = text.dropLast().last, "gesfxlGESFXL".contains(letter) else { return false }
        // The longest abbreviation has seven characters: look no further back.
        let lastWord = text.suffix(8).split(whereSeparator: { $0.isWhitespace || $0 == "(" }).last.map { $0.lowercased() } ?? ""
        return abbreviations.contains(lastWord)
    }

    /// The text's sentences, each with its closing mark (`.`, `?`, `!`), trimmed. A mark followed
    /// by a lowercase word ends nothing: "Should `!` satisfy it?" is one sentence.
    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        let scalars = text.unicodeScalars
        // Sentences are cut out of the text where they end, not built up one character at a time.
        var start = scalars.startIndex
        var previous: Unicode.Scalar = " "
        /// A closing mark and whitespace were just read: the next word decides.
        var atMark = false
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if atMark, !scalar.properties.isWhitespace {
                atMark = false
                if !Character(scalar).isLowercase {
                    result.append(text[start..<index].trimmingWhitespace)
                    start = index
                }
            } else if previous == "." || previous == "?" || previous == "!", scalar.properties.isWhitespace,
                      !endsWithAbbreviation(text[start..<index]) {
                atMark = true
            }
            previous = scalar
            index = scalars.index(after: index)
        }
        let last = text[start...].trimmingWhitespace
        if !last.isEmpty { result.append(last) }
        return result
    }

    /// True when the text states something as a full sentence, without weighing options or
    /// leaving work to do (`The exclude block will not be considered`), rather than naming a
    /// topic (`Naming of the API`, `Resolution of #112: …`), asking, or saying what is still to
    /// do (`We should consider …`, `A new API may be needed`).
    static func states(_ text: String) -> Bool {
        let head = text.split(separator: ":", maxSplits: 1).first.map(String.init) ?? text
        let words = words(head)
        guard words.count >= 5, let first = words.first, !interrogatives.contains(first),
              !tasks.contains(first) else { return false }
        return words.dropFirst().contains(where: finiteVerbs.contains) && pendingPhrases.first(in: text) == nil
    }

    /// Verbs that open a task still to do (`Clarify that …`, `Decide whether …`).
    static let tasks: Set<String> = [
        "clarify", "decide", "define", "determine", "investigate", "explore", "evaluate", "document", "confirm",
        "verify", "check", "agree", "settle", "choose", "pick", "figure", "discuss", "research", "find", "review",
    ]

    /// Phrases that weigh options or leave work to do: a statement with one is still open.
    static let pendingPhrases = Phrases([
        "consider", "considering", "need to", "needs to", "we need", "would need", "may", "might", "could",
        "alternatively", "whether", "figure out", "investigate", "explore", "evaluate", "decide", "discuss",
        "discussion", "unclear", "unknown", "not sure", "either",
    ])

    /// Phrases saying work is still to do, whatever is decided around them.
    static let workLeftPhrases = Phrases(["need to", "needs to", "will need", "would need", "we need"])

    /// Auxiliary and linking verbs: a text with one after its first word is a sentence.
    static let finiteVerbs: Set<String> = [
        "is", "are", "was", "were", "will", "won't", "should", "must", "shall", "can", "cannot", "can't",
        "would", "isn't", "aren't", "has", "have", "does", "doesn't", "do", "don't",
    ]

    /// True when a text only spells out what came before (`E.g. …`, `For example, …`, `i.e. …`,
    /// `Especially, …`).
    static func elaborates(_ text: String) -> Bool {
        let words = words(text)
        return [["e", "g"], ["eg"], ["i", "e"], ["for", "example"], ["for", "instance"], ["especially"], ["specially"],
                ["in", "particular"], ["particularly"], ["notably"], ["specifically"]].contains { words.starts(with: $0) }
    }

    /// True when an answer only supposes (`If few do, the score reduces to …`): it says what
    /// follows from one answer without giving it.
    static func onlySupposes(_ text: String) -> Bool {
        guard let first = sentences(text).first else { return false }
        return ["if", "depending", "assuming", "suppose", "supposing"].contains(words(first).first ?? "")
    }

    /// True when the text is all in parentheses (`(Keeping in mind small nodes.)`): an aside.
    static func isAside(_ text: String) -> Bool {
        let trimmed = text.trimmingWhitespace
        return trimmed.hasPrefix("(") && (trimmed.hasSuffix(")") || trimmed.hasSuffix(").") || trimmed.hasSuffix(".)"))
    }

    /// True for the line that closes a KEP's unresolved block (`<<[/UNRESOLVED]>>`): markup, not a question.
    static func closesUnresolvedBlock(_ text: String) -> Bool {
        text.trimmingWhitespace.hasPrefix("<<[/")
    }

    /// True when a list item only points elsewhere (`Also see the Trade-offs section`).
    static func onlyPoints(_ text: String) -> Bool {
        !asksQuestion(text) && opensWithPointer(words(text))
    }

    /// True when the words open by pointing elsewhere: `see`, `also see`, `refer to`.
    static func opensWithPointer(_ words: [String]) -> Bool {
        words.first == "see" || words.starts(with: ["also", "see"]) || words.starts(with: ["refer", "to"])
    }

    // MARK: - Open, hedged, deferred

    /// Phrases saying a decision is still to be made.
    static let openPhrases = Phrases([
        "remains to be", "remain to be", "not been determined", "not yet determined", "needs to be determined",
        "need to be determined", "to be determined", "to be decided", "not been decided", "not yet decided",
        "undecided", "unsettled", "unresolved", "open question", "feedback is requested", "feedback requested",
        "until we decide", "need to decide", "needs to be decided", "still open", "is unclear", "not clear yet",
        "to be discussed", "under discussion", "todo", "tbd", "not clear", "no consensus", "not full consensus",
        "without consensus", "some discussion", "still being discussed", "being debated", "is open",
        "are open", "need to resolve", "needs to resolve", "yet to resolve", "items to resolve", "issues to resolve",
        "questions to resolve", "points to resolve", "things to resolve", "to be resolved", "not resolved", "not been resolved", "have not resolved",
        "main options", "open questions", "remain open",
        "remains open", "left open", "leave it open", "leave this open", "subject of discussion", "up for discussion",
        "we do not know", "we don't know",
        "do not know yet", "not known yet", "more work is needed",
        "more work needed", "needs investigation", "need investigation", "needs more thought",
        "may need to be", "might need to be", "requires prototyping", "require prototyping", "first prototyping",
        "should observe whether", "requires deciding", "resolving this", "should be resolved", "must be resolved",
        "there is a question", "question is whether", "a question on whether",
        "convinced otherwise", "open to suggestions", "open to other ideas", "open for discussion",
        "question was raised", "question has been raised", "question was asked", "question came up",
        "question was brought up", "question has come up", "non-obvious", "not obvious",
        "to determine the right way", "to determine the best way", "without solving this", "without resolving this",
    ])

    /// Phrases saying a question was set aside on purpose: a decision too.
    static let deferralPhrases = Phrases([
        "out of scope", "not in scope", "out-of-scope", "deferred to", "is deferred", "future rfc", "future rfcs",
        "another rfc", "separate rfc", "follow-up", "follow up", "followup", "will be resolved",
        "handled separately", "will be handled", "not a goal", "future work", "left for future",
        "future otep", "future oteps", "future proposal", "future proposals", "future enhancement",
        "future enhancements", "separate otep", "another proposal", "separate proposal", "separate kep",
        "fast-follow", "fast follow", "later iteration", "future iteration", "rather than blocking",
        "hold off on", "holding off on", "held off on",
    ])

    /// Phrases that record a decision after a question (`…? This proposal defaults to opt-in`).
    static let decisionPhrases = Phrases([
        "we will", "we'll", "we decided", "decided to",
        "we chose", "we choose", "the idea is", "we go with", "we start", "will be used", "defaults to",
        "the decision is", "we settled", "we plan on", "we plan to", "we prefer", "this proposal prefers",
    ])

    /// The phrase recording a decision, if the text has one.
    static func saysDecided(_ text: String) -> String? { decisionPhrases.first(in: text) }

    /// Phrases that make an answer tentative.
    static let hedgePhrases = Phrases([
        "probably", "maybe", "perhaps", "we could", "we might", "i'm inclined", "i am inclined", "inclined to",
        "the proposal here is", "possibly", "a possible", "one possible", "i think", "not sure", "i believe",
        "i guess", "supposedly", "tentatively", "leaning towards", "leaning toward", "it would be good",
        "proposed", "we propose", "seems", "seem to",
    ])

    /// Phrases that weigh options instead of choosing one (`One option would be …`, `… or may be …`).
    static let optionPhrases = Phrases([
        "one option", "another option", "other option", "alternative would be", "an alternative would",
        "or may", "or might", "or could", "or an alternative", "or alternatively",
    ])

    /// True when an answer lists options rather than choosing one, or supposes one of the
    /// choices without making it (`… If we do keep it, we probably need a rate limit.`).
    static func weighsOptions(_ text: String) -> Bool {
        optionPhrases.first(in: text) != nil || statesTheAlternative(text)
            || (saysDecided(text) == nil && sentences(text).contains { words($0).starts(with: ["if", "we"]) })
    }

    /// "The alternate is to disallow this …" right after the question: the other choice set
    /// beside it, none made.
    static func statesTheAlternative(_ text: String) -> Bool {
        let opening = words(sentences(text).first ?? "").prefix(2)
        return opening.first == "alternatively" || (["the", "an"].contains(opening.first ?? "")
            && ["alternate", "alternative"].contains(opening.dropFirst().first ?? ""))
    }

    /// "…, which of the below is preferred?", or "Should we" left unfinished: a question asking
    /// to choose among the items after it, which are its options rather than answers.
    static func asksToChoose(_ text: String) -> Bool {
        leavesTheListToFinish(text) || sentences(text).contains { sentence in
            guard sentence.contains("?") else { return false }
            let said = words(sentence)
            return said.contains("which") && (said.contains("below") || said.contains("following")
                || zip(said, said.dropFirst()).contains { $0.0 == "of" && ["these", "those"].contains($0.1) })
        }
    }

    /// "Should we" over a list: a question left unfinished on a word that needs more, which
    /// the items after it complete as its options.
    private static func leavesTheListToFinish(_ text: String) -> Bool {
        let trimmed = text.trimmingWhitespace
        guard asksQuestion(trimmed), !trimmed.hasSuffix("?"), let last = words(trimmed).last else { return false }
        return unfinishedEnds.contains(last)
    }

    /// Words a question cannot end on.
    private static let unfinishedEnds: Set<String> = ["we", "to", "a", "an", "the", "either", "between", "be"]

    /// The phrase saying a decision is still open, if the text has one.
    static func saysOpen(_ text: String) -> String? {
        openPhrases.first(in: text) ?? keptOpen(text) ?? inquiryAhead(text) ?? choiceAhead(text) ?? namesChoices(text)
    }

    private static let counts: Set<String> = ["two", "three", "four", "several", "multiple"]
    private static let choices: Set<String> = ["options", "approaches", "alternatives", "choices"]

    /// True when a paragraph says the items after it are choices: it names them standing
    /// (`namesChoices(_:)`), or its last sentence introduces them ("Some options include:").
    static func offersChoices(_ text: String) -> Bool {
        if namesChoices(text) != nil { return true }
        guard introduces(text), let last = sentences(text).last else { return false }
        return !choices.isDisjoint(with: words(last))
    }

    /// "There are two different approaches being considered": several choices standing, none made.
    static func namesChoices(_ text: String) -> String? {
        let words = words(text)
        // "There are two …", "we have two …": the choices stand open now (not "We had three options").
        for index in words.indices.dropFirst() where counts.contains(words[index]) && ["are", "have"].contains(words[index - 1]) {
            let next = words[(index + 1)...].drop(while: { ["different", "possible", "main", "competing"].contains($0) })
            if let noun = next.first, choices.contains(noun) { return "\(words[index]) … \(noun)" }
        }
        return nil
    }

    /// Nouns naming an inquiry still to make.
    private static let inquiries: Set<String> = ["evaluation", "inquiry", "analysis", "study", "research",
                                                 "experimentation", "investigation"]

    /// "We may need further evaluation to decide", "questions that deserve further inquiry":
    /// more inquiry ahead, not one made ("after further evaluation, we chose …").
    private static func inquiryAhead(_ text: String) -> String? {
        let words = words(text)
        for index in words.indices.dropLast() where ["further", "more"].contains(words[index]) && inquiries.contains(words[index + 1]) {
            if index > 0, ["after", "following", "with"].contains(words[index - 1]) { continue }
            return "\(words[index]) \(words[index + 1])"
        }
        return nil
    }

    /// "We may prototype both ways and see which is better": a choice still to make by trying.
    private static func choiceAhead(_ text: String) -> String? {
        let words = words(text)
        for index in words.indices.dropLast() where words[index] == "see" && ["which", "whether"].contains(words[index + 1]) {
            if index > 0, ["and", "to", "then"].contains(words[index - 1]) { return "see \(words[index + 1])" }
        }
        return nil
    }

    /// "We would prefer to keep the question of this possibility open": keeping or leaving
    /// something open, a few words apart.
    private static func keptOpen(_ text: String) -> String? {
        let words = Prose.words(text)
        for (index, word) in words.enumerated() where ["keep", "keeping", "leave", "leaving"].contains(word) {
            if words[(index + 1)...].prefix(6).contains("open") { return "\(word) … open" }
        }
        return nil
    }

    /// True when the text says a decision is still open and does not set it aside on purpose.
    static func leavesOpen(_ text: String) -> Bool { saysOpen(text) != nil && saysDeferred(text) == nil }
    /// The phrase deferring the question, if the text has one.
    static func saysDeferred(_ text: String) -> String? { deferralPhrases.first(in: text) ?? defersToAnotherDocument(text) }

    /// Words that send a question to a document still to come (`a separate subteam RFC`); not
    /// "new" ("an open question … will likely require a new RFC" leaves it open).
    private static let laterWords: Set<String> = ["future", "separate", "seperate", "subsequent", "another", "later"]
    private static let proposalWords: Set<String> = ["rfc", "rfcs", "kep", "keps", "otep", "oteps", "proposal",
                                                     "proposals", "enhancement", "enhancements"]

    /// "… should be resolved in a separate subteam RFC": a later word at most two words before
    /// the kind of document that will decide it.
    private static func defersToAnotherDocument(_ text: String) -> String? {
        let words = words(text)
        for (index, word) in words.enumerated() where proposalWords.contains(word) {
            if let later = words[max(0, index - 2)..<index].first(where: laterWords.contains) { return "\(later) … \(word)" }
        }
        return nil
    }

    /// The phrase that makes the text tentative, if it has one.
    static func hedge(_ text: String) -> String? { hedgePhrases.first(in: text) }

    /// True when a tentative answer takes itself back after a "but" ("I think it is, but I
    /// haven't proved it", "…, but it may be that it isn't"): the question stays open.
    static func doubtsItself(_ text: String) -> Bool {
        guard hedge(text) != nil, let turn = text.range(of: " but ", options: .caseInsensitive) else { return false }
        return selfDoubtPhrases.first(in: String(text[turn.upperBound...])) != nil
    }

    /// Phrases saying the author is not certain of what they just said.
    static let selfDoubtPhrases = Phrases([
        "haven't proved", "have not proved", "not proven", "not proved", "haven't verified", "have not verified",
        "not verified", "haven't confirmed", "not confirmed", "not sure", "not certain", "may be that", "might be that",
        "may not be", "might not be",
    ])

    /// True when the text only supposes or leans (`seems easier`, `it could live in …`) rather
    /// than stating what is so or what will be done.
    static func isTentative(_ text: String) -> Bool {
        hedge(text) != nil || words(text).contains(where: speculation.contains)
    }

    /// Modal words that speculate rather than state (`It could live in …`).
    static let speculation: Set<String> = ["could", "would", "might", "may", "maybe", "perhaps", "possibly", "ideally"]
}
