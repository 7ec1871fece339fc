import MTAuditText

/// Flags a date or time written in words that differs from the aligned source sentence's: a weekday,
/// a month, an ordinal ("the second round" for the third), a relative day ("yesterday" for
/// tomorrow), a time of day. The words come from the date-time-words lexicons; numbers in digits are
/// number-mismatch's.
public struct DateTimeMismatchDetector: Detector {
    /// The classes compared, each only with itself.
    static let classes = LexiconKind.classes(of: .dateTimeWords)

    public static let description = DetectorDescription(
        id: "date-time-mismatch",
        name: "Date or time mismatch",
        summary: "A weekday, month, ordinal, relative day or time of day that differs from the source's.",
        category: .mistranslation,
        severity: .critical,
        rationale: """
            A wrong day or month sends readers to the wrong event, as a wrong number does, and nothing \
            in the sentence gives it away; hence critical, like number-mismatch. Words are read from \
            the date-time-words lexicons, where synonyms share an entry ("midday" and "noon"), and each \
            class is compared only with itself in aligned sentences. A word is flagged when the source \
            does not use it anywhere and the source's sentence has a word of its class that the \
            version's sentence lacks, which is suggested. Across languages the lexicon's words in each \
            language are compared by meaning. Numbers in digits are left to number-mismatch.
            """,
        triggeringExamples: [
            DetectorExample(source: "The ferry sails again on Thursday.", version: "The ferry sails again on ⟦Tuesday⟧."),
            DetectorExample(source: "Harvest starts in September in the north.", version: "Harvest starts in ⟦November⟧ in the north."),
            DetectorExample(source: "It was the third audit of the depot.", version: "It was the ⟦second⟧ audit of the depot."),
            DetectorExample(source: "The museum reopens tomorrow.", version: "The museum reopened ⟦yesterday⟧."),
            DetectorExample(source: "Le musée rouvre mardi.", version: "The museum reopens on ⟦Friday⟧."),
        ],
        nonTriggeringExamples: [
            DetectorExample(source: "The ferry sails again on Thursday.", version: "On Thursday the ferry sails again."),
            DetectorExample(source: "They met at noon.", version: "They met at midday."),
            DetectorExample(source: "Le musée rouvre mardi.", version: "The museum reopens on Tuesday."),
            DetectorExample(source: "The vote is in May. The first count follows.", version: "The vote is in May. The first count follows."),
            DetectorExample(source: "Delegates may vote on the 3rd.", version: "Delegates may vote on the 4th."),
            DetectorExample(source: "It was the first audit since March.", version: "It was the initial audit since March."),
        ]
    )

    public init() {}

    public func findings(in context: DetectionContext) -> [Finding] {
        let found = LexiconPhrases.mentions(.dateTimeWords, in: context)
        guard !found.version.isEmpty, !found.source.isEmpty else { return [] }
        var findings: [Finding] = []
        // Each text's mentions by sentence, in their order: each sentence reads its own, where a
        // filter of all the text's mentions for every sentence grew with the square of the text.
        let versionBySentence = Dictionary(grouping: found.version, by: \.sentence)
        let sourceBySentence = Dictionary(grouping: found.source, by: \.sentence)
        for entryClass in Self.classes {
            // The class's ids read from each mention's in place: a set filtered for each mention (as
            // `ids(of:class:)` makes) was an allocation and a free per mention and class.
            func ids(_ mentions: [LexiconPhrases.Mention], _ phrases: LexiconPhrases) -> Set<String> {
                var found = Set<String>()
                for mention in mentions {
                    for id in mention.ids where phrases.classes[id] == entryClass { found.insert(id) }
                }
                return found
            }
            func hasClass(_ mention: LexiconPhrases.Mention, _ phrases: LexiconPhrases) -> Bool {
                mention.ids.contains { phrases.classes[$0] == entryClass }
            }
            let sourceEverywhere = ids(found.source, found.sourcePhrases)
            guard !sourceEverywhere.isEmpty else { continue }
            for index in context.version.sentences.indices {
                guard let sourceIndex = context.alignment.sourceOf[index] else { continue }
                if context.sameLanguage && context.alignment.similarity[index] < SentenceAlignment.evidenceSimilarity { continue }
                let inVersion = (versionBySentence[index] ?? []).filter { hasClass($0, found.versionPhrases) }
                guard !inVersion.isEmpty else { continue }
                let here = ids(inVersion, found.versionPhrases)
                var missing: [LexiconPhrases.Mention] = []
                var missingIDs: Set<String> = []
                for mention in sourceBySentence[sourceIndex] ?? [] {
                    let mentionIDs = found.sourcePhrases.ids(of: mention, class: entryClass)
                    guard !mentionIDs.isEmpty, mentionIDs.isDisjoint(with: here), mentionIDs.isDisjoint(with: missingIDs) else { continue }
                    missing.append(mention)
                    missingIDs.formUnion(mentionIDs)
                }
                for mention in inVersion where !missing.isEmpty {
                    guard found.versionPhrases.ids(of: mention, class: entryClass).isDisjoint(with: sourceEverywhere),
                          !findings.contains(where: { $0.span.span.overlaps(mention.span) }) else { continue }
                    let replaced = missing.removeFirst()
                    let written = context.source.text(of: replaced.span)
                    let said = context.version.text(of: mention.span)
                    findings.append(finding(mention.span, in: context,
                                            message: "“\(said)” where the source says “\(written)”",
                                            sourceSpan: replaced.span, suggestion: written, evidence: .source))
                }
            }
        }
        return findings.sorted { $0.span.span < $1.span.span }
    }
}
