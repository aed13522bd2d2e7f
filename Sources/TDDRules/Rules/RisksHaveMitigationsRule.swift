import TDDMarkdown

/// Every risk in the Risks section has a mitigation.
public struct RisksHaveMitigationsRule: Rule {
    public static let description = RuleDescription(
        id: "risks-have-mitigations",
        summary: "every risk has a mitigation",
        description: """
            A risk without a plan is a surprise waiting to happen. The section is found by alias \
            (Risks and Mitigation Strategies, Risks & Mitigations, Risks, Risk Assessment) or by \
            any title with the word risk (Drawbacks and Risks); a section that only identifies \
            risks is answered by a mitigations section right after it, and so is a sub-heading grouping risks \
            (`#### Risks`, read like the section) by a `#### Mitigations` sub-heading after it — \
            except a listed risk those mitigations never speak of (no content word in common). A \
            risk is a table row, a list item, a `Risk:` paragraph, a short bold title, a prose \
            paragraph that describes something going wrong, or a sub-heading. It is handled \
            when a mitigation is given: a mitigation column (or Decision, Response, Handling) filled in; `Mitigation:` (or \
            Mitigated by, M:, Response, Contingency) inline, in a nested item or in the paragraph \
            after it; a list of mitigations introduced as such after the list of risks (paired by \
            order); the standard template's **Potential Risks** / **Mitigation Plans** fields \
            (paired by id or order); or prose in the item, its nested items, the paragraphs that \
            follow it or its sub-heading's body saying how it is handled — prevented ("to \
            prevent this, we will …"), guarded, validated, tested, documented, falling back, \
            handed to the section that deals with it ("see the Upgrade Strategy section"), \
            relied on ("we rely on a grace period"), done by the authors ("So, we limit the size to \
            64KiB"), left to whoever can act ("It is up to the user to update it"), told as an instruction \
            after the risk ("…; expose clear status conditions"), pointed to where it is dealt with \
            ("This is discussed in the Eviction section"), handled like what exists ("will follow the \
            same access control pattern as other resources"), or "…, so the state is never hidden". A \
            paragraph that opens by handling "these" risks ("This will be mitigated by …") \
            handles every risk of the list before it. A paragraph announcing what follows ("Here is an example of …") is an \
            introduction, not a risk; a label opening a later sentence (`… may be a concern. Solution: …`) \
            gives the mitigation; an author saying there is no mitigation ("There are currently no \
            mitigation measures", "There is currently no way around this") is believed, whatever advice \
            follows ("no mitigation other than a guide" gives the guide). In a list where one item plainly tells a \
            risk, an item saying what something can do ("Unresponsive providers can prevent \
            creation") is a risk too. Handling taken back ("cannot be mitigated", "that we can \
            not handle") or a risk still under study ("one open question is whether …") is not \
            handling ("a key question here is whether …" is under study too); a clause after ", but" is read on its own ("No mitigation in the cache, but \
            the docs will warn"). A \
            paragraph that opens by telling a risk is a risk of its own (one opening "For example" spells out the \
            risk before it), an item introducing risks ("Risks in using the beta client:") holds them in its \
            nested list, and a risk told after a \
            paragraph's handling sentence is another one, reported at its own line; every section under the title or an \
            alias is read (one per alternative, say). A risk accepted with a reason ("considered acceptable because …", "the risk is low", or a \
            later sentence turning against it and telling no harm: "However, it is a proven setup") counts \
            as handled unless `allowAccepted` is false. The harm of not doing what the document proposes \
            ("Failure to pursue this proposal leaves …", "Without this enhancement …") is what the document \
            handles; harm named inside a labelled mitigation that closes a sub-heading's body ("moves readers \
            stuck on unreachable nodes into the Failed phase") is what it handles; "will have to be determined by the \
            user" says who decides, not that the risk is under study; "remediated" handles; "more code" and \
            "surface area" are costs told as risks, and so is "not fully compatible". An item opening with \
            the mitigation ("The best way to mitigate risk is …") answers the risks nested in the item before \
            it; "status conditions will be set and events emitted", "would print a message", "addresses \
            common … concerns" and "eliminating" handle; "the customer acknowledges that …" leaves the risk \
            to its owner; a sub-heading's body ending with a list announced as harm ("There are several \
            issues here:") that no item handles leaves the risk open; a turn saying what the attacker cannot \
            do ("because the attacker does not have the key") counters the risk. A placeholder (`Mitigation: TBD`, `None`, \
            `TODO: …`) is not a mitigation. Tiers: an error when a risk plainly is one (labelled, \
            listed as a risk, or describing a failure, a break, an exposure …) and nothing \
            handles it, or when the author's last word on it is that nothing does; a warning ("possibly unmitigated") for an item or sub-heading that does \
            not read as a risk and says nothing about handling, and for a risk the author goes on \
            about (a nested item, a second paragraph) in words that do not read as handling: \
            they may handle it in a way the rule does not know, so a reviewer decides. A paragraph introducing measures or safeguards introduces mitigations; a sub-heading \
            for references or an appendix is not a risk; a placeholder such as `(FIXME)` above \
            the list is not the list's title, and in a list of bare titles (`- Upgrades`) where \
            one names harm, each is a risk; "might rely on" is a dependency, not handling; "and \
            so on" is no purpose clause; a question attached to a risk handles nothing; "the \
            alternative … is to use", "the good news is", "luckily", "is available as an option", "reports an \
            error", "we deliberately choose not to" and a guarantee after "so" ("…, so entries are always \
            erased") handle; "not recommended" takes a recommendation back; "lack of", "not \
            available", "disrupt" and "impacted" describe harm. Numbered labels (`Risk 1: …`, `**Risk2**:`) \
            label risks, and a list after one (`- Severity: High`) describes it; a `Mitigations:` list \
            after risk paragraphs answers the risks told since the last mitigation; after a \
            `Mitigation:` paragraph answering a `Risk:` paragraph, what follows up to the next label \
            goes on with the mitigation; `Pros:` / `Cons:` items weigh an option, not risks, and \
            "migration paths" handle. "Should a bad key reach production, …" states a condition, \
            not a recommendation; "reported findings", "overridden warnings" are things, not \
            handling; "could be quickly corrected" or "reverted" handles. A paragraph that tells \
            harm before its handling ("Not to be discounted is churn. We disrupted … The mitigation \
            is …") is a risk of its own, not the handling of the risk before it; a paragraph that \
            refers back ("However, per the API's semantics, …") and names no harm of its own goes \
            on with the risk before it, and so does one about "the above risks" ("The above risks should be \
            considered during reviews"). A line with no full stop opening with the mitigation \
            ("Mitigation involves") leads into the list of them; "addresses this by" handles. A paragraph \
            opening "Note that" after a risk is a remark on it; "we don't know who reads it but we \
            suspect …" gives an estimate, it does not leave the risk under study; "there is no way \
            around this" says there is no mitigation. "Which is the expected behavior" and "that wouldn't happen because …" accept; "the \
            safeguard against such failures is …", "security measures to limit its use", "Status: \
            Addressed in …", "Administrators need to …" and "we don't know …, so we decided to …" \
            handle; a quota or budget handles when it is set, not when it is used up ("might require \
            increasing the quota"); "This will be exacerbated by …" tells more harm; a paragraph of one \
            sentence ending on the risks it does not name ("… does pose additional risks, however.") \
            announces the paragraphs after it; a paragraph all in bold that tells a risk is the title \
            of the paragraphs after it; "only one \
            may be set at a time" grants a permission, it tells no risk; "it is not clear \
            how to …" says nothing is handled yet. A paragraph opening with the mitigation ("The mitigation currently is …") after a list \
            handles the list; "There is no risk in … as …" accepts; planned work ("will also need \
            updating") handles; an alert or a validation named as a thing ("re-enabling an alert", \
            "the new validation logic") is not handling; bugs, "complicated", "more complex" name \
            harm, and so does a dependence on someone else's work ("Dependence on console changes"); \
            "security reviews by the platform team" and "maintain compatibility by tracking upstream \
            changes" handle, as do release notes and what the design "proposes to" do; a paragraph \
            opening with its purpose ("To mitigate the risks, …", "To address that, …") handles the \
            risk before it; something done "manually" is not handling by itself. A sub-heading \
            whose body gives only `Mitigation: TODO` is open (one with a `##### Mitigation` \
            sub-heading saying something is handled), and so is one whose body ends with a \
            paragraph telling harm ("…, where it is indeed a problem"), whatever came before (after a \
            paragraph opening with the mitigation, a doubt about the remedy, "However this could still \
            lead to skew", does not reopen it). A lack of handling ("inadequate tests", "no \
            documentation") is not handling. Under Alternatives, a heading that only mentions risk \
            ("Take the risk of stale reads") names an alternative, not a risks section. A risk said \
            to be under study ("we do not know …") is open unless a later paragraph opens with its \
            mitigation ("This is mitigated by …"); "no different from the risk of …" accepts. A \
            table is a risk table when a column names risks (Risk, Threat, Concern, Issue, \
            Failure, Scenario …); a summary table of behaviours is not. A risk table without a \
            mitigation column is one finding; an empty section, or one that only says `TBD` or \
            "To be completed", is "no risks identified"; one saying there are none is a finding \
            unless `allowNone` is set. "However, the overhead is expected to be small" after a list \
            accepts its risks, and a paragraph opening "For this reason, …" handles the last one; \
            "must be driven by the cache, otherwise …" is a requirement keeping the harm from \
            happening; "in case of failure, the operator will put the host in a failed state" (or mark, \
            report, restart, retry it) is the design's response; "this enhancement removes this \
            behavior" handles; "will log an error" surfaces it; "not really a risk", "…, but the old \
            ones would still be returned" and "the two do not conflict" accept; "Not aware of any \
            security concerns" says there are none. A risk whose handling is declared a non-goal \
            for stated reasons ("For these reasons, recovery from key loss is a non-goal") or found \
            no greater than what exists ("However the overall attack surface … is similar", "no \
            worse than") is accepted; `*Mitigation:*` on a line of its own gives the mitigation in \
            the paragraph after it. A handling word denied just before it ("have not \
            been validated", "won't be able to") or what "we should" have done ("not adding the \
            entries that we should") handles nothing. A safeguard that "cannot be easily overridden" \
            (or bypassed, circumvented) is a guarantee, not harm; "we forbid", "we disallow", "we \
            block" handle; "This won't be a problem as …" accepts. A list naming the risks that \
            sub-headings below then take one by one ("Exposing sensitive data" / `### Sensitive \
            data`) is judged by those sub-headings. A heading under Goals or Motivation ("Reduce \
            risk") is not a risks section; an empty risks section followed by `Risk: …` headings at \
            its own level reads them as its risks. A risk sub-heading followed by a mitigations \
            sub-heading that says something (`#### Gap 1` / `#### Mitigation 1`) is answered by \
            it; a bare `Mitigations:` in a sub-heading's body gives what follows it. "For this \
            reason, …" (or "To this end, …") telling no harm says what the design does about the \
            risk; "protections" handle.
            """,
        defaultSeverity: .error,
        options: [allowNone, allowAccepted],
        passingExamples: [
            Example("""
            # Cache
            ## Risks
            #### Memory grows with the queue
            The warmer keeps the events it has not replayed, so a busy cluster needs more memory.

            By freeing replayed events at once, the impact on memory will be smaller.
            (although we cannot eliminate the growth completely.)
            """),
            Example("""
            # Cache
            ## Risks
            Compared with one warmer, the risks of two warmers include the following.
            * Slightly more overhead between filling and serving.
            * Harder cancellation of a fill.

            However, the overhead is expected to be small, and cancellations are not common.

            - In case of failure when warming a node, the warmer will put the node in a failed state.
            - New warm-up scripts may introduce bugs, so we test them before each release.

            Reads must be served from the warmed copy, not the origin, otherwise a change could reach
            clients before the copy is up to date again.

            If no warmer pod runs, warming is disabled. In 1.4 this would leave the cache reporting
            progress forever, which is unexpected and misleading. This enhancement removes this behavior
            and sets a `WarmerAvailable` condition instead.

            Not really a risk, but in case the origin is not available, we would just serve older entries.

            In case the registry is down, we won't be able to add new scripts, but the old ones would
            still be served.

            Unable to read the warmer's configuration. The warmer will log an error and keep the last one.

            Not aware of any security concerns.

            - Old clients would read the new keys wrongly; they keep the old keys as before.
            - Clients expecting the old label would not find the cache.

            For this reason, we can do one alpha release where we emit an event when the old label is used.

            - **Interaction with the origin's TTL**: the origin already sets a TTL. The warmer's TTL applies
              at another layer and the two do not conflict.
            """),
            Example("""
            # Cache
            ## Risks
            ### Releases
            A release is pushed when a tag is set. There are several risks:
            - a bug slips into a tagged release
            - the wrong revision gets tagged

            To mitigate this, maintainers tag a release candidate first.

            But ultimately the safeguard against such failures is that clusters pick up a release only when operators update it.
            ### Warm-up
            The warm-up was rewritten. It can contain bugs, because it runs in setups we do not test. We don't know what other setups people use, so we decided to put the new warm-up behind a feature gate.
            ### Security
            In terms of security concerns, the key is not sensitive: the key service incorporates security measures to limit its use to one account.
            ### Rescheduling
            **The scheduler does not guarantee to pick the same node for the warmer after a restart (after a binding failure)**

            Status: Addressed in [the pinning proposal](https://example.com/pinning)
            """),
            Example("""
            # Cache
            ## Risks
            ### Key filters

            Relying on two fields may miss some invalidations. We do not know how other providers use them.

            This is mitigated by a feature gate, so providers can try it first.

            ### Trusted plugins

            A user could trust a plugin without knowing it. This risk is no different from the risk of running a modified build today.

            ### Plugin sprawl

            Several teams want to run any executable as a plugin.

            ##### Mitigation

            The plugin interface is generic, so each kind is added on its own.

            A design adding exec plugins would need to weigh a different set of risks.

            ### Key loss

            If the signing key is deleted, every cached entry becomes unreadable. Recovery would
            require rebuilding the cache from scratch, which is costly.

            For these reasons, recovery from key loss is a non-goal of this proposal.

            ### Shared sockets

            A malicious pod could mount the warmer's socket and flush entries. However the overall
            attack surface of the socket and of the existing admin port is similar.
            """),
            Example("""
            # Cache
            ## Risks
            #### One warmer could starve the others

            The warmer with the fewest attempts is picked first. Could it keep picking the same node?
            Actually, that wouldn't happen because each attempt raises the node's backoff.
            """),
            Example("""
            # Cache
            ## Risks
            Being new from the start, the risks are failure scenarios nobody foresaw and bugs that are not caught before release.

            To mitigate the risks, each release soaks a week in staging.
            """),
            Example("""
            # Cache
            ## Risks & Mitigations
            | Risk | Impact | Mitigation |
            | --- | --- | --- |
            | Stale reads | Wrong prices | Short TTLs |

            - Risk: cold start
              - Mitigation: a warmer job
            - Thundering herd. Mitigated by: request coalescing.
            - Hot keys. This is mitigated by local caching.
            - R: eviction storms
            - M: jittered TTLs
            """),
            Example("""
            # Cache
            ## 10. Risks & Mitigation Strategies
            - **Potential Risks:**
              - R1: stale reads
              - R2: cold start
            - **Mitigation Plans:**
              - R2: warmer job
              - R1: short TTLs
            """, configuration: "profile: standard"),
            Example("# Cache\n## Risks\nNo known risks.\n", configuration: "rules: { risks-have-mitigations: { allowNone: true } }"),
            Example("""
            # Cache
            ## Risks
            Evictions could drop sessions under load. To prevent this, we will pin session keys.

            - Cache nodes may fail during a deploy.
              - Clients fall back to the database.
            - Stale prices could be shown for a minute.

              The price service is guarded by a version check, so stale prices are never charged.
            - Memory pressure on small nodes; considered acceptable because the nodes autoscale.

            Risks:
            - Key collisions between tenants.
            - Cold caches after a region failover.

            Mitigations:
            - Tenant-prefixed keys.
            - A warm-up job in the standby region.

            ### Large values
            Values over 1 MB are rejected by the client library.
            """),
            Example("""
            # Cache
            ## Risks and Mitigations
            Keeping entries after a tenant leaves could expose them, so a tenant's entries are always erased on exit.

            Not all nodes have local disks. A memory-only mode is available as an option, and a node that fails \
            to start its disk cache reports an error.

            The cache can skip TLS to the database; we deliberately choose not to expose this setting.
            #### Risks
            Keys are unstructured. A tenant could write a malformed key.
            #### Mitigations
            Malformed keys are logged and skipped.
            """),
            Example("""
            # Cache
            ## Risks
            Evictions could drop sessions during a deploy.

            Although the above may happen, sessions drop only on a failed node. Clients retry on another one.

            The warmer is a separate job: it does not introduce new failure modes in the request path.

            - Nested key prefixes could collide between tenants.
              - Prefixes are vetted by hand before each release.

            **Hard to keep the warmer maintained**

            A generic warmer would need to be considered in a second phase. The mitigation in place
            today is that only the platform team may add warm-up jobs.

            - Cross-region misses: replicas may lag by a minute. Document the lag and surface it as a metric.
            - Keys without a tenant prefix could collide. They get the lowest priority instead of causing a failure.
            - Mutable image tags could change the warmer. Mitigation: no mitigation in the cache itself, but the \
            docs will warn against mutable tags.
            """),
            Example("""
            # Cache
            ## Risks
            - Clients that pin the old format will fail to read new entries.
            - Scripts relying on the old eviction order may break.

            This will be mitigated by announcing these changes two releases ahead, with a flag to keep the old order.

            - There is no problem if a warm-up runs during a deploy.
            - Warm-ups may download entries on many nodes in parallel. So we have to limit the parallelism.

            Many nodes may be a concern. Solution: keep a local cache of the key map.

            Finally, a tenant could have pinned a key that no longer exists, and reads would break.

            To mitigate this last risk, the warmer keeps pinned keys until the tenant unpins them.

            | For keys that… | After this change, the cache will… |
            | --- | --- |
            | …have no tenant | …keep serving them |

            - Some eviction policies are not available in the new client. The alternative to them is to use TTLs.
            - The key map may outgrow a node. The good news is that nodes autoscale on memory.

            There is no risk in exposing read-only settings, as the cache stores none of them.

            Clients could read a stale entry. The warmer could then:
            - serve it for a minute
            - serve it until the next deploy

            The mitigation currently is that the warmer is off by default.

            - Clients that read keys directly will also need updating.

            The following security measures apply to the warm-up token:
            - the token is valid only for a short period of time, so a stolen token could do little harm
            #### References from other projects
            - The Redis eviction guide
            """),
            Example("""
            # Cache
            ## Risks
            Risk 1: Memory leaks: leaks may have been masked by restarts.

            - Severity: High
            - Nodes may restart often.

            Risk 2: Wedged warmers: a warmer may ignore a shutdown.

            - Severity: Medium

            Mitigations:

            - Audit the warmers for leaks.
            - Add shutdown tests.

            The main risk is breaking clients that read the old key format. There are a few migration paths for them:

            - Pros: the same API
            - Cons: clients may not get every field

            Should a bad key reach production, stale entries may be served to tenants. Such incidents would confuse tenants, but could be quickly corrected by a flush.

            **Risk**: Scaling and deploys race and thrash.

            **Mitigation**: the scaler drives only the new revision. It seeds replicas from the current state:
            - a new role starts at one replica
            - an existing role keeps its count

            Once the autoscaler attaches, it may scale the role down to zero.

            Users may pin old keys in their manifests. To mitigate confusion, the release notes will list the change.

            However, per the cache's existing semantics, a key pinned before the upgrade keeps its TTL, and the new default may be ignored for it.

            **Risk:** On downgrade, keys already written keep the new prefix. The old client still reads them, which is the expected behavior.

            **Risk:** A tenant can warm entries it cannot read.

            *Mitigation:*

            Warm-up jobs read entries with the tenant's own credentials.
            """),
            Example("""
            # Cache
            ## Risks
            Eviction can have unwanted side effects. Here is an example of potential problems and ways to deal with them.
            ### Entries evicted by mistake
            A wrong priority may evict hot entries. To address this, you can turn eviction off per tenant.
            """),
            Example("""
            # Cache
            ## Design
            ### Identified Security Risks
            - A tenant could read another tenant's entries.
            ### Risk Assessment and Mitigations
            Tenant-prefixed keys prevent cross-tenant reads.
            ## Trade-offs and Risks
            | Risk | Decision |
            | --- | --- |
            | Cold start | A warmer job |
            """),
            Example("""
            # Cache
            ## Risks and Mitigations
            Running the warmer as a sidecar increases the complexity of each deploy. However, it is a \
            proven setup in our other services.
            """),
            Example("""
            # Cache
            ## Risks and Mitigations
            #### Region stability
            The warmer may stall when its region is down.

            To mitigate this, operators can point the warmer at another region.

            As an alternative, the warmer could pick the region itself. However this could still lead to skew.
            ## Alternatives
            ### Take the risk of stale reads
            Skipping the warmer could break clients that expect warm keys.
            """),
            Example("""
            # Cache
            ## Risks and Mitigations
            What are the risks of this proposal and how do we mitigate. Think broadly. For example, consider both security \
            and how this will impact other tenants.

            There are no major risks to tenants. The old API stays.

            There is a risk that the warmer slows deploys; it can be disabled per tenant.

            Moving entries between regions makes eviction more complex. An open question is how to evict a \
            tenant that spans two regions.

            In practice this is not really a concern for the cache since the router pins each tenant to one \
            region. We will document it.
            """),
            Example("""
            # Cache
            ## Risks and Mitigations
            - The warmer does not clear keys itself, so a broken job can leave keys stale. If you notice a key \
            older than its TTL, you can find the job that wrote it in the audit log and rerun it.
            - A tenant may have set its own TTL on a warmed key; see the "Upgrade Strategy" section for \
            further discussion of this issue.
            """),
            Example("""
            # Cache
            ## Risks and Mitigations
            #### Tenants size their own pools
            The warmer needs a pool per tenant, which is not created by default. This prerequisite should be \
            documented.

            Tenants are also free to add pools of their own. We have no control over this today, and this is \
            something that must be planned for in the future pool management. It is worth noting that today we \
            do not guarantee the shape of pools created by the warmer and as such, any tenant automating changes \
            to such pools is already exposing themself to potential compatibility issues with future versions.
            """),
            Example("""
            # Cache
            ## Risks and Mitigations
            Tenants could find it hard to tell which TTL applies to a key.

            For example, when a tenant TTL and a region TTL cover the same key, users will need to compare \
            them, which might not be straightforward.

            To mitigate this risk, the CLI will show the TTL that applies.
            #### Versioning of e.g. the warmer
            We will need to ensure that we detect the case where a component e.g. the warmer binary is the wrong version.
            """),
            Example("""
            # Cache
            ## Risks and Mitigations
            The major risk, which has already been seen, is a warmer release that fails to build for one platform.

            Mitigation involves
            1. Not upgrading the warmer until every platform is built.
            1. Building every platform in one job.
            """),
            Example("""
            # Cache
            ## Risks and Mitigations
            Warming every region at once could overload the origin. To prevent this, the warmer staggers regions.

            The above risks should be considered during implementation reviews.
            """),
            Example("""
            # Cache
            ## Risks and Mitigations
            #### Broad access to the origin
            This is the reality of most caches today. The warmer addresses this by requiring a token per region.
            """),
            Example("""
            # Cache
            ## Risks and Mitigations
            The main risk is breaking clients that read the old hit-rate metric. It is mitigated by a flag that restores it.

            Note that we don't know who reads that metric but we suspect that this will impact few users.
            """),
            Example("""
            # Cache
            ## Risks and Mitigations
            #### Security risks
            New cache keys could let administrators misconfigure the cache, leading to data leaks.

            - **Mitigation:**
              - Admission validation rejects keys that span tenants.
            """),
            Example("""
            # Cache
            ## Risks
            - Keys may collide on install. The mitigation would be a controller that waits for the schema.

              On the other side, adoption is unknown. This has no mitigation other than helping users.
            """),
            Example("""
            # Cache
            ## Risks and Mitigations
            - If callers may list unlimited keys per request, the request may outgrow the API server's limit.
              So, we limit each request to 1,000 keys.
            - A third-party warmer image may ship with known vulnerabilities. It is up to the user to update it.
            - Wrong storage class: the cache volume may not mount; expose clear status conditions and events.
            - Pods that only use warm claims are more susceptible to eviction. This is discussed in the
              [Eviction](#eviction) section.
            - Unauthorized creation of warmers could lead to cost overruns. This will follow the same
              role-based access control pattern as other resources.
            """),
            Example("""
            # Cache
            ## Risks
            The risk of adding metrics is generally cardinality, but in this case the dimensions are known:

            1. status - one of `Success`, `Error`
            1. type - one of `livez`, `readyz`
            """),
            Example("""
            # Cache
            ## Risks
            The risks for this cache are two-fold: technical and organisational.

            Entries may not be refreshed when the origin changes its format. However, given that the
            format is generally stable, this is not a high risk.

            - The cache may grow large in memory.
            - Warm-up may put load on the origin.
            - Both of the above problems can be mitigated by a smaller warm-up batch.
            - Readers may see stale entries. Mitigation: a one-minute TTL.

            The approach presents a vulnerability regarding key removal.

            Origins have their own release processes, and they might remove a key without notice.

            This implies that a key could vanish while clients still read it.

            We propose releasing the cache first as a Tech Preview.
            """),
            Example("""
            # Cache
            ## Risks and Mitigations
            Failure to pursue this proposal poses two problems for the project.
            ### Stale reads left unaddressed
            Failure to pursue this proposal leaves readers exposed to stale entries.
            ### Quota drift
            **Risk**: A reader stuck terminating may hold cache quota.

            **Mitigation**: The feature is behind a feature gate. A failure recovery job moves readers
            that are stuck on unreachable nodes into the Failed phase.
            ### Readers relying on the old keys
            Some readers might break when the old keys go away.

            Which readers need the old keys will have to be determined by the user case by case.
            However, the release notes will show how to keep the old keys.
            ### Upgrades
            The upgrade may not keep custom key formats. We will test the upgrade in CI. Any issues
            discovered will be remediated with custom adjustments.
            ### Warm-up scalability
            The design addresses common scalability concerns:
            - **Subnet sizing**: Each tenant provisions its own subnet, eliminating connection exhaustion risks
            - **Quotas**: Each region runs in its own project, so quotas apply per region rather than globally
            """),
            Example("""
            # Cache
            ## Risks and Mitigations
            - Tenants may create a cycle of cache parents: the warmer stops new warm-ups in the tree.
              Status conditions will be set and events emitted.
            - Some systems might prevent the warmer from listening on loopback. In this case it would
              print a message that it cannot listen there.
            - By setting `allowStale`, the customer acknowledges that readers may see stale entries.
            - Changing the upstream client is high-risk because:
              - The library is not well maintained.
              - Authentication features are always high-risk.
            - The best way to mitigate risk is to have the change approved upstream.
            - If the loopback address is compromised, an attacker can read the warm-up code. But the code
              cannot be exchanged for entries because the attacker does not have the tenant key.
            """),
            Example("""
            # Cache
            ## Goals
            ### Reduce risk
            Predictable warm-ups reduce the overall risk of a release. Today most tenants cannot keep up.
            ## Risks and Mitigations
            ## Risk: Tenants might delete the warmer
            We'll use webhooks to prevent this. These webhooks are synced by the operator and cannot be easily overridden.
            """),
            Example("""
            # Cache
            ## Risks
            There are two main risks:
            1. Immutable keys.
            1. Exposing sensitive data.
            ### Immutable keys
            Immutable keys would break the readers. We forbid the marker at the root of the object.
            ### Sensitive data
            Unintentionally including secrets in the request headers. This won't be a problem as flag values are never included.
            """),
            Example("""
            # Cache
            ## Risks and Mitigations
            #### Gap 1
            Warm-up queries to the origin are not encrypted. This may allow an attacker to read the keys.
            #### Mitigation 1
            Add TLS to the warm-up queries.
            #### Shared credentials may be visible to tenants
            Tenants may be able to copy the shared credentials from the warmer.

            Mitigations:

            It is impossible to open a shell in the warmer. Due to this issue we are not going to use shared credentials for custom warmers.
            """),
            Example("""
            # Cache
            ## Risks and Mitigations
            - Deleting the warmer's service is disruptive: it may interrupt traffic. For this reason, the `Progressing`
              condition clearly indicates that deleting it is disruptive and offers a way back without causing disruption.
            - Stricter token checks may break workflows that recreate nodes. The existing protections for invalidating
              a binding stay in place instead.
            """),
        ],
        failingExamples: [
            Example("""
            # Cache
            ## Risks and Mitigations
            ## Risk: Increased test cost ↓
            TODO: Establish a plan for this for Alpha.
            """),
            Example("""
            # Cache
            ## Risks and Mitigations
            1. A bad eviction policy will prevent the warmer from starting. There is currently no way around this. ↓
            1. Tenants share one warmer. There is no workaround for the other tenants. ↓
            """),
            Example("""
            # Cache
            ## Risks
            **Risk: The warmer may stall while the key service is down** ⇣
            - **Impact:** stale entries
            - **Mitigation:** No mitigation in the preview. The release will add a health check.
            """),
            Example("""
            # Cache
            ## Risks and Mitigations
            - Risks in using the beta client:

              Below are some of the risks in using the beta client.
              1. The beta client carries no SLA. ↓
              1. The beta client always calls the beta API. ↓
            """),
            Example("""
            # Cache
            ## Risks and Mitigations
            #### Risks
            - Warming every region at once could overload the origin.
            - No migration plan from the old cache client. ↓
            #### Mitigations
            The warmer staggers regions so the origin is never overloaded.
            """),
            Example("""
            # Cache
            ## Risks
            - Warming every region at once could overload the origin. ↓
              - A per-region budget would help once it exists.
              - For now, we have no budget planned, and the risk is that the origin stays overloaded until the warmer stops.
            """),
            Example("""
            # Cache
            ## Risks
            ### Flaky warmers ↓

            The warmer job can fail in any region. We expect the warm caches to outweigh the cost, though in some regions they may not.

            Mitigation: TODO
            """),
            Example("""
            # Cache
            ## Design
            ### Identified Security Risks
            - A tenant could read another tenant's entries. ↓
            ### Key format
            Tenant-prefixed keys.
            """),
            Example("""
            # Cache
            ## Risks
            Without the new client the following will not work:

            1. pinned sessions ↓
            1. cross-region reads ↓

            - Nested key prefixes could collide between tenants. ⇣
              - This must be considered before each release.
            """),
            Example("# Cache\n## Risks\n- Is hashing the key enough to spread the load? ↓\n"),
            Example("""
            # Cache
            ## Risks
            - Wrong TTLs can corrupt a tenant's sessions. ↓
            - An unresponsive cache node can prevent a deploy from finishing. ↓

            - **False evictions** ↓
              The timeout may prove too short. One open question is whether load makes it worse; that can only
              be resolved by testing.

            1. Tenants may read copies. So if a key is cached, a tenant that cannot read the source reads the copy. ↓
            1. The cache is not able to see entries written to the database directly. ↓
            1. Controllers could write past the quota. There are currently no mitigation measures. Please try to \
            avoid such a use. ↓

            Only string keys will be supported because they hash evenly. That would be a risk if tenants \
            send keys we can not handle. ↓

            Cross-region reads add latency to every miss. ↓

            Entries are assumed to fit in 1 MB, but I am not sure if some tenants store larger ones. ↓
            """),
            Example("""
            # Cache
            ## Risks
            (FIXME)

            - Upgrades ↓
            - API stability ↓
            - Impact on other tenants ↓
            """),
            Example("""
            # Cache
            ## Risks
            - Clients might rely on the old key format. Enforcing the new one might break them. ↓
            - There are many client kinds and so on, the cache may not cover all of them. ↓
            - Lack of maintainers for the warmer ↓
              - We could pilot a rotation, opt-in for teams that want to try it?

            Some cache features are not available with the new client:
            - per-key TTL ↓

            - Re-enabling an alert can trigger user actions. This could be very annoying. ↓
            - The new validation logic will be more complicated and more likely to have bugs. ↓
            - The warm-up makes the setup substantially more complex. ↓

            - Requires careful operators. It would be easy to disrupt tenants with a poor configuration. ↓
            - Reads will be impacted while a node warms up. ↓
            - The warmer reads a socket mounted from the host, which is not really recommended for security. ↓
            """),
            Example("""
            # Cache
            ## Risks and Mitigations
            ### Risks
            Keys are unstructured. A tenant could write a malformed key. ↓
            ### Rollout
            Behind a feature gate.
            """),
            Example("# Cache\n## Risks\n- **Warmer ownership**: it is unclear which team will run the warmer. ↓\n"),
            Example("# Cache\n## Risks ↓\n- What are the risks of this design? Think broadly.\n- Consider who reviews security.\n"),
            Example("""
            # Cache
            ## Risks
            | Risk | Mitigation |
            | --- | --- |
            | Stale reads | TBD | ↓
            | Cold start | warmer |

            - Risk: memory pressure ↓
            - Risk: eviction storms
              - Mitigation: jittered TTLs
            - Hot keys. This cannot be mitigated. ↓
            - R: cold start ↓
            - M: TBD
            """),
            Example("""
            # Cache
            ## Risks
            | Risk | Impact | ↓
            | --- | --- |
            | Stale reads | High |
            """),
            Example("# Cache\n## Risks ↓\nNone.\n"),
            Example("# Cache\n## Risks ↓\nTo be completed.\n"),
            Example("""
            # Cache
            ## Risks & Mitigation Strategies
            - **Potential Risks:**
              - Stale reads
              - Cold start ↓
            - **Mitigation Plans:**
              - Short TTLs
            """, configuration: "profile: standard"),
            Example("""
            # Cache
            ## Risks
            - Cache nodes may fail during a deploy. ↓
              - Mitigation: None
            - Stale prices could be shown for a minute. ↓
              - TODO: decide
            - Warm-up takes ten minutes ⇣

            Evictions could drop sessions under load. ↓

            ### Corrupt entries ↓
            A corrupt entry breaks the page that reads it.
            ### Node restarts ↓
            On the first cloud the restart was triggered manually and did not throw any errors.

            The same was done on the second cloud, where it is indeed a problem.
            """),
            Example("""
            # Cache
            ## Risks
            Evictions could be so frequent that sessions cannot survive a deploy. ↓

            Cold starts could slow the first page. We can mitigate this with a warm-up job.

            The design adds complexity to the client. Documentation covers it. It may also lead to many small objects. ↓

            False positives may train operators to ignore evictions. ↓

            Should a bad key reach production, overridden warnings may hide it. Such incidents would confuse tenants, but could be quickly corrected by a flush.

            The second risk is adopting existing clusters. Migrating them will require careful planning. ↓

            Not to be discounted is operator churn. We disrupted many workflows when we moved the cache. The mitigation is to keep the old commands.

            - A region failover may leave caches cold; clients fall back to the database.
            - It is not clear how to handle the budget for a standby fleet. ↓
            - Dependence on the billing team's schema changes. ↓
            - Security reviews by the platform team.
            - **Dependency on the tax library** Maintain compatibility by tracking upstream changes.
            - Mutating webhooks are a risk: a mutated price fails verification.

              This design proposes to skip the mutating webhooks for signed prices.

            A patch might not apply cleanly after an upgrade.

            The maintainers will work on release notes to make breaking changes more visible.
            ## Alternatives
            ### Write-through
            #### Risks
            - Complexity of the solution (see the evaluation below) ↓
            """),
            Example("""
            # Cache
            ## Risks
            - Memory pressure on small nodes; considered acceptable because the nodes autoscale. ↓
            """, configuration: "rules: { risks-have-mitigations: { allowAccepted: false } }"),
            Example("""
            # Cache
            ## Risks
            - The warmer scripts are complicated and have inadequate tests. We could break corner cases. ↓
            """),
            Example("""
            # Cache
            ## Risks
            The main risk is a bug in the warmer. The best mitigation is unit testing.
            Additionally, there may be some confusion about the optional warm-up field. ↓
            """),
            Example("""
            # Cache
            ## Risks
            - Stale reads during a deploy; considered acceptable because the TTL is short.
            - Warm-up is provided by keeping the old flag beside the new one, with the restriction that only one may be set at a time. ⇣
            """),
            Example("""
            # Cache
            ## Risks
            Running the warmer in the CI does pose additional risks, however.

            The CI cloud has a limited capacity. More jobs might require increasing the quota. ↓

            This will be exacerbated by the nightly benchmark jobs. ↓
            """),
            // Tiers: nothing after a risk, or a placeholder, is an error; words after it that do not
            // read as handling make it possibly unmitigated (a warning), unless they leave it under study.
            Example("# Cache\n## Risks\n- Cache nodes may fail during a deploy. ↓\n\n  TBD\n"),
            Example("# Cache\n## Risks\n- Cache nodes may fail during a deploy. ⇣\n\n  The deploy tool drains one zone at a time.\n"),
            Example("# Cache\n## Risks\n- Cache nodes may fail during a deploy. ⇣\n  - Sessions held there are lost.\n"),
            Example("""
            # Cache
            ## Risks
            #### Warming the first node ↓
            A key question here is whether the first node warms itself. One option is a job.
            #### Scaling the cache out ↓
            If a tenant scales the cache out, clients would expect the warmer to follow. More work is
            needed to understand that link and the implications.

            When a node only gains replicas, no change would be expected in the warmer.
            """),
            Example("""
            # Cache
            ## Risks
            Tenants reading the cache will be exposed to entries that have not been validated in any way ↓
            when the warmer skips its checks.

            The primary risk is that we break the warm-up order, either by not adding the entries ↓
            that we should or by adding wrong ones.
            """),
            Example("""
            # Cache
            ## Risks
            When a cluster is downgraded, reads of the new key format will break again. ↓

            It is also possible that some tenants already use keys that were broken by this, through
            overrides. While we generally do not care about these cases, the schema should allow a
            scripted conversion.
            """),
            Example("""
            # Cache
            ## Risks
            Wrong permissions on the status endpoint may let someone write a wrong status. ↓

            It is up to each warmer to decide how warming is done, and this can be even a no-op, making ↓
            the cache useless.
            """),
            Example("""
            # Cache
            ## Risks
            #### Two warmers on one cluster ↓
            The platform team may adopt the warmer too, a version problem when tenants pin an old one.

            This problem is not addressed by this proposal, but needs to be addressed.

            Some avenues to explore:
            - Separate API groups for each team's warmer.
            """),
            Example("""
            # Cache
            ## Risks
            #### No test cluster has the new storage ↓
            We won't be able to test the warmer against it.

            Severity: blocker
            Likelihood: probably
            """),
            // Not "the section says there are no risks": the risk conceded after "N/A since …" is read.
            Example("""
            # Cache
            ## Risks
            N/A since the warmer only reads what tenants already wrote. However, tenants will need to ↓
            learn the key format, missing which could result in cold reads.
            """),
            Example("""
            # Cache
            ## Risks and Mitigations
            - Warm-up may overload the origin. Mitigation: the warmer staggers regions.
            - Adds more code to the client and surface area to the API. ↓
            - The client tries to be compatible with the standard library, but it is not fully compatible. ↓
            ### Shared memory ↓
            The warmer maps entries as shared memory to prevent swapping.

            There are several issues here:
            - The user must be in the shared memory group.
            - The group setting is not namespaced.
            """),
        ])

    static let mitigationLabels = ["mitigation plan", "mitigation strategy", "mitigations", "mitigation", "mitigated by",
                                   "mitigate", "m", "response", "contingency", "solution", "缓解", "缓解措施", "对策"]
    static let riskLabels = ["risk", "r"]

    static let allowNone = RuleOption("allowNone", default: .bool(false),
                                      "accept a Risks section that states there are none (\"No known risks\", \"None\")")
    static let allowAccepted = RuleOption("allowAccepted", default: .bool(true),
                                          "count a risk accepted with a reason (\"the risk is low because …\") as handled")

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        let allowNone = context.options.isOn(Self.allowNone)
        let allowAccepted = context.options.isOn(Self.allowAccepted)
        let sections = context.sections(for: .risks).filter { !Self.isAnsweredByNextSection($0, in: context.document) }
        let slipped = sections.map { Self.risksAfter($0, in: context.document) }
        // A `### Risk: …` heading read as a slipped sub-heading is not read again as a section of its own.
        let readAsRisks = Set(slipped.joined().map(\.location))
        return zip(sections, slipped).flatMap { section, risks -> [Violation] in
            if readAsRisks.contains(section.location) { return [] }
            guard risks.isEmpty else {
                let reader = RiskReader(title: section.title, allowAccepted: allowAccepted)
                return risks.flatMap(reader.violations(inSubsection:))
            }
            return check(section, allowNone: allowNone, allowAccepted: allowAccepted)
        }
    }

    /// The risks of an empty section written at its own level right after it, the author's
    /// heading levels having slipped (`### Risks and Mitigations` then `### Risk: Increased
    /// test cost`): read as its sub-headings.
    static func risksAfter(_ section: Section, in document: Document) -> [Section] {
        guard section.subsections.isEmpty, section.blocks.allSatisfy(\.isInvisible) else { return [] }
        return Array(sections(after: section, in: document).prefix { $0.level == section.level && RiskReader.isRiskTitle($0.title) })
    }

    /// True for a section that only identifies risks (`Identified Security Risks`) when the
    /// section right after it, at its level, holds their mitigations (`Risk Assessment and
    /// Mitigations`): read together, like a list of risks followed by a list of mitigations.
    static func isAnsweredByNextSection(_ section: Section, in document: Document) -> Bool {
        if namesMitigations(section) { return false }
        return sections(after: section, in: document).first.map { $0.level == section.level && namesMitigations($0) } ?? false
    }

    /// The sections after `section` and its sub-headings at its level or above: its next
    /// siblings, then those of the sections holding it.
    static func sections(after section: Section, in document: Document) -> [Section] {
        let all = document.allSections
        guard let index = all.firstIndex(where: { $0.location == section.location }) else { return [] }
        return all[(index + section.allSections.count)...].filter { $0.level <= section.level }
    }

    /// True for a section titled for mitigations (`Mitigations`, `Risk Assessment and Mitigations`).
    static func namesMitigations(_ section: Section) -> Bool {
        section.normalizedTitle.contains("mitigat")
    }

    private func check(_ section: Section, allowNone: Bool, allowAccepted: Bool) -> [Violation] {
        let title = section.title
        let visible = section.blocks.filter { !$0.isInvisible }
        if visible.isEmpty && section.subsections.isEmpty {
            return [Violation("no risks identified: list each risk with its mitigation", at: section.location, section: title)]
        }
        // Only the template's prompts, as paragraphs or a list ("What are the risks …? Consider …").
        let prompts = visible.flatMap { block -> [String] in
            if case .list(let list) = block { return list.items.map { $0.lead?.text ?? $0.fullText } }
            return [block.plainText]
        }
        if section.subsections.isEmpty, Prose.onlyPrompts(prompts) {
            return [Violation("no risks identified: list each risk with its mitigation", at: section.location, section: title)]
        }
        if section.subsections.isEmpty, visible.allSatisfy({ if case .paragraph = $0 { return true } else { return false } }) {
            let text = visible.map(\.plainText).joined(separator: " ")
            // "There are no major risks to users. … As always there is risk to the delivery …", "N/A
            // since …. However, users will need to …, missing which could result in …": the risks
            // named or conceded after it are read.
            let namesRiskLater = visible.dropFirst().contains { RiskReader.namesRisk($0.plainText) }
                || Prose.sentences(text).dropFirst().contains { Prose.opensWithTurn($0) && Prose.describesRisk($0) }
            if TextPatterns.saysNone(text), !namesRiskLater {
                return allowNone ? [] : [Violation("the section says there are no risks; name the risks you considered, or set `allowNone: true` for this rule",
                                                   at: section.location, section: title)]
            }
            if Prose.isPlaceholder(text) {
                return [Violation("no risks identified: list each risk with its mitigation", at: section.location, section: title)]
            }
        }

        let reader = RiskReader(title: title, allowAccepted: allowAccepted)
        if let pair = Self.templatePair(visible) {
            return Self.pairByID(risks: pair.risks, mitigations: pair.mitigations, section: title)
                + section.subsections.flatMap(reader.violations(inSubsection:))
        }
        return reader.violations(in: section)
    }

    static func missing(_ risk: String, at location: SourceLocation, section: String) -> Violation {
        Violation("risk has no mitigation: \"\(TextPatterns.excerpt(risk))\"; add `Mitigation: …`", at: location, section: section,
                  subject: risk)
    }

    static func acceptedMessage(_ risk: String) -> String {
        "risk accepted without a mitigation: \"\(TextPatterns.excerpt(risk))\"; add `Mitigation: …` (this policy sets `allowAccepted: false`)"
    }

    static func doubtfulMessage(_ risk: String) -> String {
        "possibly unmitigated: \"\(TextPatterns.excerpt(risk))\"; nothing after it says how it is handled: add `Mitigation: …`, or say why it is accepted"
    }

    /// Column titles (normalized), besides any with "mitigat", that say how each risk is handled.
    static let handlingColumns: Set<String> = ["response", "contingency", "decision", "handling", "resolution",
                                               "countermeasure", "countermeasures", "缓解措施", "对策", "缓解"]

    static func check(_ table: Table, section: String) -> [Violation] {
        let columns = table.columnNames.map(TitleNormalizer.normalize)
        // A table that names no risk column (a summary of behaviours, say) lists no risks.
        guard columns.contains(where: { column in riskColumns.contains { column.contains($0) } }) else { return [] }
        guard let mitigation = columns.firstIndex(where: { column in
            column.contains("mitigat") || handlingColumns.contains(column)
        }) else {
            return [Violation("risk table has no mitigation column: add a `Mitigation` column", at: table.location, section: section)]
        }
        return table.rows.compactMap { row in
            if row.cells.allSatisfy({ TextPatterns.isUndecided($0.text.text) }) { return nil }
            guard TextPatterns.isUndecided(row.text(at: mitigation)) else { return nil }
            let risk = row.text(at: mitigation == 0 ? 1 : 0)
            return missing(risk, at: row.location, section: section)
        }
    }

    /// Words in a column title that make a table a table of risks.
    static let riskColumns = ["risk", "threat", "concern", "issue", "failure", "hazard", "scenario", "problem"]

    /// The standard template's `**Potential Risks:**` and `**Mitigation Plans:**` items.
    static func templatePair(_ blocks: [Block]) -> (risks: [InlineText], mitigations: [InlineText])? {
        var risks: [InlineText]?
        var mitigations: [InlineText]?
        for case .list(let list) in blocks {
            for item in list.items {
                guard let label = item.lead?.strongLabel.map(TitleNormalizer.normalize) else { continue }
                let parts = item.children.isEmpty
                    ? (item.lead.map { $0.afterLabel.isEmpty ? [] : [InlineText(text: $0.afterLabel, location: $0.location)] } ?? [])
                    : item.children.compactMap(\.lead)
                if label.hasPrefix("potential risk") || label == "risks" { risks = parts }
                if label.hasPrefix("mitigation") { mitigations = parts }
            }
        }
        guard let risks else { return nil }
        return (risks, mitigations ?? [])
    }

    /// Pairs risks with mitigations by id (`R1`, `Risk 1`) when every risk has one, else by order.
    static func pairByID(risks: [InlineText], mitigations: [InlineText], section: String) -> [Violation] {
        let real = mitigations.filter { !TextPatterns.isUndecided($0.afterLabel) }
        let riskIDs = risks.map { id(in: $0.text) }
        if riskIDs.allSatisfy({ $0 != nil }) {
            let mitigated = Set(real.compactMap { id(in: $0.text) })
            return zip(risks, riskIDs).compactMap { risk, id in
                mitigated.contains(id ?? "") ? nil : missing(risk.text, at: risk.location, section: section)
            }
        }
        return risks.dropFirst(real.count).map { missing($0.text, at: $0.location, section: section) }
    }

    /// `R1`, `R-001`, `Risk 1` at the start of a text, normalized to its number.
    static func id(in text: String) -> String? {
        let words = TitleNormalizer.words(of: TitleNormalizer.normalize(text))
        guard let first = words.first else { return nil }
        if first == "risk", words.count > 1, let number = Int(words[1]) { return String(number) }
        if first.hasPrefix("r"), let number = Int(first.dropFirst()) { return String(number) }
        if first == "r", words.count > 1, let number = Int(words[1]) { return String(number) }
        return nil
    }
}
