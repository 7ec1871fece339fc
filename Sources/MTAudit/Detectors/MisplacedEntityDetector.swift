import MTAuditText

/// Flags a country the version names where the source names another: "Sino-Japanese ties" for the
/// source's "US-China ties", "the Kremlin" where the source says "Tehran". Countries are known by the
/// countries lexicon in every form: name, adjective, combining prefix and metonym.
public struct MisplacedEntityDetector: Detector {
    public static let description = DetectorDescription(
        id: "misplaced-entity",
        name: "Misplaced entity",
        summary: "A country the source does not mention, named where the source names another.",
        category: .mistranslation,
        severity: .critical,
        rationale: """
            Putting one country in place of another changes who did what to whom, and a reader cannot \
            tell. It is critical because the sentence still reads well. Countries are recognized by \
            the countries lexicon in every form (name, adjective, prefix of a compound such as \
            "Franco-", capital or seat of government), so "American" for "US" or "Beijing" for "China" \
            is the same country and is not flagged. A country is flagged only when neither the source \
            nor the other versions mention it in any form, and the aligned source sentence (for half of a split sentence, its neighbour's) names a \
            country that the version's sentence lacks; that one's wording is suggested. Across \
            languages, countries are compared by identity through the lexicon's names in each \
            language; a text in a language the lexicon lacks is left alone.
            """,
        triggeringExamples: [
            DetectorExample(source: "Talks on Franco-German trade resumed in March.",
                            version: "Talks on Franco-⟦Italian⟧ trade resumed in March."),
            DetectorExample(source: "The minister flew to Canada to discuss fishing quotas.",
                            version: "The minister flew to ⟦Norway⟧ to discuss fishing quotas."),
            DetectorExample(source: "Les négociations entre le Brésil et l'Argentine ont repris hier.",
                            version: "Negotiations between Brazil and ⟦Peru⟧ resumed yesterday."),
        ],
        nonTriggeringExamples: [
            DetectorExample(source: "US officials praised the deal.", version: "American officials praised the deal."),
            DetectorExample(source: "China rejected the proposal on Friday.", version: "Beijing rejected the proposal on Friday."),
            DetectorExample(source: "Les négociations entre le Brésil et l'Argentine ont repris hier.",
                            version: "Negotiations between Brazil and Argentina resumed yesterday."),
            DetectorExample(source: "The minister flew to Canada to discuss quotas.",
                            version: "The minister flew to Norway to discuss quotas.",
                            otherVersions: ["The minister went to Norway to discuss quotas."]),
            DetectorExample(source: "Australia will send two ships to the Asia-Pacific.",
                            version: "It will send two ships to the Indo-Pacific."),
            DetectorExample(source: "The Sino-Indian border talks stalled.", version: "The China-India border talks stalled."),
        ]
    )

    public init() {}

    public func findings(in context: DetectionContext) -> [Finding] {
        let found = LexiconPhrases.mentions(.countries, in: context)
        // A finding is a country of the version: a version naming none has none.
        guard !found.version.isEmpty else { return [] }
        // Regions and peoples ("Indo-Pacific") are matched so that their words do not read as a
        // country, but they are no country themselves.
        func countries(_ mention: LexiconPhrases.Mention, _ phrases: LexiconPhrases) -> Set<String> {
            mention.ids.filter { phrases.classes[$0] != "region" }
        }
        // The countries the source and the other versions name: gathered when a version's country
        // first needs them, where the source's sentence has a country it lacks (few do).
        lazy var known: Set<String> = {
            var known: Set<String> = []
            for mention in found.source { known.formUnion(countries(mention, found.sourcePhrases)) }
            for mentions in found.others {
                for mention in mentions { known.formUnion(mention.ids) }
            }
            return known
        }()
        // The name detectors report a name put for another; one finding is enough.
        let named = NameSubstitutions.pairs(in: context).map(\.version.span)
        var findings: [Finding] = []
        for index in context.version.sentences.indices {
            // A finding is a country of the version's sentence: a sentence naming none (most) is left
            // before its source sentence is sought.
            let inVersion = found.version.filter { $0.sentence == index }
            guard !inVersion.isEmpty, let sourceIndex = Self.sourceSentence(of: index, in: context) else { continue }
            let inSource = found.source.filter { $0.sentence == sourceIndex }
            var here: Set<String> = []
            for mention in inVersion { here.formUnion(countries(mention, found.versionPhrases)) }
            var missing: [LexiconPhrases.Mention] = []
            var missingIDs: Set<String> = []
            for mention in inSource {
                let ids = countries(mention, found.sourcePhrases)
                guard !ids.isEmpty, ids.isDisjoint(with: here), ids.isDisjoint(with: missingIDs) else { continue }
                missing.append(mention)
                missingIDs.formUnion(ids)
            }
            for mention in inVersion {
                let ids = countries(mention, found.versionPhrases)
                guard !ids.isEmpty, !missing.isEmpty, ids.isDisjoint(with: known),
                      !named.contains(where: { $0.overlaps(mention.span) }) else { continue }
                let replaced = missing.removeFirst()
                let written = context.source.text(of: replaced.span)
                let said = context.version.text(of: mention.span)
                findings.append(finding(mention.span, in: context,
                                        message: "“\(said)” names a country the source does not mention; the source names “\(written)” here",
                                        sourceSpan: replaced.span, suggestion: written, evidence: .source))
            }
        }
        return findings
    }

    /// The source sentence that version sentence `index` renders: its own aligned one, or, for a
    /// sentence the aligner left alone, the one its neighbour renders (a source sentence split in two).
    static func sourceSentence(of index: Int, in context: DetectionContext) -> Int? {
        func evidence(_ k: Int) -> Int? { context.sourceReading(ofVersionSentence: k)?.sentence }
        if context.alignment.sourceOf[index] != nil { return evidence(index) }
        let paragraph = context.version.sentences[index].paragraph
        for neighbour in [index - 1, index + 1] where context.version.sentences.indices.contains(neighbour)
            && context.version.sentences[neighbour].paragraph == paragraph {
            if let source = evidence(neighbour) { return source }
        }
        return nil
    }
}
