import MTAuditText

/// Flags a capitalized common word standing where the source, or the other versions where the source
/// lacks the passage, name someone: "talks with West, which began" for "talks with Mr Xi, which
/// began", the name read as the word it also spells.
public struct EntitySubstitutionDetector: Detector {
    public static let description = DetectorDescription(
        id: "entity-substitution",
        name: "Entity substitution",
        summary: "A common word, capitalized, standing in the place where the source or the other versions name an entity.",
        category: .mistranslation,
        severity: .critical,
        rationale: """
            A translation system that reads a name as the word it also spells ("Rose" → rose → \
            "Pink", "Xi" → west → "West") takes a person out of the story and leaves a word that \
            seems to name someone else, which misinforms. Where the source has the sentence, the \
            name rules pair each new capitalized word with a name of the source's sentence that the \
            version lacks (see introduced-entity); a pair whose word is common in the language, not \
            a name, a country or an acronym, is this rule's. Where a trimmed source lacks the \
            passage, the version's sentence is compared with the other versions' sentences that \
            render it (evidence "consensus", naming them): a capitalized word is flagged when a name \
            there (a word no text writes in lower case) is nowhere in the version's sentence and \
            stands between the same neighbours: the same word before it (honorifics such as "Mr" \
            aside) and the same word or mark after it, or the end of the sentence. The word must \
            stand alone, not in a capitalized run ("White House"), must not open the sentence and \
            must not be in the other sentence, nor look like the name (name-corruption weighs \
            those). Months, weekdays and title words ("Deputy") are left \
            to date-time-mismatch and title-role-mismatch; names the entities lexicon lists are \
            names, not common words. A wrong form the confusions lexicon lists for a name (class \
            `name-as-word`: "Jack Horse" for "Jack Ma") is this rule's wherever the source's sentence \
            writes the right form and the version's does not, and where only the other versions have \
            the passage one neighbour alike is enough: the lexicon stands for the other.
            """,
        triggeringExamples: [
            DetectorExample(source: "The minister thanked Mr Okonkwo, who had led the talks.",
                            version: "The minister thanked ⟦Rose⟧, who had led the talks."),
            DetectorExample(source: "Fans cheered when Haaland scored in the final minute.",
                            version: "Fans cheered when ⟦Land⟧ scored in the final minute."),
            DetectorExample(source: "The mayor opened the new harbour on Monday.",
                            version: "Officials said the president spoke with ⟦Green⟧, as he had promised.",
                            otherVersions: ["The mayor opened the new harbour on Monday. Officials said the president spoke with Ms Oyelaran, as he had promised."]),
            // A known confusion of the confusions lexicon: the name read as the word it spells.
            DetectorExample(source: "Shareholders applauded Tim Cook when he announced the dividend.",
                            version: "Shareholders applauded Tim ⟦Chef⟧ when he announced the dividend."),
            DetectorExample(source: "The mayor opened the new harbour on Monday.",
                            version: "The mayor opened the new harbour on Monday. That week the delegates met Jack ⟦Horse⟧ near the old customs house.",
                            otherVersions: ["The mayor opened the new harbour on Monday. That week the delegates met with Jack Ma at the old customs house."]),
        ],
        nonTriggeringExamples: [
            DetectorExample(source: "The minister thanked Mr Okonkwo, who had led the talks.",
                            version: "The minister thanked Mr Okonkwo, who had led the talks."),
            DetectorExample(source: "Reporters waited for Okonkwo at the gate.",
                            version: "Reporters waited at the White House gate."),
            DetectorExample(source: "The vote was set for Okonkwo.", version: "The vote was set for March."),
            DetectorExample(source: "The minister thanked Okonkwo, who had led the talks.",
                            version: "The minister thanked him, who had led the talks."),
            DetectorExample(source: "Talks with Okonkwo, the envoy, resumed.",
                            version: "Talks with Deputy, the envoy, resumed."),
            DetectorExample(source: "The minister thanked Okonkwo for his work.",
                            version: "The minister thanked Okonkwo's Office for his work."),
            DetectorExample(source: "Il ministro ha ringraziato Okonkwo.", version: "The minister thanked Rose."),
            // Another name of the same entity, by the entities lexicon.
            DetectorExample(source: "Defence chiefs of NATO met in Tallinn on Tuesday to weigh the budget.",
                            version: "Defence chiefs of the Atlantic Alliance met in Tallinn on Tuesday to weigh the budget."),
            // A wrong form of the confusions lexicon where the source has no right form of it.
            DetectorExample(source: "The children fed a horse at the farm on Saturday.",
                            version: "The children fed Jack Horse at the farm on Saturday."),
        ]
    )

    public init() {}

    public func findings(in context: DetectionContext) -> [Finding] {
        guard context.sameLanguage else { return [] }
        let versionNames = NameRuns.version(in: context)
        guard versionNames.isUsable else { return [] }
        // Where the source has the sentence, the pairs the name rules make (a common word between the
        // same words as a source name, or in its place among the sentence's new names).
        let confusions = ConsensusConfusion.all(in: context)
        var findings = NameSubstitutions.findings(by: self, in: context) { NameSubstitutions.nature(of: $0, in: context) == .commonWord }
        if !confusions.isEmpty {
            findings += confusions.filter { $0.confusion.entryClass != "respelling" }.map { $0.finding(by: self, in: context) }
        }
        // The rest reads the other versions where the source lacks a passage: without them, done.
        guard !context.otherVersions.isEmpty else { return findings }
        let honorifics = NameRuns.honorifics(in: context)
        // Words other rules own: new names (introduced-entity, name-corruption), lexicon phrases.
        // Known confusions where only the other versions have the passage (the lexicon stands for the
        // frame's other side), and listed entities, which are names.
        var taken = NameSubstitutions.pairs(in: context).map(\.version.span) + NameEvidence.corruptions(in: context).map(\.version.span)
            + confusions.map(\.version.span)
        for kind in [LexiconKind.countries, .titles, .dateTimeWords, .entities] {
            taken += LexiconPhrases.mentions(kind, in: context).version.map(\.span)
        }
        // A name of the reading is a word no text writes in lower case: famous names ("Obama") are
        // common in the word lists, and capitalized words ("Parliament") may be nouns.
        let texts = [context.source, context.version] + context.otherVersions
        lazy var lowercaseKeys = texts.map(Self.lowercaseKeys(of:))
        func isLowercase(_ key: String) -> Bool { lowercaseKeys.contains { $0.contains(key) } }
        lazy var titleWords = LexiconPhrases.mentions(.titles, in: context).versionPhrases.vocabulary
        // The name finders of the other versions (consensus readings are theirs), by their place
        // (ids may repeat), made on first need.
        var names: [Int: NameRuns] = [:]
        func nameRuns(of reading: Reading) -> NameRuns {
            let k = reading.otherVersion!  // consensus readings always name their version
            if let known = names[k] { return known }
            let made = NameRuns(document: reading.document, languageGuess: context.versionLanguageGuess,
                                honorifics: NameRuns.honorificKeys(in: context))
            names[k] = made
            return made
        }
        for index in context.version.sentences.indices {
            let readings = context.consensusReadings(ofVersionSentence: index)
            guard !readings.isEmpty else { continue }
            let tokens = Array(context.version.tokens[context.version.sentences[index].tokens])
            let here = Set(tokens.filter(\.isWordLike).map { base($0.key) })
            let candidates = versionNames.capitalizedRuns(in: context.version, sentence: index, openerZipf: 0)
                .filter { run in
                    run.tokens.count == 1 && !NameRuns.isAcronym(run.tokens[0]) && !titleWords.contains(run.tokens[0].key)
                        && !taken.contains { $0.start < run.span.end && run.span.start < $0.end }
                }
            for candidate in candidates {
                let word = candidate.tokens[0]
                guard let position = tokens.firstIndex(where: { $0.span == word.span }),
                      let frame = Self.frame(at: position, length: 1, in: tokens, honorifics: honorifics) else { continue }
                for reading in readings {
                    let readingTokens = Array(reading.document.tokens[reading.document.sentences[reading.sentence].tokens])
                    guard !readingTokens.contains(where: { base($0.key) == base(word.key) }) else { continue }
                    let runs = nameRuns(of: reading).runs(in: reading.document, sentence: reading.sentence)
                    let replaced = runs.first { run in
                        // Names alike are name-corruption's to weigh ("Kerry" against "Kelly").
                        guard run.tokens.allSatisfy({ !isLowercase(base($0.key)) }),
                              !run.tokens.contains(where: { NameRuns.similarity(base($0.key), base(word.key)) >= NameCorruptionDetector.threshold }),
                              run.tokens.allSatisfy({ token in !here.contains(base(token.key)) && !here.contains { sharesStem($0, token.key) } }),
                              let start = readingTokens.firstIndex(where: { $0.span == run.tokens[0].span }),
                              let other = Self.frame(at: start, length: readingTokens[start...].prefix { $0.span.start < run.span.end }.count,
                                                     in: readingTokens, honorifics: honorifics)
                        else { return false }
                        return other == frame
                    }
                    guard let replaced else { continue }
                    let written = reading.document.text(of: replaced.span)
                    findings.append(finding(word.span, in: context,
                                            message: "“\(word.text)” stands where \(reading.document.id) names “\(written)”",
                                            suggestion: written, evidence: .consensus))
                    break
                }
            }
        }
        return findings
    }

    private static let lowercaseKeysKey = MemoKey("entity-substitution-lowercase-keys")

    /// The base keys of the letter words `document` writes with a lower-case first letter, made once
    /// per document.
    private static func lowercaseKeys(of document: Document) -> Set<String> {
        document.memo.value(lowercaseKeysKey, from: document) { document in
            var keys: Set<String> = []
            for token in document.tokens where token.kind == .letters && token.text.unicodeScalars.first?.hasLowercaseProperty == true {
                keys.insert(base(token.key))
            }
            return keys
        }
    }

    /// The neighbours of `length` tokens from `position`: the word before (past honorifics), which
    /// must be there, and the token after (a word or a mark), nil at the end of the sentence.
    private struct Frame: Equatable {
        let before: String
        let after: String?
    }

    private static func frame(at position: Int, length: Int, in tokens: [Token], honorifics: Set<String>) -> Frame? {
        var previous = position - 1
        while previous >= 0, !tokens[previous].isWordLike || honorifics.contains(tokens[previous].key) { previous -= 1 }
        guard previous >= 0 else { return nil }
        let next = position + length
        let after = next < tokens.count ? tokens[next].key : nil
        return Frame(before: tokens[previous].key, after: after == "." && next == tokens.count - 1 ? nil : after)
    }
}
