import TDDMarkdown

/// How authors tell a risk and the ways they say it is handled, accepted or left open.
extension Prose {
    /// Words that describe something going wrong.
    static let riskWords = Phrases([
        "risk", "risks", "may", "might", "could", "fail", "fails", "failure", "failures", "break", "breaks",
        "breaking", "broken", "problem", "problems", "problematic", "issue", "issues", "concern", "concerns",
        "overhead", "complexity", "impact", "confusion", "confusing", "confused", "vulnerability", "vulnerable", "attack",
        "attacker", "malicious", "exposes", "exposed", "exposure", "leak", "leaks", "race", "conflict",
        "conflicts", "collision", "collisions", "burden", "degradation", "degrade", "regression", "regressions",
        "slow", "slower", "incompatible", "incompatibility", "inconsistent", "won't", "cannot", "can't", "unable",
        "difficult", "hard to", "side effect", "side-effect", "drawback", "downside", "misuse", "abuse", "exceed",
        "exceeds", "loss", "lose", "stale", "outdated", "unexpected", "overload", "overloaded", "bottleneck",
        "exhaustion", "exacerbate", "exacerbates", "exacerbated", "denial of service", "allowed to the entire", "unsupported", "not supported",
        "susceptible", "dangerous", "unsafe", "wrong", "incorrect", "corrupt", "corruption", "lead to", "leads to",
        "not work", "stop working", "no longer work", "no longer works", "unclear", "not clear", "uncertain", "latency",
        "not sure", "not able to", "not available", "unavailable", "lack of",
        "bug", "bugs", "buggy", "complicated", "more complex", "annoying", "inaccurate", "not accurate", "not that accurate",
        "impacted", "disrupt", "disrupts", "disrupted", "disruption", "misconfiguration", "misconfigured",
        "poor configuration", "not recommended", "not really recommended", "dependence on", "dependency on",
        "dependencies on", "reliance on", "useless", "unusable", "more code", "surface area", "not compatible",
        "not fully compatible",
    ])

    /// True when the text says something may go wrong; "only one may be set at a time" grants
    /// or limits a permission, it does not.
    static func describesRisk(_ text: String) -> Bool {
        let textWords = words(text)
        return riskWords.occurrences(in: textWords).contains { phrase, position in
            !possibilityWords.contains(phrase) || !permits(textWords, at: position)
        }
    }

    /// "only one may be set", "users may only": the modal at `position` limits what is allowed.
    private static func permits(_ words: [String], at position: Int) -> Bool {
        words[max(0, position - 2)..<position].contains("only") || words.dropFirst(position + 1).first == "only"
    }

    /// True when the text names what goes wrong, not only that something may happen
    /// ("may lead to many objects", "there may be confusion"; not "we could require them").
    static func namesHarm(_ text: String) -> Bool {
        riskWords.all(in: text).contains { !possibilityWords.contains($0) }
    }

    /// True when the text names harm besides the risks it points back to: "The above risks
    /// should be considered during reviews" names none of its own.
    static func namesHarmOfItsOwn(_ text: String) -> Bool {
        let textWords = words(text)
        return riskWords.occurrences(in: textWords).contains { phrase, position in
            !possibilityWords.contains(phrase)
                && !(["risk", "risks"].contains(phrase) && position > 0 && backPointers.contains(textWords[position - 1]))
        }
    }

    /// Words that point back to what was said before ("these risks", "the above").
    private static let backPointers: Set<String> = ["this", "that", "these", "those", "such", "above", "both"]

    /// Risk words that only say something may happen, naming no harm.
    static let possibilityWords: Set<String> = ["may", "might", "could"]

    /// True when the text names harm that no negation just before it denies: "causing issues
    /// if the approver does not sync" does, "does not cause issues" does not.
    static func assertsHarm(_ text: String) -> Bool {
        let textWords = words(text)
        return riskWords.occurrences(in: textWords).contains { phrase, position in
            !possibilityWords.contains(phrase) && !guarantees(textWords, at: position)
                && textWords[max(0, position - 4)..<position].allSatisfy { !denyingWords.contains($0) }
        }
    }

    /// "These webhooks … cannot be easily overridden": the negation at `position` says what no
    /// one can do to a safeguard, a guarantee rather than harm.
    private static func guarantees(_ said: [String], at position: Int) -> Bool {
        guard ["cannot", "can't", "won't"].contains(said[position]), said.indices.contains(position + 1),
              said[position + 1] == "be" else { return false }
        // Past an adverb: "cannot be easily overridden".
        let verb = said[(position + 2)...].drop { $0.hasSuffix("ly") }.first
        return verb.map(defeatedVerbs.contains) ?? false
    }

    /// What an attacker or a careless user would do to a safeguard.
    private static let defeatedVerbs: Set<String> = ["overridden", "bypassed", "circumvented", "tampered", "forged",
                                                     "spoofed", "subverted"]

    /// Phrases that say how a risk is handled: prevented, detected, recovered from, documented.
    static let handlingPhrases = Phrases([
        "mitigate", "mitigates", "mitigated", "mitigating", "mitigation", "mitigations",
        "to prevent", "prevents", "prevented", "will prevent", "to avoid", "avoids", "avoided", "avoid this",
        "we will", "we'll", "we are going to", "we plan to", "is planned", "planned to", "we can", "can be",
        "could be mitigated", "fall back", "falls back", "fallback", "we rely on", "we can rely on", "it relies on", "relying on",
        "guarded by", "protected by", "protection", "protections", "handled by", "is handled", "are handled", "addressed by", "is addressed", "address this",
        "been addressed", "be addressed", "are addressed", "addressed in", "safeguard", "safeguards",
        "measures to", "removes a", "eliminates", "eliminating", "covered by", "documentation", "documented", "document how",
        "will document", "we document", "should", "recommend", "recommended", "our recommendation", "the recommendation is", "best practice",
        "best practices", "feature gate", "opt-in", "opt in", "can be disabled", "ensure", "ensures", "make sure",
        "validate", "validates", "validated", "validation webhook", "validation webhooks", "api validation", "enforce", "enforces", "enforced", "restrict",
        "restricts", "restricted to", "ensuring", "reconciles", "reconciled", "reject", "rejects", "rejected", "rate limit", "rate limiting", "limited to",
        "quota", "bounded", "capped", "budget", "budgets", "roll back", "rollback", "revert", "retry", "retries", "will alert", "alert the", "alert users", "alert operators", "raise an alert", "raises an alert",
        "fires an alert", "alerting", "a warning", "warn", "warns", "warned", "warnings are", "warnings will",
        "emit warnings", "emits warnings", "log warnings", "logs warnings", "show warnings", "shows warnings",
        "testing", "tests", "e2e", "is important", "it is important", "solution is",
        "solution would", "workaround", "responsibility", "reviewed by", "being reviewed", "reviews by", "review by", "release notes", "will be updated",
        "proposes to", "propose to", "we propose", "maintain compatibility",
        "maintaining compatibility", "tracking upstream", "restore",
        "be able to", "allows an administrator", "is controlled", "are controlled", "backward compatible",
        "backwards compatible", "no impact", "does not affect", "not affect", "doesn't affect", "no new",
        "adds no", "to fix", "how to fix", "to address", "the alternative to", "the alternative is", "an alternative is", "is posted", "is reported", "are reported", "be reported", "been reported", "gets reported", "detect", "detects",
        "vetted", "by hand", "continue to work", "continues to work", "still works", "as before",
        "unchanged", "as required by", "rejection", "will implement", "will need to implement", "will also need", "need updating", "needs updating",
        "will need to be updated", "addressed accordingly",
        "operators can", "users can", "administrators can", "operators need to", "users need to", "administrators need to", "admins need to", "instead of causing",
        "instead of failing", "rather than failing", "we have to", "we must",
        "choose not to", "chose not to", "decided not to", "decide not to", "deliberately",
        "available as an option", "available as an alternative", "report an error", "reports an error",
        "log an error", "logs an error",
        "an error is reported", "corrected", "reverted", "migration path", "migration paths",
        "will follow the same", "follows the same", "the same pattern as",
        // "addresses" as a verb, not "IP addresses".
        "addresses this", "addresses these", "addresses those", "addresses the", "addresses existing", "addresses common",
        "addresses such", "addresses all", "addresses both", "addresses it", "addresses any", "addresses that",
        "addresses concerns", "addresses several", "addresses many", "addresses most",
        "events emitted", "events are emitted", "events will be emitted", "emit events", "emits events",
        "conditions will be set", "condition will be set", "print a message", "prints a message", "print an error",
        "prints an error", "remediate", "remediated", "remediates",
        "will be smaller", "will be reduced", "will be minimized", "is minimized", "are minimized",
        "reduces the impact", "reduce the impact", "minimizes the impact", "minimize the impact",
    ])

    /// Phrases that accept a risk and say why.
    static let acceptancePhrases = Phrases([
        "acceptable", "acceptably", "risk is low", "risk is minimal", "risk is small", "is minor",
        "relatively minor", "unlikely", "low probability", "intentional", "by design", "accept the risk",
        "accepted risk", "we accept", "worth the", "outweigh", "outweighs", "greater than the", "not a concern",
        "not be significant", "not significant", "insignificant", "negligible", "is minimal", "no security impact",
        "not a problem", "not be a problem", "won't be a problem", "expect this to be very rare", "very rare", "low risk", "minimal risk",
        "little risk", "little impact", "minimal impact", "low impact", "no additional risk", "no additional risks",
        "not be an issue", "not an issue", "not cause any serious", "does not introduce", "doesn't introduce",
        "will be accepted", "is accepted", "be accepted", "no problem", "the expected behavior", "the expected behaviour",
        "the intended behavior", "the intended behaviour", "working as intended", "there is no risk", "poses no risk", "the good news", "luckily", "fortunately",
        "no different from", "not a new risk", "wouldn't happen because", "would not happen because",
        "won't happen because", "will not happen because", "cannot happen because", "can't happen because",
        "doesn't happen because", "does not happen because", "expected to be small", "expected to be minimal",
        "expected to be low", "expected to be negligible", "not common", "uncommon", "not really a risk",
        "do not conflict", "does not conflict", "don't conflict", "doesn't conflict", "non-goal", "no worse than",
        "no greater than",
    ] + ["high", "big", "major", "serious", "significant", "large"].flatMap { size in
        ["risk", "concern", "problem", "issue"].map { "not a \(size) \($0)" }
    })

    /// True when a sentence of the text says how a risk is handled and does not take it back
    /// ("cannot be mitigated", "must be considered").
    static func saysHandled(_ text: String) -> Bool {
        let sentences = sentences(text)
        let parts = sentences.flatMap(clauses)
        let partWords = parts.map(words)
        // After the risk's own first clause, an instruction (`Document prerequisites and
        // surface clear events`, `…; expose clear status conditions`) says what is done about it.
        if partWords.dropFirst().contains(where: { $0.first.map(handlingInstructions.contains) ?? false }) { return true }
        if sentences.contains(where: { remediesOnCondition($0) || requiresToPrevent($0) || answersForIt($0) }) { return true }
        if partWords.contains(where: {
            pointsToSection($0) || actsOnIt($0) || leavesToItsOwner($0) || removedByTheDocument($0) || isCostOfNotDoingIt($0)
        }) {
            return true
        }
        if handlingPhrases.first(in: text) == nil { return preventsByConsequence(text) }
        func handles(_ clause: String) -> Bool {
            let clauseWords = words(withoutInvertedCondition(clause))
            // "have inadequate tests", "no documentation": a lack of handling, not handling.
            let handling = handlingPhrases.occurrences(in: clauseWords).contains { phrase, position in
                let before = clauseWords[max(0, position - 2)..<position]
                return (position == 0 || !lackingWords.contains(clauseWords[position - 1]))
                    && !(limits.contains(phrase) && before.contains(where: consuming.contains))
                    && !deniedBefore(before)
                    // "not adding the skips that we should": what should be done, not a remedy.
                    && !(phrase == "should" && before.elementsEqual(["that", "we"]))
                    && (phrase != "can be" || isDoneToIt(clauseWords[(position + 2)...]))
                    && !isBareNeed(clauseWords, at: position, phrase: phrase)
            }
            return handling && !saysNotMitigated(clause)
        }
        // "There are currently no mitigation measures. Please try to avoid …": the author says it is not handled.
        if sentences.contains(where: { deniesMitigation($0) && !clauses($0).contains(where: handles) }) { return false }
        return parts.contains(where: handles) || preventsByConsequence(text)
    }

    /// "For this reason, the status condition clearly indicates that …": what the design does
    /// because of the risk, when that tells no harm of its own.
    private static func answersForIt(_ sentence: String) -> Bool {
        let said = words(sentence)
        return reasonOpenings.contains { said.starts(with: $0) } && !assertsHarm(sentence)
            && !said.contains(where: possibilityWords.contains)
    }

    /// Openings that tell a decision taken for the reason before ("Because of this, …" tells a
    /// consequence, often the harm itself).
    private static let reasonOpenings: [[String]] = [["for", "this", "reason"], ["for", "these", "reasons"], ["to", "this", "end"]]

    /// True when the words after "can be" say what is done about it ("can be disabled", "can be
    /// manual or automated"), not what it is ("can be a problem", "can be even an admission
    /// webhook").
    private static func isDoneToIt(_ after: ArraySlice<String>) -> Bool {
        guard let next = after.first(where: { !["also", "even", "still", "then"].contains($0) }) else { return false }
        return !["a", "an", "the"].contains(next)
    }

    /// True when the handling phrase ends the clause as a need ("…, but needs to be addressed",
    /// "must be mitigated"): what is to be done, with nothing said about how.
    private static func isBareNeed(_ clauseWords: [String], at position: Int, phrase: String) -> Bool {
        guard position + words(phrase).count == clauseWords.count else { return false }
        let passive = clauseWords[position] == "be" ? position : position - 1
        guard passive > 0, clauseWords[passive] == "be" else { return false }
        let before = clauseWords[..<passive].suffix(2)
        return before.last == "must" || (before.count == 2 && before.last == "to" && needs.contains(before[before.startIndex]))
    }

    private static let needs: Set<String> = ["need", "needs", "has", "have", "yet", "remains"]

    /// True when the words just before a handling phrase deny it: "not documented", "have not
    /// been validated", "won't be able to".
    private static func deniedBefore(_ before: ArraySlice<String>) -> Bool {
        guard let last = before.last else { return false }
        if negations.contains(last) { return true }
        return before.count == 2 && negations.contains(before[before.startIndex]) && auxiliaries.contains(last)
    }

    private static let auxiliaries: Set<String> = ["be", "been", "being", "is", "are", "was", "were", "get", "got"]

    /// The clause without a leading "Should" that only states a condition ("Should issues reach
    /// a branch, …" is "if issues reach a branch"), which recommends nothing.
    static func withoutInvertedCondition(_ clause: String) -> String {
        let trimmed = clause.trimmingWhitespace
        guard trimmed.lowercased().hasPrefix("should "), !trimmed.hasSuffix("?") else { return clause }
        return String(trimmed.dropFirst("should ".count))
    }

    /// "…; see the Upgrade Strategy section for further discussion": a clause handing the risk
    /// to the part of the document that deals with it.
    static func pointsToSection(_ said: [String]) -> Bool {
        guard said.contains(where: { ["section", "sections", "below", "above"].contains($0) }) else { return false }
        // "This is discussed in the QoS Class Mismatch Risks section", not "the risk described in
        // the previous section".
        return opensWithPointer(said) || said.indices.dropLast(2).contains { index in
            ["is", "are", "been", "be"].contains(said[index]) && pointingVerbs.contains(said[index + 1]) && said[index + 2] == "in"
        }
    }

    /// Verbs saying where in the document something is dealt with.
    private static let pointingVerbs: Set<String> = ["discussed", "described", "covered", "detailed", "explained",
                                                     "addressed", "outlined", "handled"]

    /// Words between "we" and what we do (`we also limit`).
    private static let manners: Set<String> = ["also", "additionally", "further", "therefore", "then", "explicitly",
                                               "instead", "always"]

    /// "So, we limit the size of `succeededIndexes` to 64KiB": the authors doing one of the
    /// handling instructions, not on a condition ("If we limit it, …").
    static func actsOnIt(_ said: [String]) -> Bool {
        guard let first = said.first, !["if", "unless", "when", "whether"].contains(first) else { return false }
        for index in said.indices where said[index] == "we" {
            let verb = said[(index + 1)...].drop(while: manners.contains).first
            if let verb, handlingInstructions.contains(verb), !designVerbs.contains(verb) { return true }
        }
        return false
    }

    /// Instructions that, said of ourselves, state the design rather than a remedy ("Because we
    /// use a single queue, a slow consumer may block the rest").
    private static let designVerbs: Set<String> = ["use", "provide", "maintain", "require", "track"]

    /// Who a risk can be left to.
    private static let owners: Set<String> = ["user", "users", "admin", "admins", "administrator", "administrators",
                                              "operator", "operators", "customer", "customers", "owner", "owners"]

    /// "It is up to the user to stay informed and update their images", "the customer
    /// acknowledges that …": the risk handed to whoever can act on it.
    static func leavesToItsOwner(_ said: [String]) -> Bool {
        return said.indices.dropLast().contains { index in
            (said[index] == "up" && said[index + 1] == "to" && said[(index + 2)...].prefix(3).contains(where: owners.contains))
                || (owners.contains(said[index]) && ["acknowledges", "acknowledge", "accepts", "accept"].contains(said[index + 1]))
        }
    }

    /// Words before a handling phrase that say it is missing (`inadequate tests`, `no documentation`).
    static let lackingWords: Set<String> = ["inadequate", "insufficient", "lacking", "missing", "without", "no", "poor", "little"]

    /// Limits that handle a risk when they are set ("a quota caps it"), not when they are used up
    /// ("might require increasing the quota", "exhausted their budget").
    private static let limits: Set<String> = ["quota", "budget", "budgets"]
    private static let consuming: Set<String> = ["require", "requires", "required", "increase", "increasing", "exceed",
                                                 "exceeds", "exceeded", "exhaust", "exhausts", "exhausted", "additional",
                                                 "more", "over"]

    /// Phrases saying there is no mitigation at all.
    private static let denials = ["no mitigation", "not mitigated", "cannot be mitigated", "can't be mitigated",
                                  "not be mitigated"]
    /// Sentences denying any mitigation: the risk is not handled, whatever advice follows. (Only
    /// the shared denials also take a handling clause back.)
    static let mitigationDenials = Phrases(denials + ["no mitigations", "no way to mitigate", "no way around",
                                                      "no workaround", "no known workaround"])

    /// True when a sentence says a risk has no mitigation at all (not "cannot be fully
    /// mitigated", not "no mitigation other than helping users").
    static func deniesMitigation(_ sentence: String) -> Bool {
        guard mitigationDenials.first(in: sentence) != nil else { return false }
        let said = words(sentence)
        return Set(said).isDisjoint(with: ["fully", "completely", "entirely", "totally", "itself", "except", "besides"])
            && !zip(said, said.dropFirst()).contains { $0 == ("other", "than") }
    }

    /// Phrases saying a risk is still being studied: not handled yet.
    static let studyPhrases = Phrases(["open question", "open questions", "key question", "question is whether",
                                       "question here is whether", "still open", "remains open", "remain open",
                                       "we do not know", "we don't know", "not yet determined", "to be determined",
                                       "work is needed to understand", "work is needed to determine",
                                       "needs further investigation", "needs more investigation",
                                       "avenues to explore", "options to explore", "ideas to explore"])

    /// True when the text says the risk is still an open question, and not in a sentence that
    /// goes on with the author's estimate ("we don't know who uses it but we expect few do") or
    /// with what they did about it ("we don't know which configurations exist, so we put it
    /// behind a feature gate").
    static func saysUnderStudy(_ text: String) -> Bool {
        guard studyPhrases.first(in: text) != nil else { return false }
        return sentences(text).contains { sentence in
            let said = words(sentence)
            let study = studyPhrases.occurrences(in: said)
            guard !study.isEmpty else { return false }
            // "… will have to be determined by the user": someone decides it, nothing is left open.
            if study.allSatisfy({ $0.phrase == "to be determined" && said.dropFirst($0.position + 3).first == "by" }) { return false }
            return !said.indices.dropLast(2).contains { index in
                (said[index] == "but" && said[index + 1] == "we" && estimatingWords.contains(said[index + 2]))
                    || (said[index] == "so" && said[index + 1] == "we")
            }
        }
    }

    /// Verbs giving the author's estimate.
    private static let estimatingWords: Set<String> = ["suspect", "expect", "believe", "estimate", "assume"]

    /// A sentence's clauses, split where it turns (`No mitigation in Argo, but docs will warn`).
    static func clauses(_ sentence: String) -> [String] {
        sentence.components(separatedBy: ", but ").flatMap { $0.components(separatedBy: "; ") }
    }

    /// Verbs that open an instruction for handling a risk.
    static let handlingInstructions: Set<String> = [
        "document", "monitor", "surface", "use", "reject", "validate", "enforce", "recommend", "highlight",
        "maintain", "track", "limit", "cap", "warn", "alert", "retry", "require", "provide", "address",
        "mitigate", "ensure", "avoid", "prevent", "gate", "restrict", "communicate", "publish", "audit",
        "expose", "emit", "notify", "verify", "test", "forbid", "disallow", "prohibit", "block", "deny",
    ]

    static func saysAccepted(_ text: String) -> Bool { acceptancePhrases.first(in: text) != nil }

    /// True when a sentence after the risk turns against it (`turnsAgainstRisk(_:)`), or a
    /// sentence turns to why the harm does not hold here ("…, but in this case the dimensions
    /// are known"): the author weighed the risk and accepts it.
    static func countersRisk(_ text: String) -> Bool {
        let sentences = sentences(text)
        return sentences.dropFirst().contains(where: turnsAgainstRisk)
            || sentences.contains { turnsToThisCase($0) || keepsWorking($0) }
    }

    /// True for a sentence opening with a turn that tells no harm, asks nothing and leaves
    /// nothing open ("However, it is a proven production setup."), or that finds the risk no
    /// greater than what exists, whatever harm the comparison names ("However the overall
    /// attack surface … is similar").
    static func turnsAgainstRisk(_ sentence: String) -> Bool {
        guard opensWithTurn(sentence) else { return false }
        return counters(sentence) || deniesTheAttacker(words(sentence))
            || (comparisons.first(in: sentence) != nil && !asksQuestion(sentence) && !saysNotMitigated(sentence))
    }

    /// "But this code cannot be exchanged because the attacker does not have access to the key":
    /// what the attacker cannot do (not "an attacker cannot be detected").
    private static func deniesTheAttacker(_ said: [String]) -> Bool {
        said.indices.contains { index in
            guard ["attacker", "attackers", "adversary"].contains(said[index]) else { return false }
            var after = said[(index + 1)...].prefix(3)
            if ["does", "do", "will", "has", "have"].contains(after.first) { after = after.dropFirst() }
            guard let denial = after.first, ["not", "no", "cannot", "can't", "doesn't", "don't", "won't"].contains(denial) else {
                return false
            }
            return after.dropFirst().first != "be"
        }
    }

    private static let comparisons = Phrases(["is similar", "are similar", "is comparable", "are comparable"])

    /// "…, we won't be able to add rules, but the old ones would still be returned": the turn
    /// says what keeps working.
    private static func keepsWorking(_ sentence: String) -> Bool {
        sentence.components(separatedBy: ", but ").dropFirst().contains { turn in
            words(turn).contains("still") && counters(turn)
        }
    }

    /// Words that open a turn against what was said before.
    static let turningWords: Set<String> = ["however", "but", "nevertheless", "nonetheless"]

    /// True when the text opens by turning against what came before ("However, …").
    static func opensWithTurn(_ text: String) -> Bool {
        words(text).first.map(turningWords.contains) ?? false
    }

    /// True when a turn says why the harm does not hold: no risk, question, denial or study in it.
    private static func counters(_ turn: String) -> Bool {
        !describesRisk(turn) && !asksQuestion(turn) && !saysNotMitigated(turn) && !saysUnderStudy(turn) && saysOpen(turn) == nil
    }

    /// "The risk of metrics is generally cardinality, but in this case the dimensions are known":
    /// the harm holds in general, and the sentence turns to why it does not hold here.
    private static func turnsToThisCase(_ sentence: String) -> Bool {
        let lower = sentence.lowercased()
        return [", but in this case", ", but in our case", ", but here,"].contains { turn in
            guard let range = lower.range(of: turn) else { return false }
            return counters(String(lower[range.upperBound...]))
        }
    }

    /// Denials, placeholders, and handling only announced or taken back.
    static let notMitigatedPhrases = Phrases(denials + [
        "mitigation: none", "mitigation: n/a", "mitigation: tbd", "mitigation: todo",
        "must be considered", "should be considered", "to be considered", "be carefully considered",
        "we can not", "can not handle", "cannot handle", "unable to handle", "not able to handle",
        "not recommended", "not really recommended", "not clear how", "unclear how", "not sure how",
    ])

    /// "cannot be mitigated", "no mitigation", "this impact must be considered".
    static func saysNotMitigated(_ text: String) -> Bool {
        notMitigatedPhrases.first(in: text) != nil
    }

    /// True when a sentence picks up what came before ("However, …", "This means …", "Although
    /// the above may happen, …") rather than starting something new.
    static func refersBack(_ sentence: String) -> Bool {
        let words = words(sentence)
        guard let first = words.first else { return false }
        let pointers: Set<String> = ["this", "that", "these", "those", "such"]
        let named: Set<String> = ["risk", "risks", "issue", "issues", "problem", "problems", "scenario", "scenarios",
                                  "case", "cases", "concern", "concerns", "situation", "situations", "reason", "reasons"]
        // "It is also possible that …", "Another …": a new risk, not more about the one before.
        if words.first == "another" || (words.prefix(4).contains("also") && words.prefix(5).contains("possible")) { return false }
        // "this risk", "this last risk", "the above".
        return ["however", "although", "but", "it", "still"].contains(first) || pointers.contains(first)
            || zip(words, words.dropFirst()).contains { $0 == ("the", "above") }
            || words.indices.contains { index in
                pointers.contains(words[index]) && words[(index + 1)...].prefix(2).contains(where: named.contains)
            }
    }

    /// True when the text negates what it says ("does not break", "no additional risk").
    static func negates(_ text: String) -> Bool {
        !Set(words(text)).isDisjoint(with: denyingWords)
    }

    /// Negations and the words that deny what follows them ("no", "without").
    static let denyingWords = negations.union(["no", "without"])

    /// Words that turn a statement into its opposite.
    static let negations: Set<String> = ["never", "not", "cannot", "won't", "can't", "isn't", "aren't", "doesn't", "don't"]

    /// A sentence opening with a condition whose main clause says what is done when the harm
    /// shows: the reader told what to do ("If you notice a Pod pending for long, you may find out
    /// which component owns the gate and report it"), or the design's response ("In case of
    /// failure when updating, the operator will put the host in a failed state").
    static func remediesOnCondition(_ sentence: String) -> Bool {
        let said = words(sentence)
        guard said.first == "if" || said.first == "when" || said.starts(with: ["in", "case"]) else { return false }
        if let reader = said.indices.dropLast().first(where: { ["you", "one"].contains(said[$0]) && ["can", "may", "should"].contains(said[$0 + 1]) }) {
            let action = said[(reader + 2)...].joined(separator: " ")
            return !action.isEmpty && !describesRisk(action)
        }
        guard let comma = sentence.firstIndex(of: ",") else { return false }
        let response = String(sentence[sentence.index(after: comma)...])
        let responseWords = words(response)
        return !describesRisk(response) && responseWords.indices.dropLast().contains { index in
            responseWords[index] == "will" && responses.contains(responseWords[index + 1])
        }
    }

    /// What a component does when something goes wrong.
    private static let responses: Set<String> = ["put", "mark", "set", "report", "restart", "requeue", "retry", "record",
                                                 "flag"]

    /// "The events must be driven by that cache, otherwise a change could trigger …": a
    /// requirement of the design that keeps the harm after "otherwise" from happening.
    static func requiresToPrevent(_ sentence: String) -> Bool {
        let said = words(sentence)
        guard let otherwise = said.firstIndex(of: "otherwise"), otherwise > 0 else { return false }
        let required = said[..<otherwise]
        let requires = required.contains("must") || zip(required, required.dropFirst()).contains { pair in
            ["has", "have", "needs"].contains(pair.0) && pair.1 == "to"
        }
        return requires && !describesRisk(required.joined(separator: " "))
    }

    /// "This enhancement removes this behavior": the document itself takes the harm away.
    static func removedByTheDocument(_ said: [String]) -> Bool {
        documentItself.occurrences(in: said).contains { _, position in
            position + 2 < said.count && removals.contains(said[position + 2])
        }
    }

    private static let removals: Set<String> = ["removes", "fixes", "solves", "resolves", "eliminates"]

    /// "Failure to pursue this enhancement leaves …", "Without this proposal, …": the harm of not
    /// doing what the document proposes, which the document itself remedies (not "without this
    /// feature gate").
    static func isCostOfNotDoingIt(_ said: [String]) -> Bool {
        documentItself.occurrences(in: said).contains { _, position in
            let before = said[max(0, position - 3)..<position]
            if let next = said.dropFirst(position + 2).first, ["gate", "gates", "flag", "flags"].contains(next) { return false }
            return before.last == "without"
                || (before.contains(where: notDoing.contains) && before.contains(where: doingVerbs.contains))
        }
    }

    private static let notDoing: Set<String> = ["failure", "failing", "not", "don't", "doesn't"]
    private static let doingVerbs: Set<String> = ["pursue", "pursuing", "implement", "implementing", "adopt", "adopting",
                                                  "do", "doing", "have", "having", "accept", "accepting"]

    /// "…, so the state is never hidden", "…, so it is always erased": a sentence that says a
    /// consequence cannot happen or is guaranteed.
    static func preventsByConsequence(_ text: String) -> Bool {
        for sentence in text.lowercased().split(whereSeparator: { ".;".contains($0) }) {
            let sentenceWords = words(String(sentence))
            // "So if …": a connective, not a purpose.
            guard let so = sentenceWords.firstIndex(of: "so"), so > 0 else { continue }
            let after = sentenceWords[(so + 1)...]
            // "and so on", "so far", "so if …": not a purpose clause.
            if ["if", "when", "on", "far", "called", "much", "many", "long"].contains(after.first) { continue }
            // `so limited that users cannot …` is a degree, not a purpose.
            if after.first != "that", after.prefix(4).contains("that") { continue }
            // "…, so the configuration is always erased": a guarantee.
            if after.contains(where: { negations.contains($0) || $0 == "always" || $0 == "only" }) { return true }
        }
        return false
    }

    /// Titles (normalized) of document sections that are neither questions nor risks: a heading
    /// with one of them under Open Questions or Risks sits there because the author's heading
    /// levels slipped.
    static let documentSections: Set<String> = [
        "test plan", "testing", "graduation criteria", "implementation history", "drawbacks", "alternatives",
        "alternatives considered", "design details", "upgrade downgrade strategy", "version skew strategy",
        "production readiness review questionnaire", "infrastructure needed", "future possibilities", "prior art",
        "references", "appendix", "rationale and alternatives", "security considerations", "summary", "motivation",
        "goals", "non goals", "proposal", "user stories", "notes constraints caveats", "risks and mitigations",
        "implementation", "implementation plan", "compatibility", "backwards compatibility", "acknowledgements",
        "acknowledgments", "glossary", "timeline", "rollout plan", "monitoring", "scalability", "troubleshooting",
        "failure modes", "support procedures", "open questions", "unresolved questions", "api extensions",
        "operational aspects of api extensions", "topology considerations", "upgrade strategy",
    ]

    /// True for a normalized title naming a document section rather than a question or a risk:
    /// one of `documentSections`, or a title opening like references do (`References from
    /// other projects`, `Appendix: …`).
    static func isDocumentSection(_ title: String) -> Bool {
        documentSections.contains(title) || ["references", "appendix", "see also", "further reading"].contains(where: title.hasPrefix)
    }
}
