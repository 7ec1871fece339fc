import MTAuditText

/// Flags case lost: a version all in lower case, a sentence that starts in lower case where the source
/// capitalizes, and a proper name of the source written in lower case.
public struct CasingDetector: Detector {
    public static let description = DetectorDescription(
        id: "casing",
        name: "Casing",
        summary: "Lower case where the source capitalizes: a whole version, a sentence start, a name.",
        category: .spelling,
        severity: .minor,
        rationale: """
            Lost capitals make a version look machine-made and can hide a name ("may" for the month or \
            the person). Only scripts with case are judged. Words with inner capitals ("iPhone") and words \
            that the source itself writes in lower case are left alone.
            """,
        triggeringExamples: [
            DetectorExample(source: "The Council met on Monday. It voted.", version: "⟦the council met on monday. it voted⟧."),
            DetectorExample(source: "Did the council vote? It did.", version: "Did the council vote? ⟦it⟧ did."),
            DetectorExample(source: "They sailed past Kessa Island at dawn.", version: "They sailed past ⟦kessa⟧ Island at dawn."),
            DetectorExample(source: "Last month the plan passed in Oslo.", version: "⟦last⟧ month the plan passed in Oslo."),
        ],
        nonTriggeringExamples: [
            DetectorExample(source: "The council met. It voted.", version: "The council met. It voted."),
            DetectorExample(source: "iPhone sales rose.", version: "iPhone sales rose again."),
            DetectorExample(source: "The President spoke. The president of the club too.", version: "The president spoke."),
            DetectorExample(source: "会议在北京举行。", version: "会议在北京举行了。"),
            DetectorExample(source: "He met Mr. Falk.", version: "He met Mr Falk."),
            DetectorExample(source: "e. e. cummings wrote poems.", version: "e. e. cummings wrote poems."),
        ]
    )

    public init() {}

    public func findings(in context: DetectionContext) -> [Finding] {
        if let whole = allLowerCase(context) { return [whole] }
        return sentenceStarts(context) + loweredNames(context)
    }

    private func allLowerCase(_ context: DetectionContext) -> Finding? {
        var lower = 0
        for scalar in context.version.text.unicodeScalars {
            if scalar.hasUppercaseProperty { return nil }
            if scalar.hasLowercaseProperty { lower += 1 }
        }
        let cased = context.version.tokens.filter { $0.text.unicodeScalars.contains(where: \.hasLowercaseProperty) }
        guard lower >= 10, context.source.text.unicodeScalars.contains(where: \.hasUppercaseProperty),
              let first = cased.first, let last = cased.last else { return nil }
        return finding(first.span.union(last.span), in: context,
                       message: "the version is all in lower case, where the source uses capitals", evidence: .source)
    }

    /// The index of the first word of a sentence in a script with case, if its first letter has case.
    /// (An index: the tokens are read in place, and only one a caller needs is copied.)
    private func openingIndex(_ document: Document, _ index: Int) -> Int? {
        let tokens = document.tokens
        for k in document.sentences[index].tokens where tokens[k].kind == .letters && Self.firstChangesCase(tokens[k].text) {
            return k
        }
        return nil
    }

    /// Whether `text`'s first scalar changes when case mapped: an ASCII one when it is a letter (no
    /// other ASCII character has case), told from its byte with no property looked up.
    static func firstChangesCase(_ text: String) -> Bool {
        guard let byte = text.utf8.first else { return false }
        if byte < 0x80 { return (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        return text.unicodeScalars.first!.properties.changesWhenCaseMapped
    }

    private func sentenceStarts(_ context: DetectionContext) -> [Finding] {
        let version = context.version, source = context.source
        // The source's openings counted in place (no array of their tokens): whether most of them
        // are capitalized.
        var sourceStarts = 0, capitalizedStarts = 0
        for index in source.sentences.indices {
            guard let k = openingIndex(source, index) else { continue }
            sourceStarts += 1
            if source.tokens[k].text.startsWithCapital { capitalizedStarts += 1 }
        }
        let sourceCapitalizes = sourceStarts > 0 && capitalizedStarts * 2 > sourceStarts
        // The words the source opens sentences with, as a set, made on the first sentence that asks:
        // a long text has many lower-case openings, and a search of the list for each grew with the
        // square of its length.
        lazy var sourceOpenings = Set(source.sentences.indices.lazy.compactMap { self.openingIndex(source, $0) }.map { source.tokens[$0].text })
        var findings: [Finding] = []
        for index in version.sentences.indices {
            // The opening's first letter read in place: most are capitals, and stop here.
            guard let k = openingIndex(version, index), version.tokens[k].text.startsWithLowercase else { continue }
            let token = version.tokens[k]
            guard !token.text.unicodeScalars.dropFirst().contains(where: \.hasUppercaseProperty) else { continue }
            // The previous sentence must have ended: "…said. it" is a new sentence, a headline is not.
            if index > 0, version.sentences[index - 1].paragraph == version.sentences[index].paragraph,
               version.terminalMark(ofSentence: index - 1) == nil { continue }
            let expected: Bool
            if let sourceIndex = context.alignment.sourceOf[index], let sourceToken = openingIndex(source, sourceIndex) {
                expected = source.tokens[sourceToken].text.startsWithCapital
            } else if !context.sameLanguage {
                expected = sourceCapitalizes
            } else {
                continue  // a sentence the source does not have: additions are judged elsewhere
            }
            // The source writes this very word in lower case at a sentence start ("e. e. cummings").
            if sourceOpenings.contains(token.text) { continue }
            guard expected else { continue }
            findings.append(finding(token.span, in: context, message: "the sentence starts in lower case: “\(token.text)”",
                                    suggestion: Self.capitalized(token.text), evidence: .source))
        }
        return findings
    }

    /// A source's proper names (`Vocabulary.forEachProperName` of the source alone, in its order),
    /// each with its key's `KeyNumbering` hash: made once per source document, where each version
    /// compared with it walked the source's every word and hashed each name again.
    final class SourceProperNames: Sendable {
        let names: [(key: String, hash: UInt64)]

        init(_ document: Document) {
            var names: [(key: String, hash: UInt64)] = []
            Vocabulary(document, others: []).forEachProperName { names.append(($0, KeyNumbering.hash($0))) }
            self.names = names
        }

        private static let memoKey = MemoKey("casing-source-proper-names")

        static func of(_ document: Document) -> SourceProperNames {
            document.memo.value(memoKey) { SourceProperNames(document) }
        }
    }

    private func loweredNames(_ context: DetectionContext) -> [Finding] {
        guard context.sameLanguage else { return [] }
        // The source's words and word pairs: its proper names, and the neighbours they stand beside.
        // (The vocabulary itself is read only for a version that writes one of the names.)
        lazy var vocabulary = Vocabulary(context.source, others: [])
        let version = context.version
        // The source's proper names (few), looked up among the version's words by key: a token can be
        // a name in lower case only if its word's id in the version's numbering (equal keys alike) is
        // one of theirs: a bit of a 64-bit mask for a version of up to 64 words, else a mark by id.
        // Most versions have none of their words, and read no token; most others' tokens stop at the
        // mark or at their capital.
        let words = DocumentWords.of(version)
        let fewWords = words.keys.count <= 64
        var nameBits: UInt64 = 0
        var isName: [Bool] = []
        for (key, hash) in SourceProperNames.of(context.source).names {
            guard let id = words.ids.number(of: key, hash: hash) else { continue }
            if fewWords {
                nameBits |= 1 << UInt64(id)
            } else {
                if isName.isEmpty { isName = [Bool](filledWith: false, count: words.keys.count) }
                isName[id] = true
            }
        }
        guard nameBits != 0 || !isName.isEmpty else { return [] }
        func isNameId(_ id: Int32) -> Bool { fewWords ? nameBits & (1 << UInt64(id)) != 0 : isName[Int(id)] }
        let honorifics = NameRuns.honorifics(in: context)
        var findings: [Finding] = []
        let tokens = version.tokens, ids = words.tokenIds
        let sourceWords = DocumentWords.of(context.source)
        // The names in lower case, in order, with their ids in the source's numbering: first all of
        // them, so that the source's pairs are made of their words alone.
        var lowered: [(token: Int, nameId: Int, name: String)] = []
        for k in tokens.indices where tokens[k].kind == .letters && ids[k] >= 0 && isNameId(ids[k]) {
            // Read in place: only a name in lower case is copied.
            guard Self.isLowerCase(tokens[k].text, isASCII: tokens[k].isASCII),
                  let name = vocabulary.properName(tokens[k].key), !honorifics.contains(tokens[k].key) else { continue }
            let token = tokens[k]
            let sentenceStart = version.sentences[token.sentence].tokens.lowerBound
            if !version.tokens[sentenceStart..<k].contains(where: \.isWordLike) { continue }  // a sentence start
            guard let nameId = sourceWords.ids.number(of: token.key) else { continue }
            lowered.append((k, nameId, name))
        }
        guard !lowered.isEmpty else { return [] }
        // The source's word pairs that have one of these names, by its words' ids: a long text asks
        // about many names, and each asked of the pairs' table joined and hashed a string; and of
        // its every pair, sorted, most hold none of them.
        var wanted = [Bool](filledWith: false, count: sourceWords.keys.count)
        for name in lowered { wanted[name.nameId] = true }
        let pairs = Vocabulary.Pairs.idPairs(of: context.source, involving: wanted)
        for (k, nameId, name) in lowered {
            let token = tokens[k]
            // The name must stand where the source has it, beside one of its neighbours there: "kessa
            // Island" for "Kessa Island", but not "internal affairs" for "Foreign Affairs". (The
            // source's pair "a b" of two words: their ids there, a neighbour the source does not
            // write being beside none of its names.)
            let beside = [k - 1, k + 1].contains { index in
                guard index >= 0, index < tokens.count, !tokens[index].key.isEmpty,
                      let neighbour = sourceWords.ids.number(of: tokens[index].key) else { return false }
                return Vocabulary.Pairs.containsIdPair(pairs, neighbour, nameId)
                    || Vocabulary.Pairs.containsIdPair(pairs, nameId, neighbour)
            }
            guard beside else { continue }
            findings.append(finding(token.span, in: context,
                                    message: "“\(token.text)” is in lower case; the source writes the name “\(name)”",
                                    suggestion: name, evidence: .source))
        }
        return findings
    }

    /// Whether `text` starts with a lower-case letter and has no capital: an ASCII text (`isASCII`)
    /// told from its bytes, another from its scalars' properties.
    static func isLowerCase(_ text: String, isASCII: Bool) -> Bool {
        if isASCII, let lower = text.utf8.withContiguousStorageIfAvailable({ bytes in
            guard let first = bytes.first, first >= 0x61 && first <= 0x7A else { return false }
            return !bytes.contains { $0 >= 0x41 && $0 <= 0x5A }
        }) {
            return lower
        }
        return isLowerCaseByScalars(text)
    }

    /// `isLowerCase` read from the scalars' properties (kept apart from the bytes' path, which most
    /// words take).
    @inline(never)
    private static func isLowerCaseByScalars(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy({ !$0.hasUppercaseProperty }) && text.unicodeScalars.first?.hasLowercaseProperty == true
    }

    static func capitalized(_ word: String) -> String {
        guard let first = word.first else { return word }
        return String(first).uppercased() + word.dropFirst()
    }
}
