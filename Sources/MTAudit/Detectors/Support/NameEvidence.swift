import MTAuditText

/// Corrupted names where the source cannot tell: in a passage the source lacks, against what the
/// other versions write there (consensus); anywhere, against the version's own spelling of the name
/// elsewhere (self).
struct NameEvidence {
    struct Corruption {
        let version: NameRuns.Run
        /// The name as the witnesses write it.
        let written: String
        let evidence: Evidence
        /// The other versions that write it so (consensus).
        let witnesses: [String]
    }

    private static let memoKey = MemoKey("name-evidence")

    static func corruptions(in context: DetectionContext) -> [Corruption] {
        // (Told before the memo is asked, which costs more than the telling.)
        guard !isLone(context) else { return [] }
        return context.memoized(memoKey) { compute(in: context) }
    }

    /// Whether the context has a version of one sentence and no other versions: the evidence is
    /// what another version writes in the sentence's place (consensus) or the version's own
    /// spelling of a name in another of its sentences (self), and such a context (most) has neither.
    static func isLone(_ context: DetectionContext) -> Bool {
        context.otherVersions.isEmpty && context.version.sentences.count <= 1
    }

    /// The corruptions of the context (`corruptions(in:)`, unkept). `screensLone` false leaves out
    /// the quick test of a lone sentence, for the tests that check it changes nothing.
    static func compute(in context: DetectionContext, screensLone: Bool = true) -> [Corruption] {
        guard !screensLone || !isLone(context) else { return [] }
        guard context.sameLanguage else { return [] }
        let versionNames = NameRuns.version(in: context)
        guard versionNames.isUsable else { return [] }
        // The version's name words that no other text writes, by sentence: the candidates. Most
        // versions have none, and then nothing else need be made: not even the runs, when no word
        // of the version may be one (the runs' words are among those), nor the set of a short
        // source's words.
        guard NameRuns.versionWritesNewName(in: context) else { return [] }
        let known = NameRuns.known(in: context)
        let versionRuns = NameRuns.sentenceRuns(ofSource: false, in: context)
        // Each word of the runs told known or not once, in one pass: the unknown ones by sentence
        // (the candidates), and the known ones in order with their sentences and bases (the names
        // the other texts confirm).
        var unknown: [[Token]] = []
        unknown.reserveCapacity(versionRuns.count)
        var confirmed: [(sentence: Int, token: Token, key: String)] = []
        var anyUnknown = false
        for (sentence, runs) in versionRuns.enumerated() {
            var here: [Token] = []
            for run in runs {
                for token in run.tokens {
                    let key = base(token.key)
                    if known.contains(key) { confirmed.append((sentence, token, key)) } else { here.append(token) }
                }
            }
            if !here.isEmpty { anyUnknown = true }
            unknown.append(here)
        }
        guard anyUnknown else { return [] }
        let reported = NameSubstitutions.pairs(in: context).map(\.version.span) + ConsensusConfusion.all(in: context).map(\.version.span)
        // Forms the entity lexicon gives one identity are no corruption of each other ("Qaddafi", "Gaddafi").
        let entities = LexiconPhrases.mentions(.entities, in: context)
        let honorifics = NameRuns.honorificKeys(in: context)
        let otherNames = context.otherVersions.map { NameRuns(document: $0, languageGuess: context.versionLanguageGuess, honorifics: honorifics) }
        // The version's own names that the other texts confirm, each distinct name once (made when a
        // name first needs them).
        lazy var names = confirmedNames(confirmed)
        var corruptions: [Corruption] = []
        for index in context.version.sentences.indices {
            let new = unknown[index].map { NameRuns.Run(tokens: [$0]) }
                .filter { run in !reported.contains { $0.overlaps(run.span) } }
            guard !new.isEmpty else { continue }
            let readings = context.consensusReadings(ofVersionSentence: index)
            // The sentence's words, for the consensus, which needs readings (most sentences have none).
            lazy var here = Set(context.version.tokens[context.version.sentences[index].tokens].map { base($0.key) })
            for run in new {
                if !readings.isEmpty, let found = consensus(for: run, readings: readings, names: otherNames, context: context, here: here, entities: entities) {
                    corruptions.append(found)
                    continue
                }
                // The version's own spelling in another sentence: of the names most alike, the first
                // written (each name by its first mention outside this sentence).
                let key = base(run.key)
                if let best = closest(to: key, among: names, outside: index, threshold: NameCorruptionDetector.threshold)?.run,
                   !related(run.key, best.key),
                   LexiconPhrases.ids(overlapping: run.span, in: entities.version)
                    .isDisjoint(with: LexiconPhrases.ids(overlapping: best.span, in: entities.version)) {
                    corruptions.append(Corruption(version: run, written: context.version.text(of: best.span), evidence: .self, witnesses: []))
                }
            }
        }
        return corruptions
    }

    /// The version's names that the other texts confirm (`confirmed`: their words in order, with
    /// their sentences and bases), each distinct name once (a name repeated through a long text is
    /// compared once, not once a mention), in the order of first mention.
    static func confirmedNames(_ confirmed: [(sentence: Int, token: Token, key: String)]) -> [ConfirmedName] {
        var names: [ConfirmedName] = []
        // Each key's place in `names`, numbered as they come (by their bytes, FNV-1a: bases of
        // matching keys, equal when their bytes are; the standard table's SipHash cost several times).
        var place = KeyNumbering()
        for (sentence, token, key) in confirmed {
            let at = place.number(key)
            if at < names.count {
                if names[at].next == nil && names[at].first.sentence != sentence {
                    names[at].next = Mention(sentence: sentence, run: NameRuns.Run(tokens: [token]))
                }
            } else {
                names.append(ConfirmedName(screen: NameScreen(key), key: key,
                                           first: Mention(sentence: sentence, run: NameRuns.Run(tokens: [token]))))
            }
        }
        return names
    }

    /// The version's own spelling of the name of base `key` in another sentence than `sentence`: of
    /// the names most alike, the first written (each name by its first mention outside the
    /// sentence), when it is at least `threshold` alike; nil when none is.
    static func closest(to key: String, among names: [ConfirmedName], outside sentence: Int,
                        threshold: Double) -> (run: NameRuns.Run, similarity: Double)? {
        let screen = NameScreen(key)
        var found: (run: NameRuns.Run, similarity: Double, sentence: Int, start: Int)?
        // What a name must reach to matter: the threshold, then the best found (a name as alike as
        // the best still may be, if written earlier).
        var bar = threshold
        names.withUnsafeBufferPointer { names in
            for at in names.indices {
                // The distance is at least the difference of the lengths, and at least the letters one
                // name has and the other lacks: a name too unlike cannot reach the bar, and is not
                // compared (nor copied: its screen is read in place). Leaving out names below the
                // threshold, or below the best so far, changes neither whether the best reaches the
                // threshold nor, if so, which is best.
                guard screen.mayReach(names[at].screen, threshold: bar),
                      let mention = names[at].first.sentence != sentence ? names[at].first : names[at].next else { continue }
                let similarity = NameRuns.similarity(key, names[at].key)
                if let known = found, similarity < known.similarity
                    || (similarity == known.similarity && (known.sentence, known.start) < (mention.sentence, mention.run.span.start)) {
                    continue
                }
                found = (mention.run, similarity, mention.sentence, mention.run.span.start)
                bar = max(bar, similarity)
            }
        }
        guard let found, found.similarity >= threshold else { return nil }
        return (found.run, found.similarity)
    }

    /// A mention of a name: its sentence and its run (of its one word).
    struct Mention {
        let sentence: Int
        let run: NameRuns.Run
    }

    /// A name of the version that the other texts confirm, as the self evidence compares it: its
    /// key's screen and key (the base of its word), its first mention and its first in another
    /// sentence (the one it is compared by from a sentence that has the first).
    struct ConfirmedName {
        let screen: NameScreen
        let key: String
        let first: Mention
        var next: Mention?
    }

    /// Forms of one name ("Halvorsen's"), or a name run into another word ("MrBrennan", which
    /// merged-tokens reports): not a corruption.
    private static func related(_ a: String, _ b: String) -> Bool {
        let x = base(a), y = base(b)
        return sharesStem(a, b) || x.contains(y) || y.contains(x)
    }

    /// The most similar name that the other versions write in this sentence's place and this
    /// sentence lacks, with the versions that write it.
    private static func consensus(for run: NameRuns.Run, readings: [Reading], names: [NameRuns],
                                  context: DetectionContext, here: Set<String>,
                                  entities: LexiconPhrases.KindMentions) -> Corruption? {
        let runIDs = LexiconPhrases.ids(overlapping: run.span, in: entities.version)
        var best: (name: NameRuns.Run, document: Document, similarity: Double)?
        for reading in readings {
            guard let k = reading.otherVersion else { continue }
            let parts = names[k].runs(in: reading.document, sentence: reading.sentence).flatMap(\.tokens)
                .filter { !here.contains(base($0.key)) }.map { NameRuns.Run(tokens: [$0]) }
            for part in parts where runIDs.isDisjoint(with: LexiconPhrases.ids(overlapping: part.span, in: entities.others[k])) {
                let similarity = NameRuns.similarity(base(run.key), base(part.key))
                if similarity > best?.similarity ?? 0 { best = (part, reading.document, similarity) }
            }
        }
        guard let best, best.similarity >= NameCorruptionDetector.threshold, !related(run.key, best.name.key) else { return nil }
        let key = base(best.name.key)
        // Two versions against each other: the form more texts write wins ("Kerry", in another version
        // and elsewhere in this one, over "Kelly"); between one and one, the form the word list knows
        // ("Anchorage" over "Ancollage").
        let texts = [context.source, context.version] + context.otherVersions
        let support = texts.filter { $0.tokens.contains { base($0.key) == key } }.count
        if support < 2 {
            let language = Comparability.listedLanguage(of: context.version, guess: context.versionLanguageGuess) ?? "en"
            guard WordFrequencies.builtIn.zipf(key, in: language) > 0, WordFrequencies.builtIn.zipf(base(run.key), in: language) == 0 else { return nil }
        }
        let witnesses = readings.filter { reading in
            reading.document.tokens[reading.document.sentences[reading.sentence].tokens].contains { base($0.key) == key }
        }.map(\.document.id)
        return Corruption(version: run, written: best.document.text(of: best.name.span), evidence: .consensus, witnesses: witnesses)
    }
}
