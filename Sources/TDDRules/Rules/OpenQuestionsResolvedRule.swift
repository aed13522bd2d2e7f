import TDDMarkdown

/// Every item of the Open Questions section is resolved.
public struct OpenQuestionsResolvedRule: Rule {
    public static let description = RuleDescription(
        id: "open-questions-resolved",
        summary: "every open question is resolved",
        description: """
            A design is not ready for approval while its questions are open. The section is \
            found by alias (Open Questions, Open Questions/Issues, Unresolved Questions, \
            Outstanding Questions, Questions, Open Issues) or by a title that says its \
            questions or issues are open (Questions and Open Issues, Remaining Questions), opens \
            with the word (Questions for Reviewers) or puts them up for discussion (Questions and \
            Discussion Topics); not Survey, Frequently Asked Questions, Questions and Answers, \
            questions the title says are settled (Questions Resolved during Review), or links \
            to a tracker's issues (Links to Open Issues). \
            A question is a list item, a table \
            row of a question table (one with a status, answer or question column), a paragraph \
            that asks (`?`, or a question word) or says a decision is still open ("has not been \
            determined", "feedback is requested", `TODO`), and a sub-heading. A sub-heading that \
            asks is the question and its body the answer; a topic sub-heading holds its own \
            questions (each reported at its words), or is reported once when its body says it is \
            still open; one named like a document section (Test Plan, Graduation Criteria) sits \
            there by a heading-level slip and is not a question. \
            A question is resolved by a checked box `[x]`, by being struck through, by a label \
            standing as a label (Answer, Resolved, Decision, Resolution, Conclusion, Outcome, \
            Solution, `A.`, `**[Solution]**:`) with text after it, also after further discussion, by what is attached to it (a nested item, a second paragraph \
            of the item, a quote or the paragraph right after a question paragraph, a bullet list \
            right after a numbered item, where the author's indent slipped), by a \
            decision to defer it ("out of scope", "follow-up", "a fast-follow"), by a decision \
            stated right after the question mark ("…? The cache defaults to no warmer", "…? In this \
            proposal, we prefer …", "…? --> We \
            give each tenant its own pool") or on a line of its own after it, stating rather than speculating \
            ("It could live in …" does not answer), or in a table by a resolved status \
            or a filled answer column. Tiers: an error when nothing answers it or the answer is a \
            placeholder (`Answer: TBD`, `Decision: TODO`), says it is still open ("we do not \
            know", "more work is needed", "this should be resolved before …") or only supposes ("If few do, …"); a warning ("possibly unresolved") \
            when the answer only proposes ("probably", "we could", "I think"), or when an item \
            asks nothing and states something as a full sentence ("The exclude block will not be \
            considered"), which may record a decision. An open issue that says what will be done \
            about it ("…, so we'll validate the input first") is decided. A code block attached to an item shows what it asks about and answers \
            nothing; a question spelled out in further questions and then decided in its last paragraph \
            ("We plan on …") is answered; "there is a question on whether …" is a question; \
            text after the question mark that spells it out ("E.g. …"), only supposes ("If we do, …"), \
            weighs options ("One option is …"), is an aside in parentheses or a tentative answer \
            the author takes back ("I think it is, but I haven't proved it") does not answer it, nor does a nested \
            `Pros include:` over a list that asks again; an answer that weighs options ("one option would be …", "may be covered by \
            …, or may be …", "Alternative would be …", or a sentence supposing one choice with none \
            made: "If we do keep it, …", or only the other choice: "The alternate is …") leaves it open, and so \
            does one that leaves an inquiry or a trial ahead ("we may need further evaluation to decide", "prototype \
            both ways and see which …"); a nested item narrowing the question ("Especially, …") answers nothing, \
            and after "Questions that deserve further inquiry:" each item is a question; "it was decided to hold \
            off on a final decision" defers it; a line announcing the answer ("Answered during review:") \
            hands the question to the paragraph after it; a paragraph saying several approaches are \
            being considered is the open question, and the list after it holds its options; numbered \
            items that ran into a paragraph (`2. …` after a line of text) are reported at the one that asks, \
            and a question asked later in a paragraph at the sentence that asks it; nested items that only weigh it (points of which one leans, "seems easier", or \
            one point saying what "may" happen) or only say where it was raised ("This question was \
            raised in review") leave it open; an answer saying the author "could be convinced \
            otherwise" leaves it open; a list after an answer that ends in a colon or semicolon \
            spells the answer out and asks nothing; an item that names a topic ("Naming of \
            the API") or leaves work to do ("We should consider …", "may be needed") is an \
            error. A section that \
            says there are none passes; `TBD` does not. Task boxes elsewhere (release \
            checklists) are not questions; an item that only points elsewhere ("see the Risks \
            section"), a condition ("When the cache is full, …") and a rhetorical "why not …?" \
            in an argument are not questions either, nor are the items after an item that ends in a colon and holds \
            nothing (`… must not overwrite it when:`, the indent of its details slipped), unless they ask. Prose saying a topic is still open stays \
            open whatever elaborates it, and where questions are asked paragraph after paragraph \
            a statement among them is not an answer. A paragraph about the section's questions as a \
            whole ("This section highlights the questions we have not resolved yet", "These are \
            design questions to resolve during implementation") is a preamble, \
            not a question; when it says they are open, a tentative answer under a question \
            sub-heading leaves that question open, and a topic sub-heading whose body decides nothing is \
            open. A line pointing to where a question was discussed (`Previous discussion: …`, a \
            list of links) answers nothing; a question in parentheses inside a statement is an \
            aside; a grouping sub-heading that defers (`Questions to be resolved in future RFCs`) \
            settles its questions, and so does a question sent to a later document ("a separate \
            subteam RFC", "a later RFC", not "a new RFC"); "is left open" says a choice is open, and so does a topic \
            sub-heading that lays out options (`Options:`) and picks none, or sets an alternative \
            beside what was only proposed ("X has been proposed … The alternative approach is …"). Every section under the \
            title or an alias is read (one per alternative, say). A question asking to choose among \
            the items after it ("which of the below is preferred?") is open: the items are its \
            options, not its answer. A paragraph saying a topic is unsettled over "Some options \
            include:" is the open question; the options listed after it are not questions.
            """,
        defaultSeverity: .error,
        passingExamples: [
            Example("""
            # Cache
            ## Open Questions
            These are design questions to resolve during implementation; they do not change the API.

            - ~~Should the warmer run as its own service?~~ Decided: it runs in the cache process.
            """),
            Example("""
            # Cache
            ## Open Questions
            ### How should we pass the key to the warmer?
            Some argue the environment is not the safest place. We could read it from the secret, or
            alternatively add a flag.

            *Answer:* We have decided to read it from the secret.
            """),
            Example("""
            # Cache
            ## Open Questions
            Should the warm counter be named a monotonic counter? In this proposal, we prefer warm counter: the name says what it counts.
            """),
            Example("""
            # Cache
            ## Open Questions
            - The client supports two ways of naming a tag.

              Would it be better to ask only for the tag's ID?

              **[Solution]** : Tenants configure the key and the value, as for the other clouds.
            """),
            Example("""
            # Cache
            ## Open Questions
            - [x] Do we shard? Answer: not in v1.
            - ~~Do we need a warmer?~~
            - Which TTL?
              - **Decision:** 5 minutes.
            - Who owns it? Resolved: the platform team.
            - **Multi-region?** Not before v2.
            - Do tenants share a pool? --> We give each tenant its own pool.
            - What would it take to add a tenant?
              Add a line to the tenants file.
            - **Warm-up time:** filling a region may take minutes, so we'll print progress as keys load.

            | Question | Status | Answer |
            | --- | --- | --- |
            | Region? | Closed | eu-west-1 |
            """),
            Example("# Cache\n## Unresolved questions\nNone at this time.\n"),
            Example("# Cache\n## Questions and Answers\n- Why not a managed cache?\n"),
            Example("""
            # Cache
            ## Questions Resolved during Review
            These were open questions that were discussed and resolved in the pull request.
            ### Eviction
            Question: Do we evict by size?

            Answer: By age; the review found no need for size limits.
            """),
            Example("# Cache\n## Links to Open Issues\n- [#518 Provide a cache warmer](https://example.com/issues/518)\n"),
            Example("""
            # Cache
            ## Open Questions
            1. How do we tell operators that the warmer failed?

               What is the best way to raise this error?

               We plan on setting the operator to degraded with a message.
            """),
            Example("# Cache\n## Open Questions\n### Resolved\n- Do we shard?\n### Out of Scope\n- Multi-region\n"),
            Example("# Cache\n## Rollout\n- [ ] sign-off from SRE\n## Open Questions\n- None\n"),
            Example("""
            # Cache
            ## Open Questions/Issues
            Do the audit events carry both users?

            > Yes, the audit events carry both users.

            - Which eviction policy?

              LRU, measured on last quarter's traces.

            ### Who pays for the cluster?
            The platform budget, agreed with finance.

            ### Error messages
            - Do we localise them?
              - Not in v1: English only.

            ### Test Plan
            Unit tests for the eviction policy.
            """),
            Example("""
            # Cache
            ## Open Questions
            - Do we shard? Answer: no, one node is enough.
            - Also see the Risks section

            ### Eviction
            - When the cache is full, the oldest entry goes first.

            If we must pick a default TTL, why not five minutes? No entry in the traces lives longer.

            - How do we pick the eviction mode?
              - On an empty cache, default to LRU.
              - Should the mode be configurable? Yes, with a flag.

            1. A tenant renames its cache.
            - The old entries expire with their TTL.

            - Should the warmer be on by default? The cache defaults to no warmer, so upgrades change nothing.
            - Should the TTL be a percentage? Left as a fast-follow rather than blocking v1.

            **Is one pass enough?**

            Yes, for now.

            The first pass covers the common cases, which are;
            - tenants with one region
            - tenants with a warm cache
            """),
            Example("""
            # Cache
            ## Unresolved questions
            - [x] Do we shard? Answer: not in v1.

            Operators want to see:
            1. The number of keys the warmer skipped (did it skip any?)
            ### Questions to be resolved in future RFCs
            - Cross-region invalidation is still unresolved.
            """),
            Example("""
            # Cache
            ## Unresolved questions
            - How does the CLI show pinned keys? This should be resolved in a separate subteam RFC.

            ### Shared sweepers
            Tenants could share a sweeper. It is unclear how common that is, so it seems best to leave it for a later RFC.

            **What should the eviction order be?** In particular, it may make sense to evict by size. It was
            decided to hold off on a final decision until there is more usage in the wild.
            """),
            Example("""
            # Cache
            ## Open Questions
            1. Do we want a field to turn the warmer off?

            _Answered during review:_

            We see no need: administrators can limit who creates warmers.
            """),
            Example("""
            # Cache
            ## Open Questions
            This section lists the questions we have not resolved yet.

            ### Error messages
            - Do we localise them? Answer: yes, from v2.
            """),
        ],
        failingExamples: [
            Example("""
            # Cache
            ## Unresolved questions
            The name of the `warm` field is unsettled. Some options include: ↓
            - `eager` can imply "warm at start"
            - `local` implies a `remote`
            """),
            Example("""
            # Cache
            ## Open Questions
            - Is it ok to name metrics per operating system? For example, which of the below is preferred? ↓
              1. Top level: `cache.inodes`
              2. Per family: `cache.unix.inodes`
            """),
            Example("""
            # Cache
            ## Open Questions
            ### Form of the warm-up policy
            The policy is written as a plain file, not as a resource.

            Should we ↓
            - Use it as a file unmodified
            - Wrap it in a resource with a spec and a status
            """),
            Example("""
            # Cache
            ## Unresolved questions
            Should we shard the cache? And if yes, by tenant or by region? It is not clear that ↓
            sharding helps small tenants.

            We could let a tenant opt out of sharding altogether.
            """),
            Example("""
            # Cache
            ## Open Questions
            How do we warm a region that is added later? We will need to work with the storage team ↓
            to determine the right way to copy the keys. We can still ship for new regions without
            solving this.
            """),
            Example("""
            # Cache
            ## Open Questions
            1. **Cross-cloud tenants**: a tenant on another cloud has no region here. The warmer ↓
               should be limited to one cloud, or an alternative design is needed for the others.
            """),
            Example("""
            # Cache
            ## Questions and Open Issues
            - **Is one node enough?** If the load doubles, we add a second. ↓
            - Clarify that the warmer runs before each deploy. ↓
            - Do tenants share a pool? --> TBD ↓

            But there is a question on whether the upstream API ends up differing from ours. ↓
            - **Warm-up time:** filling a region may take minutes; we will need to decide whether to print progress. ↓
            - Referencing keys across tenants: ↓
              ```
              get(tenant, key)
              ```
            - Should keys expire on their own? ↓
              - May be covered by the TTL API, or may be approached with a sweeper.
            - Is it too clever to have two `get` overloads? ↓
              - `get` can fail if a null key flows into it.
              - Alternative would be a single overload.
            - What other options should we expose? E.g. a TTL per tenant. Maybe a size cap too. ↓
            - Should we shard by tenant? If we do, rebalancing gets harder. ↓
            - Should every key be namespaced? One option is a prefix per tenant. ↓
            - Should the warmer run as three jobs? ↓
              - Pros include:
                - Smaller jobs
              - Challenges include:
                - Who schedules them?
            - Is the sweeper safe under load? I think it is, but I haven't proved it. ↓
            - How do keys map across regions? ↓
              Regions keep keys in two places, which makes it non-obvious how to map them.
            - What limits should the API have? ↓
              (Keeping in mind the memory of small nodes and possibly other clients.)
            - Keep the sweeper or drop it for now? Dropping it would not affect the first tenants. ↓
              If we do keep it, we probably need a rate limit.
            """),
            Example("""
            # Cache
            ## Open Questions
            1. A warmed entry differs from its source for a while; the warmer must not overwrite it when: ⇣
              1. a deploy restarts the warmer
              1. a periodic audit runs
            1. Should the audit run hourly? ↓

            - Where does the warmer live? ↓
              It could live in the cache itself or in a separate job.
            """),
            Example("""
            # Cache
            ## Questions and Discussion Topics
            - Which eviction policy should the cache use? ↓

            ### Key format ↓
            More work is needed to determine the format. Some possibilities:

            **Prefix**: the tenant first.
            """),
            Example("# Cache\n## Open Questions\n- Should the warmer run before or after the deploy? After is safer. This should be resolved before we build it. ↓\n"),
            Example("""
            # Cache
            ## Open Questions
            1. Where does the warmer live? ↓

            Some maintainers think it fits the deploy tool.

            However, this proposal is about what the warmer does, so let's keep it open until the scope is set.
            """),
            Example("""
            # Cache
            ## Open Questions
            1. A tenant renames its cache.
            - The old entries expire with their TTL.

            2. How does the warmer interact with eviction? ↓
            - TODO
            """),
            Example("""
            # Cache
            ## Open Questions
            We found that the warmer is off in the large clusters, because mass updates load the
            API server. Our clusters are small. Since they are, do we need the warmer at all? ↓
            """),
            Example("# Cache\n## Open Questions\n- Pinned keys will be exempt from the eviction policy. ⇣\n- We should consider a second tier. ↓\n"),
            Example("""
            # Cache
            ## Open Questions
            1. Should the warmer be on by default? ↓
               - Some tenants may rely on a cold start after each deploy.
            2. Is a shared pool or a pool per tenant preferable? ↓
               - A shared pool seems easier to run.
               - A pool per tenant isolates noisy tenants.
            3. Should keys expire on their own? Keys expire with the TTL, but I could be convinced otherwise. ↓
            4. Should the cache have a size cap? ↓
               - This question was raised in the last review.
            """),
            Example("""
            # Cache
            ## Open Questions
            - [ ] Do we shard? ↓
            - Which TTL should we use? ↓
            - ~~Old question~~ Resolved: yes
            ### Who pays for the cluster? ↓
            """),
            Example("""
            # Cache
            ## Open Questions
            | Question | Status |
            | --- | --- |
            | Region? | Open | ↓
            | Owner? | Resolved |
            """),
            Example("# Cache\n## Open Questions\nTBD ↓\n"),
            Example("# Cache\n## Open Questions\n### Unresolved\n- Do we shard? ↓\n- [ ] ↓\n"),
            Example("# Cache\n## Open Questions\nShould the cache be shared across regions?\n\nA: only within a region for now.\n\nHow do we invalidate? ↓\n"),
            Example("""
            # Cache
            ## Open Questions
            - Which region? Answer: TBD ↓
            - Should the key include the tenant, option A: prefix, or B: hash? ↓
            - Do we need a warmer? ⇣

              We could probably add one later.
            ### Error messages
            - Do we localise them? ↓
            - Which log level? ↓
            ### Eviction ↓
            The eviction policy has not been determined yet.
            ### Naming ↓
            The name may not be the best one. For now, naming remains a subject of discussion.
            ### Key prefix ↓
            A prefix per tenant seems straightforward. We would prefer to keep the question of a prefix open.
            """),
            Example("""
            # Cache
            ## Open Questions
            Do we shard by tenant? ↓

            Do we warm the cache on deploy? ↓

            The key names are not inspiring either.

            ### Regions ↓
            Cross-region replication remains an open question.

            We believe a queue would work.
            - Where do the logs go? ↓
              - Write them to disk on each host.
              - Can we reuse the bootstrap service?
            ## Alternatives
            ### Write-through
            #### Open Questions
            - Who flushes the queue? ↓
            """),
            Example("""
            # Cache
            ## Open Questions
            This section highlights the questions we have not resolved yet.

            ### Do we need verbs? ↓
            Previous discussion: https://example.com/pull/1

            We could add a `verbs` field for finer grants.

            ### Eviction ↓
            LRU and LFU both fit last quarter's traces.
            """),
            Example("""
            # Cache
            ## Unresolved questions
            - [x] Do we shard? Answer: not in v1.

            The choice of toolchain to publish the cache docs is left open. ↓
            """),
            Example("""
            # Cache
            ## Open Questions
            ### Way to warm a new region ↓
            Options:

            1. Copy the keys from a sibling region.
            1. Replay the last hour of traffic (from the access logs?)
            ### Key ordering ↓
            Ordered keys have been proposed as the way to pass labels. They are faster, but easier to
            misuse. The alternative approach is to always pass label and value pairs.
            """),
            Example("""
            # Cache
            ## Open Questions
            - Should we allow tenants to pin keys? ↓
              The alternate is to disallow it and evict pinned keys like any other.
            - How about always warming from the origin? ↓

              It keeps the design simple, but we may need further evaluation to decide.
            - How about a shared queue for every region? ↓

              We may prototype both ways and see which balances cost and latency.

            Questions that deserve further inquiry:

            - Interactions with the CDN's own cache ↓
              - Especially, invalidation and ordering.
            """),
            Example("""
            # Cache
            ## Open issues
            Sharding by tenant was dropped in review: a per-region index would be sufficient.
            2. The eviction order as discussed above.
            3. In a warm start, if part of the keys are pinned, ↓
            does every key need a pin?
            """),
            Example("""
            # Cache
            ## Open Questions
            Right now, there are two different approaches being considered for the key format. These approaches are: ↓

            1. The tenant's id first. This follows the storage layout.
            1. The region first. This keeps a region's keys together.
            """),
        ])

    static let labels = ["resolved", "resolution", "answered", "answer", "decision", "decided", "closed",
                         "outcome", "current answer", "conclusion", "solution", "a"]
    static let resolvedStatuses: Set<String> = ["resolved", "closed", "answered", "done", "decided", "yes", "fixed"]
    static let statusColumns: Set<String> = ["status", "state", "resolved"]
    static let answerColumns: Set<String> = ["answer", "answers", "decision", "resolution", "outcome", "response"]

    /// Sub-heading titles (normalized) whose items are answered, or are not questions.
    static let settledHeadings: Set<String> = [
        "resolved", "resolved questions", "answered", "answered questions", "closed", "closed questions",
        "decisions", "decided", "out of scope", "non goals", "future work", "future possibilities",
    ]
    /// Sub-heading titles (normalized) that group open questions rather than ask one.
    static let openHeadings: Set<String> = [
        "open", "open questions", "unresolved", "unresolved questions", "outstanding", "outstanding questions", "pending",
    ]

    static func unresolved(_ item: String) -> String {
        let excerpt = TextPatterns.excerpt(item)
        if excerpt.isEmpty { return "empty open question item; write the question or remove the item" }
        return "open question not resolved: \"\(excerpt)\"; answer it (e.g. `Answer: …`, `[x]`) or strike it through"
    }

    static func doubtful(_ item: String, because reason: String) -> String {
        "possibly unresolved: \"\(TextPatterns.excerpt(item))\"; \(reason)"
    }

    static let statement = "it states something rather than asking; if it is decided, label it `Decision: …`, if not, ask the question"

    static func hedged(_ phrase: String) -> String {
        "the answer reads as a proposal (\"\(phrase)\"), not a decision; state the decision or keep it open"
    }

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        let otherSections = Set(context.profile.sections.flatMap { $0.names })
        return context.sections(for: .openQuestions).flatMap { section in
            QuestionReader(title: section.title, otherSections: otherSections).violations(in: section)
        }
    }

    /// How a list item in a questions section reads: its box, strike-through, labels, and what
    /// is attached to it (nested items, further paragraphs, quotes).
    static func reading(of item: ListItem) -> Prose.Reading {
        switch item.task {
        case .done?: return .settled
        case .open?: return .open
        case nil: break
        }
        guard let lead = item.lead else { return item.fullText.trimmingWhitespace.isEmpty ? .open : .settled }
        if lead.isStruckThrough || lead.startsStruckThrough || TextPatterns.saysNone(lead.text) { return .settled }
        if let question = lead.strongLabel, question.hasSuffix("?") {
            // `**Which default?** …`: the text after the label answers it, unless what is attached says it is open.
            let attached = item.blocks.dropFirst().map(\.plainText).joined(separator: "\n")
            if Prose.leavesOpen(attached) { return .open }
            return answerReading(lead.afterLabel)
        }
        if let answer = resolution(in: lead.text) { return answerReading(answer) }
        for child in item.descendants {
            if let answer = child.lead.flatMap({ resolution(in: $0.text) }) { return answerReading(answer) }
        }
        // A code block shows what the question is about; it answers nothing.
        let attached = item.blocks.dropFirst().filter { block in
            if case .code = block { return false }
            return !block.isInvisible
        }
        if let first = attached.first {
            let all = attached.map(\.plainText).joined(separator: "\n")
            if Prose.isPlaceholder(first.plainText) { return .open }
            // Each attached paragraph and nested item: a further question left open means the
            // rest are options under discussion; otherwise a statement ("default to semver")
            // answers it, and a nested question answered in place (`…? optional flag`) too.
            let statements = attached.flatMap { block -> [String] in
                if case .list(let list) = block { return list.items.map { $0.lead?.text ?? $0.fullText } }
                return [block.plainText]
            }
            // Discussed, then answered under a label (`**[Solution]**: …`).
            if let answer = statements.lazy.compactMap(resolution(in:)).last { return answerReading(answer) }
            // Elaborated with more questions, then decided in the last paragraph (`… We plan on …`).
            if let last = statements.last, !Prose.asksQuestion(last), Prose.saysDecided(last) != nil, Prose.saysOpen(last) == nil {
                return answerReading(last)
            }
            if statements.contains(where: { Prose.asksQuestion($0) && $0.trimmingWhitespace.hasSuffix("?") }) { return .open }
            // "…, which of the below is preferred?" over a list: the items are its options.
            if Prose.asksToChoose(lead.text), attached.allSatisfy({ if case .list = $0 { return true } else { return false } }) {
                return .open
            }
            // A question deeper down (`Challenges include:` → `How do we …?`) is still to answer.
            if item.descendants.contains(where: { $0.lead?.text.trimmingWhitespace.hasSuffix("?") ?? false }) { return .open }
            // `Pros include:` introduces what follows; it answers nothing.
            // `Specially, vendoring and reproducibility.` narrows the question; it answers nothing.
            guard let answer = statements.first(where: { !Prose.asksQuestion($0) && !Prose.introduces($0) && !Prose.elaborates($0) })
            else { return .open }
            if Prose.leavesOpen(all) || Prose.weighsOptions(all) || Prose.weighsOptions(lead.text)
                || onlyWeighs(attached) { return .open }
            return answerReading(answer)
        }
        return reading(ofQuestion: lead.afterLabel)
    }

    /// True when nested items weigh the question rather than answer it: several points, one of
    /// them tentative (`- A seems easier to implement` `- B avoids parsing`), or one point that
    /// only says what may happen (`- Some users may rely on the current behavior`), and none
    /// records a decision, defers the question or opens with yes or no.
    private static func onlyWeighs(_ attached: [Block]) -> Bool {
        var points: [String] = []
        for block in attached {
            guard case .list(let list) = block else { return false }
            points += list.items.map { $0.lead?.text ?? $0.fullText }
        }
        guard let only = points.first, !points.contains(where: { point in
            Prose.saysDecided(point) != nil || Prose.saysDeferred(point) != nil
                || Prose.words(point).first.map { ["yes", "no"].contains($0) } ?? false
        }) else { return false }
        if points.count > 1 { return points.contains(where: Prose.isTentative) }
        return Prose.words(only).contains { $0 == "may" || $0 == "might" }
    }

    /// A question with nothing attached: open, unless it defers itself or answers itself
    /// after its question mark.
    static func reading(ofQuestion text: String) -> Prose.Reading {
        if Prose.saysDeferred(text) != nil { return .settled }
        // An open issue judged not to matter ("…, but we feel this will not be significant").
        if !Prose.asksQuestion(text), Prose.saysAccepted(text) { return .settled }
        // An open issue that says what will be done about it (`…, so we'll validate first`) is decided.
        // "We will need to document …" still leaves the work to do.
        if !Prose.asksQuestion(text), Prose.saysOpen(text) == nil, Prose.saysDecided(text) != nil,
           Prose.workLeftPhrases.first(in: text) == nil {
            return .settled
        }
        // "… should be constrained to one cloud, or an alternative is needed": options weighed, none taken.
        if !Prose.asksQuestion(text), Prose.optionPhrases.first(in: text) != nil { return .open }
        // A sentence that asks nothing and does not say it is open may record a decision.
        if !Prose.asksQuestion(text), Prose.saysOpen(text) == nil, Prose.states(text) { return .doubtful(statement) }
        guard let mark = text.lastIndex(of: "?") else { return .open }
        let rest = text[text.index(after: mark)...]
        let after = rest.trimmingWhitespace
        guard !after.isEmpty else { return .open }
        // `…? --> We map the scope to a service account.`: an arrow points at the answer.
        for arrow in ["-->", "->", "=>", "→"] where after.hasPrefix(arrow) {
            return answerReading(String(after.dropFirst(arrow.count)))
        }
        if let first = Prose.words(after).first, ["yes", "no"].contains(first) { return .settled }
        // `…? E.g. …` spells the question out; `…? If …` only supposes; `…? One option is …` weighs options.
        // `…? (Keeping in mind small nodes.)`: an aside qualifies the question.
        if Prose.saysOpen(after) != nil || Prose.elaborates(after) || Prose.onlySupposes(after) || Prose.weighsOptions(after)
            || Prose.isAside(after) || Prose.doubtsItself(after) {
            return .open
        }
        if let phrase = Prose.hedge(after) { return .doubtful(hedged(phrase)) }
        // `…? This proposal defaults to opt-in.`: the author answers in the same breath, or on a
        // line of its own, stating, not speculating (`…?` then `Simply add a main.go.`, not `It could …`).
        if Prose.saysDecided(after) != nil { return .settled }
        if text.filter({ $0 == "?" }).count == 1, rest.prefix(while: \.isWhitespace).contains("\n"),
           Prose.saysOpen(after) == nil, Set(Prose.words(after)).isDisjoint(with: Prose.speculation) {
            return .settled
        }
        return .open
    }

    /// How an answer reads: a placeholder, an answer that says it is still open or only supposes
    /// (`If few do, …`) leaves the question open; a hedge leaves it in doubt.
    static func answerReading(_ answer: String) -> Prose.Reading {
        if Prose.isPlaceholder(answer) || Prose.onlySupposes(answer) || Prose.weighsOptions(answer) { return .open }
        if Prose.leavesOpen(answer) || Prose.doubtsItself(answer) { return .open }
        if let phrase = Prose.hedge(answer) { return .doubtful(hedged(phrase)) }
        return .settled
    }

    /// The text after a resolution label that stands as a label: at the start of the text or
    /// of a sentence (`Answer: …`, `A. …` after the question), never inside one (`option A: …`).
    static func resolution(in text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        var start = 0
        while start < scalars.count {
            var index = start
            while index < scalars.count, scalars[index].properties.isWhitespace || "*_[".unicodeScalars.contains(scalars[index]) {
                index += 1
            }
            let rest = String(String.UnicodeScalarView(scalars[index...]))
            if let value = labelValue(rest) { return value }
            // The next sentence starts after `.`, `?` or `!` and white space.
            guard let end = scalars[start...].firstIndex(where: { ".?!\n".unicodeScalars.contains($0) }) else { break }
            start = end + 1
        }
        return nil
    }

    /// `Answer: …`, or `A. …`: the value of a resolution label at the start of `text`.
    private static func labelValue(_ text: String) -> String? {
        let value = TextPatterns.value(after: labels, in: text, separators: [":", "："])
            ?? TextPatterns.value(after: ["a"], in: text, separators: ["."])
        return value?.isEmpty == false ? value : nil
    }

    static func hasResolutionLabel(_ text: String) -> Bool {
        resolution(in: text) != nil
    }

    /// The unresolved rows of a question table: one with a status or answer column, or whose
    /// rows ask. Other tables (a data layout shown under a question) hold no questions.
    static func check(_ table: Table, section: String) -> [Violation] {
        let columns = table.columnNames.map(TitleNormalizer.normalize)
        let status = columns.firstIndex { statusColumns.contains($0) }
        let answer = columns.firstIndex { answerColumns.contains($0) }
        let asks = columns.contains { $0.hasPrefix("question") }
            || table.rows.contains { row in row.cells.contains { Prose.asksQuestion($0.text.text) } }
        guard status != nil || answer != nil || asks else { return [] }
        return table.rows.compactMap { row in
            if row.cells.allSatisfy({ TextPatterns.isUndecided($0.text.text) }) { return nil }
            if let status, resolvedStatuses.contains(TitleNormalizer.normalize(row.text(at: status))) { return nil }
            if let answer, !TextPatterns.isUndecided(row.text(at: answer)) { return nil }
            if row.cells.contains(where: { $0.text.isStruckThrough }) { return nil }
            return Violation(unresolved(row.text(at: 0).isEmpty ? row.text(at: 1) : row.text(at: 0)),
                             at: row.location, section: section)
        }
    }
}
