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
        // country, but they are no country themselves. (Each id asked in place: a set of a mention's
        // countries made for every test was an allocation and a free each.)
        let versionClasses = found.versionPhrases.classes
        lazy var sourceClasses = found.sourcePhrases.classes
        // The countries the source and the other versions name: gathered when a version's country
        // first needs them, where the source's sentence has a country it lacks (few do).
        lazy var known: Set<String> = {
            var known: Set<String> = []
            for mention in found.source {
                for id in mention.ids where sourceClasses[id] != "region" { known.insert(id) }
            }
            for mentions in found.others {
                for mention in mentions { known.formUnion(mention.ids) }
            }
            return known
        }()
        // The name detectors report a name put for another; one finding is enough.
        let named = NameSubstitutions.pairs(in: context).map(\.version.span)
        var findings: [Finding] = []
        // The version's mentions by sentence: the runs of its list (which is in the text's order) that
        // share a sentence, each read in place, with no list made for each sentence.
        let versionMentions = found.version
        var first = 0
        while first < versionMentions.count {
            let index = versionMentions[first].sentence
            var end = first + 1
            while end < versionMentions.count && versionMentions[end].sentence == index { end += 1 }
            let inVersion = versionMentions[first..<end]
            first = end
            guard let sourceIndex = Self.sourceSentence(of: index, in: context) else { continue }
            // A finding replaces a country of the source's sentence: a sentence naming none (most
            // often, where the version's names one) has none, and the version's countries are not
            // gathered for it.
            let sourceMentions = found.source
            guard sourceMentions.contains(where: { $0.sentence == sourceIndex }) else { continue }
            // (A list: a sentence names a country or two, found by comparing for less than a set's hashing.)
            var here: [String] = []
            for mention in inVersion {
                for id in mention.ids where versionClasses[id] != "region" && !here.contains(id) { here.append(id) }
            }
            var missing: [LexiconPhrases.Mention] = []
            var missingIDs: [String] = []
            for mention in sourceMentions where mention.sentence == sourceIndex {
                var isCountry = false, clashes = false
                for id in mention.ids where sourceClasses[id] != "region" {
                    isCountry = true
                    if here.contains(id) || missingIDs.contains(id) { clashes = true; break }
                }
                guard isCountry, !clashes else { continue }
                missing.append(mention)
                for id in mention.ids where sourceClasses[id] != "region" && !missingIDs.contains(id) { missingIDs.append(id) }
            }
            for mention in inVersion {
                guard !missing.isEmpty else { break }
                var isCountry = false, isKnown = false
                for id in mention.ids where versionClasses[id] != "region" {
                    isCountry = true
                    if known.contains(id) { isKnown = true; break }
                }
                guard isCountry, !isKnown, !named.contains(where: { $0.overlaps(mention.span) }) else { continue }
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
