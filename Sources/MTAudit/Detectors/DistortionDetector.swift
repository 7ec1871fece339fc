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
            let versionTokens = context.version.tokens, sourceTokens = context.source.tokens
            // Sentences that write the same words in the same order (keys equal byte for byte, and so
            // their base keys) have no word that the other lacks: nothing can stray, and the link is
            // done before any word is numbered (a sentence left as it was).
            if versionWords.count == sourceWords.count,
               zip(versionWords, sourceWords).allSatisfy({ KeyNumbering.equal(versionTokens[$0].key, sourceTokens[$1].key) }) { continue }
            // A word counts as there in another form too ("approve" for "approved"). Each base key
            // is numbered once, for the alignment and for telling which texts write it.
            // (Room for these words, and as many of the other versions' when there are others.)
            var numbering = TokenAligner.Numbering(capacity: (context.otherVersions.isEmpty ? 1 : 2) * (versionWords.count + sourceWords.count))
            let versionNumbers = versionWords.map { numbering.number(base(versionTokens[$0].key)) }
            let sourceNumbers = sourceWords.map { numbering.number(base(sourceTokens[$0].key)) }
            // Which texts write each key, by number (`Mark`), in one array: the other versions' keys,
            // numbered below, get room when they come.
            var marks = [UInt8](filledWith: 0, count: numbering.keys.count)
            for number in versionNumbers { marks[number] |= Mark.version }
            for number in sourceNumbers { marks[number] |= Mark.source }
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
                let number = versionNumbers[place]
                return marks[number] & Mark.source == 0 && isContent(versionWords[place], of: context.version, versionRows, numbering.keys[number])
            } || sourceWords.indices.contains { place in
                let number = sourceNumbers[place]
                return marks[number] & Mark.version == 0 && isContent(sourceWords[place], of: context.source, sourceRows, numbering.keys[number])
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
            if keys.count > marks.count { marks.append(contentsOf: repeatElement(0, count: keys.count - marks.count)) }
            for number in othersNumbers { marks[number] |= Mark.others }
            var facts = KeyFacts(keys: keys, marks: marks)
            let pairs = TokenAligner().align(versionNumbers, sourceNumbers, keys: keys)
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
                // (Counted, not listed: only their number is needed.)
                var added = 0, lost = 0
                for place in versionGap.indices {
                    let number = versionNumbers[place]
                    if isContent(versionWords[place], of: context.version, versionRows, keys[number])
                        && !facts.has(Mark.source, sourceNumbers, number) && !facts.has(Mark.others, othersNumbers, number) { added += 1 }
                }
                for place in sourceGap.indices {
                    let number = sourceNumbers[place]
                    if isContent(sourceWords[place], of: context.source, sourceRows, keys[number])
                        && !facts.has(Mark.version, versionNumbers, number) && (!othersRender || facts.has(Mark.others, othersNumbers, number)) { lost += 1 }
                }
                guard added > 0 || lost > 0 else { continue }
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
                                        evidence: .source, severity: added + lost >= Self.majorWords ? .major : nil))
            }
        }
        return findings
    }

    /// What is known of the keys of a link, each read once and kept: which texts write it (`Mark`),
    /// its length, and its `stemHead`. (A struct with mutating methods, not nested functions: a
    /// variable a nested function captures lives in a box whose every access is checked at run time.)
    private struct KeyFacts {
        let keys: [String]
        /// By key number: `Mark` bits.
        var marks: [UInt8]
        /// By key number: its `stemHead` (-1 when it has none; -2 until read).
        var heads: [Int16]

        init(keys: [String], marks: [UInt8]) {
            self.keys = keys
            self.marks = marks
            heads = [Int16](filledWith: -2, count: keys.count)
        }

        /// Only words of four letters or more share a stem: "a" and "in" begin too many words.
        mutating func long(_ number: Int) -> Bool {
            let known = marks[number]
            if known & Mark.lengthKnown != 0 { return known & Mark.isLong != 0 }
            let answer = TokenAligner.scalarCount(keys[number]) >= 4
            marks[number] |= answer ? Mark.lengthKnown | Mark.isLong : Mark.lengthKnown
            return answer
        }

        /// Two plain keys that begin with different bytes share no stem, with no call to `sharesStem`.
        mutating func head(_ number: Int) -> Int {
            if heads[number] != -2 { return Int(heads[number]) }
            let answer = stemHead(keys[number]).map(Int.init) ?? -1
            heads[number] = Int16(answer)
            return answer
        }

        /// Whether the texts of `mark`, whose words are `numbers`, write key `number`, as such or
        /// as another form. (`numbers` may repeat a key: whether one of them shares a stem is
        /// the same question.)
        mutating func has(_ mark: UInt8, _ numbers: [Int], _ number: Int) -> Bool {
            guard marks[number] & mark == 0 else { return true }
            guard long(number) else { return false }
            let first = head(number)
            for other in numbers where long(other) {
                let otherFirst = head(other)
                if first >= 0 && otherFirst >= 0 && first != otherFirst { continue }
                if sharesStem(keys[other], keys[number]) { return true }
            }
            return false
        }
    }

    /// What is known of a key in a link, as bits of one byte per key number: which texts write it,
    /// and whether it is long enough to share a stem (once measured).
    private enum Mark {
        static let version: UInt8 = 1, source: UInt8 = 2, others: UInt8 = 4
        static let lengthKnown: UInt8 = 8, isLong: UInt8 = 16
    }
}
