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

    /// The first word of a sentence in a script with case, if its first letter has case.
    private func opening(_ document: Document, _ index: Int) -> Token? {
        // By index: only the token found is copied.
        let tokens = document.tokens
        for k in document.sentences[index].tokens where tokens[k].kind == .letters
            && tokens[k].text.unicodeScalars.first.map({ $0.properties.changesWhenCaseMapped }) == true {
            return tokens[k]
        }
        return nil
    }

    private func sentenceStarts(_ context: DetectionContext) -> [Finding] {
        let version = context.version, source = context.source
        let sourceStarts = source.sentences.indices.compactMap { opening(source, $0) }
        let sourceCapitalizes = !sourceStarts.isEmpty
            && sourceStarts.filter { $0.text.unicodeScalars.first!.hasUppercaseProperty }.count * 2 > sourceStarts.count
        // The words the source opens sentences with, as a set, made on the first sentence that asks:
        // a long text has many lower-case openings, and a search of the list for each grew with the
        // square of its length.
        lazy var sourceOpenings = Set(sourceStarts.lazy.map(\.text))
        var findings: [Finding] = []
        for index in version.sentences.indices {
            guard let token = opening(version, index), let first = token.text.unicodeScalars.first,
                  first.hasLowercaseProperty,
                  !token.text.unicodeScalars.dropFirst().contains(where: \.hasUppercaseProperty) else { continue }
            // The previous sentence must have ended: "…said. it" is a new sentence, a headline is not.
            if index > 0, version.sentences[index - 1].paragraph == version.sentences[index].paragraph,
               version.terminalMark(ofSentence: index - 1) == nil { continue }
            let expected: Bool
            if let sourceIndex = context.alignment.sourceOf[index], let sourceToken = opening(source, sourceIndex) {
                expected = sourceToken.text.unicodeScalars.first!.hasUppercaseProperty
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

    private func loweredNames(_ context: DetectionContext) -> [Finding] {
        guard context.sameLanguage else { return [] }
        // The source's words and word pairs: its proper names, and the neighbours they stand beside.
        let vocabulary = Vocabulary([context.source])
        let honorifics = NameRuns.honorifics(in: context)
        let version = context.version
        var findings: [Finding] = []
        let tokens = version.tokens
        for k in tokens.indices where tokens[k].kind == .letters {
            // Read in place: only a name in lower case is copied. (Most words are no name of the
            // source, which the vocabulary's filter tells at once.)
            guard let name = vocabulary.properName(tokens[k].key), !honorifics.contains(tokens[k].key),
                  tokens[k].text.unicodeScalars.allSatisfy({ !$0.hasUppercaseProperty }),
                  tokens[k].text.unicodeScalars.first?.hasLowercaseProperty == true else { continue }
            let token = tokens[k]
            let sentenceStart = version.sentences[token.sentence].tokens.lowerBound
            if !version.tokens[sentenceStart..<k].contains(where: \.isWordLike) { continue }  // a sentence start
            // The name must stand where the source has it, beside one of its neighbours there: "kessa
            // Island" for "Kessa Island", but not "internal affairs" for "Foreign Affairs".
            let neighbours = [k > 0 ? version.tokens[k - 1].key : "", k + 1 < version.tokens.count ? version.tokens[k + 1].key : ""]
            guard neighbours.contains(where: { !$0.isEmpty && (vocabulary.pairs[$0 + " " + token.key] != nil
                                                             || vocabulary.pairs[token.key + " " + $0] != nil) })
            else { continue }
            findings.append(finding(token.span, in: context,
                                    message: "“\(token.text)” is in lower case; the source writes the name “\(name)”",
                                    suggestion: name, evidence: .source))
        }
        return findings
    }

    static func capitalized(_ word: String) -> String {
        guard let first = word.first else { return word }
        return String(first).uppercased() + word.dropFirst()
    }
}
