import MTAuditText

/// Flags a stretch of an aligned sentence whose content words are not the source's: what the version
/// says there strays from what the source says, and the other versions do not say it either.
public struct DistortionDetector: Detector {
    /// A word this common in the language (articles, auxiliaries, "said", "new") is a matter of
    /// wording; only rarer words, names and numbers carry what a sentence says.
    static let contentWordZipf: Float = 4.5
    /// A stretch with this many content words astray (both sides together) rewrites a passage: major.
    static let majorWords = 6
    /// Links this alike (plain Dice of their words) render one another; below, a pair of sentences is
    /// only compared when each text is that one sentence.
    static let minimumSimilarity = 0.2

    public static let description = DetectorDescription(
        id: "distortion",
        name: "Distortion",
        summary: "A stretch of a sentence that says something the source does not: its content words are neither the source's nor the other versions'.",
        category: .mistranslation,
        severity: .minor,
        rationale: """
            A translation can be fluent and still say something else: a verb turned into its \
            opposite, a place or an object replaced, a clause invented. The other rules look for \
            names, numbers and dates; this one grades what is left. Within each pair of aligned \
            sentences (in one language: a round trip or a rewrite), the words are aligned in order, \
            and each stretch between two shared words is compared: a content word (rarer than the \
            language's commonest words, or a name or number) of the version that the source \
            sentence does not have anywhere, and that no other version writes in its sentence, or a \
            content word of the source that the version's sentence lacks, is astray. Each stretch \
            with a word astray is one finding, as an MQM annotator marks each error span: minor, \
            major when six content words or more are astray in it (a passage rewritten). A fair \
            paraphrase changes few content words and scores high; a distortion changes many. Words \
            that merely move, other forms of a word ("approve" for "approved") and common words \
            ("the", "said", "would") are not counted. Where another rule's finding touches the \
            stretch (a number changed, a name replaced, a passage left out), the audit keeps that \
            finding and drops this one, so that one error is not counted twice. Content words are \
            told by the language's word list; a language without one is not checked.
            """,
        triggeringExamples: [
            DetectorExample(source: "The council approved the harbour budget after a long debate.",
                            version: "The council ⟦rejected⟧ the harbour budget after a long debate."),
            DetectorExample(source: "Divers found the wreck near the lighthouse on the northern reef.",
                            version: "Divers found the wreck near the ⟦old brewery by⟧ the ⟦eastern canal⟧."),
            DetectorExample(source: "Police said the council approved the budget after a long debate.",
                            version: "Police said the council ⟦abolished⟧ the budget after a long debate."),
            DetectorExample(source: "The ferry carried pilgrims and grain across the strait every morning despite the storms.",
                            version: "The ferry carried pilgrims and grain across the strait every morning⟦⟧."),
        ],
        nonTriggeringExamples: [
            DetectorExample(source: "The council approved the harbour budget after a long debate.",
                            version: "After a long debate, the council approved the harbour budget."),
            DetectorExample(source: "The council approved the harbour budget after a long debate.",
                            version: "The council has approved the harbour budget following a long debate."),
            DetectorExample(source: "The council approved the harbour budget.", version: "Le conseil a approuvé le budget du port."),
            DetectorExample(source: "他在公园里散步了很久。", version: "他在公园里散了很长时间的步。"),
            DetectorExample(source: "The mayor opened the bridge.", version: "The mayor inaugurated the bridge.",
                            otherVersions: ["The mayor inaugurated the bridge."]),
        ]
    )

    public init() {}

    public func findings(in context: DetectionContext) -> [Finding] {
        // Which words carry content is read from the language's word list: without one (Chinese,
        // Japanese, languages the lists do not cover), the rule stays silent.
        guard context.sameLanguage, let language = Comparability.listedLanguage(of: context.version, guess: context.versionLanguageGuess),
              WordFrequencies.builtIn.knows(language) else { return [] }
        let single = context.source.sentences.count == 1 && context.version.sentences.count == 1
        var findings: [Finding] = []
        let versionRows = DocumentWordRows.of(context.version), sourceRows = DocumentWordRows.of(context.source)
        let frequencies = WordFrequencies.builtIn, languageIndex = frequencies.languageIndex(of: language)
        for link in context.alignment.links {
            guard let first = link.version.first, single || context.alignment.similarity[first] >= Self.minimumSimilarity else { continue }
            let versionWords = TokenAligner.words(context.version, link.version)
            let sourceWords = TokenAligner.words(context.source, link.source)
            // A word counts as there in another form too ("approve" for "approved"). Each base key
            // is numbered once, for the alignment and for telling which texts write it.
            let versionTokens = context.version.tokens, sourceTokens = context.source.tokens
            let versionKeys = versionWords.map { base(versionTokens[$0].key) }
            let sourceKeys = sourceWords.map { base(sourceTokens[$0].key) }
            // (Room for these words and as many of the other versions'.)
            var numbering = TokenAligner.Numbering(capacity: 2 * (versionWords.count + sourceWords.count))
            let versionNumbers = versionKeys.map { numbering.number($0) }
            let sourceNumbers = sourceKeys.map { numbering.number($0) }
            // (Sized for the version's and the source's words, numbered so far: they are asked only
            // about those, never about the other versions' numbered below.)
            let inSource = Words(sourceNumbers, count: numbering.keys.count), inVersion = Words(versionNumbers, count: numbering.keys.count)
            func isContent(_ index: Int, of document: Document, _ rows: DocumentWordRows, _ key: String) -> Bool {
                // The token's fields read in place, with no copy of the token.
                let kind = document.tokens[index].kind
                if kind == .number { return true }
                guard kind == .letters else { return false }
                // The token's row when `key` is its own key (most are), read in the language found once;
                // else a look-up.
                let zipf = key == document.tokens[index].key
                    ? rows.zipf(ofToken: index, key: key, in: language, languageIndex: languageIndex) : frequencies.zipf(key, in: language)
                return zipf < Self.contentWordZipf
            }
            // A word is astray only if it is a content word the other sentence does not write as
            // such: when every content word is written on the other side too, no stretch has one,
            // whatever the alignment, and the link is done (most links, and before the alignment,
            // the costliest step).
            let mayStray = versionWords.indices.contains { place in
                !inSource.contains(versionNumbers[place]) && isContent(versionWords[place], of: context.version, versionRows, versionKeys[place])
            } || sourceWords.indices.contains { place in
                !inVersion.contains(sourceNumbers[place]) && isContent(sourceWords[place], of: context.source, sourceRows, sourceKeys[place])
            }
            guard mayStray else { continue }
            // The words the other versions write in these sentences' place: where they agree with
            // this version, its wording is no distortion.
            var othersNumbers: [Int] = []
            var othersRender = false
            for v in link.version {
                for (other, alignment) in zip(context.otherVersions, context.otherAlignments) {
                    guard let s = alignment.sourceOf[v], alignment.similarity[v] >= SentenceAlignment.evidenceSimilarity else { continue }
                    othersRender = true
                    for token in other.tokens[other.sentences[s].tokens] where token.isWordLike {
                        othersNumbers.append(numbering.number(base(token.key)))
                    }
                }
            }
            let keys = numbering.keys
            // Only words of four letters or more share a stem: "a" and "in" begin too many words.
            var isLong = [Bool?](filledWith: nil, count: keys.count)
            func long(_ number: Int) -> Bool {
                if let known = isLong[number] { return known }
                let answer = TokenAligner.scalarCount(keys[number]) >= 4
                isLong[number] = answer
                return answer
            }
            // Each key's `stemHead` (-1 when it has none), read once: two plain keys that begin
            // with different bytes share no stem, with no call to `sharesStem`.
            var heads = [Int?](filledWith: nil, count: keys.count)
            func head(_ number: Int) -> Int {
                if let known = heads[number] { return known }
                let answer = stemHead(keys[number]).map(Int.init) ?? -1
                heads[number] = answer
                return answer
            }
            func has(_ words: Words, _ number: Int) -> Bool {
                guard !words.contains(number) else { return true }
                guard long(number) else { return false }
                let first = head(number)
                return words.distinct.contains { other in
                    guard long(other) else { return false }
                    let otherFirst = head(other)
                    if first >= 0 && otherFirst >= 0 && first != otherFirst { return false }
                    return sharesStem(keys[other], keys[number])
                }
            }
            let inOthers = Words(othersNumbers, count: keys.count)
            let pairs = TokenAligner().align(versionKeys, versionNumbers, sourceKeys, sourceNumbers)
            // The stretches between consecutive shared words (a chain rising in both sentences; words
            // in each other's place are no shared words).
            var anchors: [(version: Int, source: Int)] = []
            anchors.reserveCapacity(pairs.count + 1)
            for pair in pairs where pair.kind != .substituted && pair.source > anchors.last?.source ?? -1 {
                anchors.append((version: pair.version, source: pair.source))
            }
            anchors.append((version: versionWords.count, source: sourceWords.count))
            var previous = (version: -1, source: -1)
            for anchor in anchors {
                defer { previous = anchor }
                let versionGap = versionWords[(previous.version + 1)..<anchor.version]
                let sourceGap = sourceWords[(previous.source + 1)..<anchor.source]
                let added = versionGap.indices.filter { place in
                    let number = versionNumbers[place]
                    return isContent(versionWords[place], of: context.version, versionRows, versionKeys[place])
                        && !has(inSource, number) && !has(inOthers, number)
                }
                let lost = sourceGap.indices.filter { place in
                    let number = sourceNumbers[place]
                    return isContent(sourceWords[place], of: context.source, sourceRows, sourceKeys[place])
                        && !has(inVersion, number) && (!othersRender || has(inOthers, number))
                }
                guard !added.isEmpty || !lost.isEmpty else { continue }
                let span: TextSpan
                if let from = versionGap.first, let to = versionGap.last {
                    span = context.version.tokens[from].span.union(context.version.tokens[to].span)
                } else {
                    let at = previous.version >= 0 ? context.version.tokens[versionWords[previous.version]].span.end
                        : context.version.tokens[versionWords.first ?? 0].span.start
                    span = .point(at)
                }
                let sourceSpan = sourceGap.first.map { context.source.tokens[$0].span.union(context.source.tokens[sourceGap.last!].span) }
                let sourceText = sourceSpan.map { context.source.text(of: $0) }
                let message: String
                if versionGap.isEmpty {
                    message = "the source’s “\(sourceText ?? "")” is not rendered here"
                } else if let sourceText {
                    message = "“\(context.version.text(of: span))” stands where the source says “\(sourceText)”"
                } else {
                    message = "“\(context.version.text(of: span))” has no counterpart in the source"
                }
                findings.append(finding(span, in: context, message: message, sourceSpan: sourceSpan, suggestion: sourceText,
                                        evidence: .source, severity: added.count + lost.count >= Self.majorWords ? .major : nil))
            }
        }
        return findings
    }

    /// The words of one text in a link, by their numbers in the link's `TokenAligner.Numbering`.
    private struct Words {
        /// Whether each number is among them.
        private var present: [Bool]
        /// Each of them once.
        private(set) var distinct: [Int] = []

        /// The words `numbers`, of a numbering of `count` keys.
        init(_ numbers: [Int], count: Int) {
            present = Array(filledWith: false, count: count)
            // (Room for every number given: appending would otherwise grow the array again and again.)
            distinct.reserveCapacity(numbers.count)
            for number in numbers where !present[number] {
                present[number] = true
                distinct.append(number)
            }
        }

        func contains(_ number: Int) -> Bool { present[number] }
    }
}
