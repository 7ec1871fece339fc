import MTAuditText

/// Flags a name of the source that a close rendering of its sentence leaves out ("the police found that
/// had passed the checkpoint", "the capital of ."). The finding is a point where the name belongs.
public struct EntityOmittedDetector: Detector {
    /// How alike the sentences must be for a missing name to be an omission, not a rewording.
    static let minimumSimilarity = 0.5
    /// Names as common as "Rome" or "Italy" still count when left out: an omission is no rewording.
    static let commonWordZipf: Float = 5.0
    /// Words this common (articles, pronouns, auxiliaries) open sentences by themselves.
    static let sentenceOpenerZipf: Float = 6.0

    public static let description = DetectorDescription(
        id: "entity-omitted",
        name: "Entity omitted",
        summary: "A name of the source left out of a sentence that otherwise renders it closely.",
        category: .omission,
        severity: .critical,
        rationale: """
            Who did something, or where, is the core of a news sentence; dropping the name misinforms \
            by leaving the reader to guess. A name of the aligned source sentence counts as missing \
            when the version has it nowhere, not even as a derived form ("Russian" for "Russia"), \
            while the rest of the sentence is closely rendered. Acronyms of three letters or more \
            count unless the version spells them out. A capitalized word opening the source sentence \
            counts as a name when it has two words or more, when the texts capitalize it inside a \
            sentence, or when the version opens with the word that follows it (the subject dropped). \
            A word that other names of the sentence share ("Prefecture") or that is capitalized for \
            opening it ("Psychologist Marta Kowalczyk") does not keep a name there. A name the version \
            writes in another form that the entities lexicon gives the same entity (an alias such as \
            "the Atlantic Alliance" for "NATO", a transliteration) is not missing. \
            The finding marks where the name belongs: after the word the source has before it.
            """,
        triggeringExamples: [
            DetectorExample(source: "The police found that Huang had passed the checkpoint at noon.",
                            version: "The police found that⟦⟧ had passed the checkpoint at noon."),
            DetectorExample(source: "The Colosseum in Rome reopened on Monday after repairs.",
                            version: "The Colosseum in⟦⟧ reopened on Monday after repairs."),
            DetectorExample(source: "Harper praised the new bridge on Friday evening.",
                            version: "⟦⟧Praised the new bridge on Friday evening."),
            DetectorExample(source: "Engineers from the OSCE inspected the dam on Monday.",
                            version: "Engineers from the⟦⟧ inspected the dam on Monday."),
            DetectorExample(source: "Floods closed roads in Nara Prefecture and in Shiga Prefecture on Monday.",
                            version: "Floods closed roads in⟦⟧ and in Shiga Prefecture on Monday."),
            DetectorExample(source: "Psychologist Marta Kowalczyk spoke on the radio on Monday.",
                            version: "Psychologist⟦⟧ spoke on the radio on Monday."),
        ],
        nonTriggeringExamples: [
            DetectorExample(source: "The police found that Huang had passed.", version: "The police found that Huang had passed."),
            DetectorExample(source: "Russia's president spoke at the parade on Sunday.",
                            version: "The Russian president spoke at the parade on Sunday."),
            DetectorExample(source: "The US Supreme Court ruled on Monday.", version: "The Supreme Court ruled on Monday."),
            DetectorExample(source: "US President Joe Biden spoke on Thursday.", version: "President Biden spoke on Thursday."),
            DetectorExample(source: "Mayor Ana Soto opened the bridge, the first of the Soto years.",
                            version: "Mayor Soto opened the bridge, the first of the Soto years."),
            DetectorExample(source: "Huang spoke. The council met in Rome on Monday.", version: "The council met in Rome on Monday, Huang said."),
            DetectorExample(source: "Floods closed roads in Nara Prefecture and Shiga Prefecture on Monday.",
                            version: "Floods closed roads in the Nara and Shiga prefectures on Monday."),
            DetectorExample(source: "Meanwhile the council approved the budget on Monday.",
                            version: "The council approved the budget on Monday."),
            DetectorExample(source: "The NTSB investigated the crash on Monday.",
                            version: "The National Transportation Safety Board investigated the crash on Monday."),
            DetectorExample(source: "Ten nurses were tested for COVID-19 on Monday.",
                            version: "Ten nurses were tested for the new coronavirus on Monday."),
            // Another name of the same entity, by the entities lexicon.
            DetectorExample(source: "Defence chiefs of NATO met in Tallinn on Tuesday to weigh the budget.",
                            version: "Defence chiefs of the Atlantic Alliance met in Tallinn on Tuesday to weigh the budget."),
            DetectorExample(source: "The archive holds letters that Gaddafi wrote in 1975.",
                            version: "The archive holds letters that Kadhafi wrote in 1975."),
        ]
    )

    public init() {}

    public func findings(in context: DetectionContext) -> [Finding] {
        guard context.sameLanguage else { return [] }
        let names = NameRuns.source(in: context)
        guard names.isUsable else { return [] }
        // A name is missing only where a word of it the version lacks is: without a source word that
        // may be part of a name and that the version lacks (most texts), none is, and no runs are made
        // (nor, for a short version, the set of its words). Told once per context, for the name
        // substitutions too (`sourceWritesMissingName`: this test, with the version's word at the same
        // place looked at first).
        guard NameRuns.sourceWritesMissingName(in: context) else { return [] }
        let inVersion = NameRuns.letterKeys(of: context.version)
        // Names another name stands for are substitutions (name-corruption, introduced-entity), not omissions.
        let substituted = Set(NameSubstitutions.pairs(in: context).map { $0.source.span })
        var findings: [Finding] = []
        var reported: Set<Int> = []
        // The texts, gathered when a name first needs them (few do).
        lazy var texts = [context.source, context.version] + context.otherVersions
        let capitalizedInside = { (key: String) in texts.contains { NameRuns.capitalizedInside($0).contains(key) } }
        // A name the version writes in another form the entity lexicon gives (an alias, a
        // transliteration: "the Atlantic Alliance" for "NATO", "Qaddafi" for "Gaddafi") is there.
        let entities = LexiconPhrases.mentions(.entities, in: context)
        // The source's name runs, fetched from the context's memo once, when a sentence first needs them.
        lazy var sourceRuns = NameRuns.sentenceRuns(ofSource: true, in: context, openerZipf: Self.commonWordZipf)
        for (index, sentence) in context.version.sentences.enumerated() {
            guard let sourceIndex = context.alignment.sourceOf[index], !reported.contains(sourceIndex),
                  context.alignment.similarity[index] >= Self.minimumSimilarity else { continue }
            let versionTokens = context.version.tokens[sentence.tokens]
            let versionEntities = entities.version.filter { $0.sentence == index }.reduce(into: Set<String>()) { $0.formUnion($1.ids) }
            // A name is left out only when none of it is there: "President Biden" for "President Joe
            // Biden" keeps the person.
            let runs = Self.trimmed(sourceRuns[sourceIndex],
                                    sentence: sourceIndex, in: context.source, language: names.language)
            let missing = runs
                .filter { run in
                    let identifying = Self.identifying(run, among: runs)
                    guard identifying.allSatisfy({ !inVersion.contains(base($0.key)) }),
                          !substituted.contains(run.span), !inVersion.containsSharingStem(with: identifying.last!.key),
                          LexiconPhrases.ids(overlapping: run.span, in: entities.source).isDisjoint(with: versionEntities),
                          names.isEntityLike(run, commonWordZipf: Self.commonWordZipf)
                            || Self.hasUnspelledAcronym(run, in: context.source, versionTokens)
                    else { return false }
                    return !Self.opensSentence(run, sourceIndex, context.source)
                        || Self.isNameOpening(run, sourceIndex, context.source, versionTokens, language: names.language,
                                              capitalizedInside: capitalizedInside)
                }
            for run in missing {
                reported.insert(sourceIndex)
                let place = Self.place(of: run, sourceSentence: sourceIndex, in: context, versionSentence: sentence)
                let written = context.source.text(of: run.span)
                findings.append(finding(place, in: context, message: "“\(written)” of the source is left out here",
                                        sourceSpan: run.span, suggestion: written, evidence: .source))
            }
        }
        return findings
    }

    /// The runs with a first word dropped that is capitalized only for opening the sentence, when a
    /// name follows it ("Psychologist Veronika Stepanova").
    private static func trimmed(_ runs: [NameRuns.Run], sentence: Int, in document: Document, language: String?) -> [NameRuns.Run] {
        runs.map { run in
            guard run.tokens.count >= 2, opensSentence(run, sentence, document),
                  WordFrequencies.builtIn.zipf(run.tokens[0].key, in: language ?? "en") > 0 else { return run }
            return NameRuns.Run(tokens: Array(run.tokens.dropFirst()))
        }
    }

    /// The words of a run that tell its entity: not those that other names of the sentence share
    /// beside words of their own, as "Prefecture" in "Osaka Prefecture, … Aichi Prefecture". (A later
    /// mention of the word alone, "Joe Biden … the Biden presidency", is the same name again.)
    private static func identifying(_ run: NameRuns.Run, among runs: [NameRuns.Run]) -> [Token] {
        // The token's base once, not once for every word of the other runs.
        let rest = run.tokens.filter { token in
            let key = base(token.key)
            return !runs.contains { other in
                other.span != run.span && other.tokens.count > 1 && other.tokens.contains { base($0.key) == key }
            }
        }
        return rest.isEmpty ? run.tokens : rest
    }

    /// Whether the run holds an acronym ("NASA") that the version neither has nor spells out. One joined
    /// to a number ("COVID-19", "MH-17") is a code, which translations render in many ways.
    private static func hasUnspelledAcronym(_ run: NameRuns.Run, in document: Document, _ versionTokens: ArraySlice<Token>) -> Bool {
        run.tokens.contains { token in
            guard NameRuns.isAcronym(token), !NameRuns.spellsOut(token.key, in: versionTokens) else { return false }
            let following = document.tokens[document.sentences[token.sentence].tokens].filter { $0.span.start >= token.span.end }.prefix(2)
            return !(following.first?.span.start == token.span.end && following.first?.text == "-" && following.last?.kind == .number)
        }
    }

    /// Whether a run opening the source sentence is a name, not a word capitalized for opening it: it
    /// has two words or more ("Manmohan Singh"); the texts capitalize it inside a sentence; or the
    /// version's sentence opens with the word that follows it, as when the subject is dropped ("Lost the first set" for
    /// "Murray lost the first set").
    private static func isNameOpening(_ run: NameRuns.Run, _ sentence: Int, _ document: Document,
                                      _ versionTokens: ArraySlice<Token>, language: String?,
                                      capitalizedInside: (String) -> Bool) -> Bool {
        if run.tokens.count >= 2 || run.keys.contains(where: { capitalizedInside(base($0)) }) { return true }
        // The word right after the name (past initials: "Franco A. illegally"), no comma between, as
        // an adverb would have ("Meanwhile, the"); and no word so common that it opens sentences by
        // itself ("the", "she", "has").
        let after = document.tokens[document.sentences[sentence].tokens].filter { $0.span.start >= run.span.end }
        let next = after.first { !($0.text == "." || ($0.kind == .letters && $0.text.unicodeScalars.count == 1)) }
        if let next, next.kind == .letters, next.text.unicodeScalars.first?.hasLowercaseProperty == true,
           WordFrequencies.builtIn.zipf(next.key, in: language ?? "en") < Self.sentenceOpenerZipf,
           versionTokens.first(where: \.isWordLike)?.key == next.key {
            return true
        }
        return false
    }

    /// Whether the run is the sentence's first word, whose capital may be the sentence's, not a name's.
    private static func opensSentence(_ run: NameRuns.Run, _ sentence: Int, _ document: Document) -> Bool {
        document.tokens[document.sentences[sentence].tokens].first(where: \.isWordLike)?.span == run.tokens.first?.span
    }

    /// Where the missing name belongs in the version: just after the word that precedes it in the
    /// source, when the version sentence has that word; else the whole sentence.
    private static func place(of run: NameRuns.Run, sourceSentence: Int, in context: DetectionContext,
                              versionSentence: Sentence) -> TextSpan {
        let tokens = context.source.tokens[context.source.sentences[sourceSentence].tokens]
        guard let before = tokens.last(where: { $0.isWordLike && $0.span.end <= run.span.start }) else {
            // A name that opened the sentence belongs at the start of the version's.
            return .point(versionSentence.span.start)
        }
        guard let anchor = context.version.tokens[versionSentence.tokens].first(where: { $0.key == before.key }) else {
            return versionSentence.span
        }
        return .point(anchor.span.end)
    }
}
