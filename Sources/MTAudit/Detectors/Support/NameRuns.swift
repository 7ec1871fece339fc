import MTAuditText

/// Names in sentences: runs of capitalized words that are not titles or common words, as the name
/// detectors compare them between a version and its source.
struct NameRuns {
    /// Languages that capitalize every noun, where case cannot mark a name.
    static let nounCapitalizing: Set<String> = ["de", "lb"]

    struct Run {
        var tokens: [Token]
        var span: TextSpan { tokens.first!.span.union(tokens.last!.span) }
        var keys: [String] { tokens.map(\.key) }
        var key: String { keys.joined(separator: " ") }

        /// The runs of consecutive tokens that satisfy `keep`.
        func parts(_ keep: (Token) -> Bool) -> [Run] {
            var parts: [Run] = []
            var current: [Token] = []
            for token in tokens {
                if keep(token) { current.append(token) } else if !current.isEmpty { parts.append(Run(tokens: current)); current = [] }
            }
            if !current.isEmpty { parts.append(Run(tokens: current)) }
            return parts
        }
    }

    let language: String?
    private let honorifics: Set<String>

    init(document: Document, languageGuess: String?, honorifics: [String]) {
        language = Comparability.listedLanguage(of: document, guess: languageGuess)
        self.honorifics = Set(honorifics.map(Normalizer.matchingKey))
    }

    /// A name made only of words this common in the language ("Urban", "Territory") is more likely a
    /// reworded title or description than another entity; acronyms ("UK", "NGO") often stand for
    /// what the source spells out.
    static let commonWordZipf: Float = 4.0

    func isEntityLike(_ run: Run, commonWordZipf: Float = NameRuns.commonWordZipf) -> Bool {
        run.tokens.contains { token in
            token.text.unicodeScalars.contains(where: \.properties.isLowercase)
                && WordFrequencies.builtIn.zipf(base(token.key), in: language ?? "en") < commonWordZipf
        }
    }

    /// The name finders of the context's source and version, made once per context.
    static func source(in context: DetectionContext) -> NameRuns {
        context.memoized("names-source") {
            NameRuns(document: context.source, languageGuess: context.sourceLanguageGuess, honorifics: context.entries(.honorifics))
        }
    }

    static func version(in context: DetectionContext) -> NameRuns {
        context.memoized("names-version") {
            NameRuns(document: context.version, languageGuess: context.versionLanguageGuess, honorifics: context.entries(.honorifics))
        }
    }

    /// Whether names can be told by case in this text's language.
    var isUsable: Bool { !NameRuns.nounCapitalizing.contains(language ?? "und") }

    /// The name runs of `sentence` in `document`. A capitalized word opening the sentence counts as a
    /// name when it is rarer than `openerZipf` in the language.
    func runs(in document: Document, sentence index: Int, openerZipf: Float = 3.5) -> [Run] {
        let sentence = document.sentences[index]
        let tokens = document.tokens[sentence.tokens]
        let firstWord = tokens.first { $0.isWordLike }?.span.start
        var runs: [Run] = []
        var current: [Token] = []
        for token in tokens {
            if isName(token, opensSentence: token.span.start == firstWord, openerZipf: openerZipf) {
                current.append(token)
            } else if token.isWordLike || token.text != "." {
                if !current.isEmpty { runs.append(Run(tokens: current)); current = [] }
            }
        }
        if !current.isEmpty { runs.append(Run(tokens: current)) }
        return runs
    }

    private func isName(_ token: Token, opensSentence: Bool, openerZipf: Float) -> Bool {
        guard token.kind == .letters, token.text.unicodeScalars.count >= 2,
              token.text.unicodeScalars.first?.properties.isUppercase == true,
              !honorifics.contains(token.key) else { return false }
        // A common word opening a sentence ("The", "Last") is capitalized for that reason alone.
        if opensSentence || token.text.unicodeScalars.allSatisfy(\.properties.isUppercase) == false {
            if let language, WordFrequencies.builtIn.zipf(token.key, in: language) >= (opensSentence ? openerZipf : 5.0) {
                return false
            }
            if opensSentence && language == nil { return false }
        }
        return true
    }

    /// Whether the token is an acronym of three letters or more ("NASA", "ČSSD"). Two-letter ones ("US",
    /// "UK") are too often dropped or spelled out to count on their own.
    static func isAcronym(_ token: Token) -> Bool {
        token.kind == .letters && token.text.unicodeScalars.count >= 3
            && token.text.unicodeScalars.allSatisfy { $0.properties.isUppercase || !$0.properties.isAlphabetic }
    }

    /// Whether `tokens` spell out `acronym` ("NASA", "FBI"): the initials of consecutive words give its
    /// letters, skipping short lowercase words between them ("Federal Bureau of Investigation"), or all
    /// its letters but the last ("United States" for "USA").
    static func spellsOut(_ acronym: String, in tokens: some Collection<Token>) -> Bool {
        let letters = Array(base(acronym).unicodeScalars)
        let words = tokens.filter { $0.kind == .letters }
        for start in words.indices {
            var index = start, matched = 0
            while index < words.endIndex, matched < letters.count {
                let word = words[index]
                if base(word.key).unicodeScalars.first == letters[matched] { matched += 1 } else if
                    index == start || word.text.unicodeScalars.count > 3
                    || word.text.unicodeScalars.first?.properties.isLowercase != true { break }
                index += 1
            }
            if matched >= max(2, letters.count - 1) { return true }
        }
        return false
    }

    /// The keys of the words `documents` capitalize inside a sentence (not as its first word): names
    /// by the texts' own evidence, whatever the word lists say.
    static func capitalizedInside(_ documents: [Document]) -> Set<String> {
        var keys: Set<String> = []
        for document in documents {
            for sentence in document.sentences {
                let words = document.tokens[sentence.tokens].filter(\.isWordLike)
                for token in words.dropFirst() where token.kind == .letters
                    && token.text.unicodeScalars.first?.properties.isUppercase == true {
                    keys.insert(base(token.key))
                }
            }
        }
        return keys
    }

    /// How alike two names look, 0–1: one minus the edit distance over the longer length, on their
    /// matching forms; 1 for homoglyph twins.
    static func similarity(_ a: String, _ b: String) -> Double {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var row = [i] + [Int](repeating: 0, count: y.count)
            for j in 1...y.count {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = row
        }
        return 1 - Double(previous[y.count]) / Double(max(x.count, y.count))
    }
}

/// A word without its possessive "'s" and its accents, as names are compared.
func base(_ key: String) -> String {
    Normalizer.strippingMarks(key.hasSuffix("'s") ? String(key.dropLast(2)) : key)
}

/// Whether two names are forms of one: one begins the other, or they share their first five letters.
func sharesStem(_ a: String, _ b: String) -> Bool {
    let x = base(a), y = base(b)
    if x.hasPrefix(y) || y.hasPrefix(x) { return true }
    return zip(x.unicodeScalars, y.unicodeScalars).prefix { $0 == $1 }.count >= 5
}

/// The pairs of a new name in a version sentence and the source's name it stands for.
struct NameSubstitutions {
    /// The findings `detector` makes of the pairs that `keep` selects: the version's name, where the
    /// source names another, with the source's form as the suggestion.
    static func findings(by detector: some Detector, in context: DetectionContext,
                         where keep: (Pair) -> Bool) -> [Finding] {
        pairs(in: context).filter(keep).map { pair in
            let written = context.source.text(of: pair.source.span)
            return detector.finding(pair.version.span, in: context,
                                    message: "“\(context.version.text(of: pair.version.span))” stands where the source names “\(written)”",
                                    sourceSpan: pair.source.span, suggestion: written, evidence: .source)
        }
    }

    struct Pair {
        let version: NameRuns.Run
        let source: NameRuns.Run
        let similarity: Double
    }

    /// For each aligned sentence, the version's names unknown to the source (and the other versions),
    /// each paired with the most similar source name of that sentence that the version lacks.
    static func pairs(in context: DetectionContext) -> [Pair] {
        context.memoized("name-substitutions") { computePairs(in: context) }
    }

    private static func computePairs(in context: DetectionContext) -> [Pair] {
        guard context.sameLanguage else { return [] }
        let versionNames = NameRuns.version(in: context)
        let sourceNames = NameRuns.source(in: context)
        guard versionNames.isUsable, sourceNames.isUsable else { return [] }
        var known: Set<String> = []
        for document in [context.source] + context.otherVersions {
            for token in document.tokens where token.kind == .letters { known.insert(base(token.key)) }
        }
        var inVersion: Set<String> = []
        for token in context.version.tokens where token.kind == .letters { inVersion.insert(base(token.key)) }
        var pairs: [Pair] = []
        for index in context.version.sentences.indices {
            guard let sourceIndex = context.alignment.sourceOf[index],
                  context.alignment.similarity[index] >= SentenceAlignment.evidenceSimilarity else { continue }
            // Only the parts of a name that are new: "Ingrid Halverson" against "Ingrid Halvorsen".
            let new = versionNames.runs(in: context.version, sentence: index).flatMap { $0.parts { !known.contains(base($0.key)) } }
            guard !new.isEmpty else { continue }
            var missing = sourceNames.runs(in: context.source, sentence: sourceIndex).flatMap { $0.parts { !inVersion.contains(base($0.key)) } }
            // A derived form of a source name is the same entity: "Russia" for "Russian's", "Asian" for
            // "Asia", "Organisation" for "Organization", "Dmitri" for "Dmitry". Neither side takes part.
            let derived = new.filter { run in missing.contains { sharesStem(run.key, $0.key) } }
            missing.removeAll { source in new.contains { sharesStem($0.key, source.key) } }
            let candidates = new.filter { run in !derived.contains { $0.span == run.span } }
            // First the names that look like one of the source's (corruptions), then the others in
            // order of appearance: "Spain and Iceland" for "Portugal and Ireland" pairs Iceland with
            // Ireland, then Spain with Portugal.
            var unpaired: [NameRuns.Run] = []
            for run in candidates {
                guard !missing.isEmpty else { break }
                let scored = missing.enumerated().map { ($0.offset, NameRuns.similarity(base(run.key), base($0.element.key))) }
                let best = scored.max { ($0.1, $1.0) < ($1.1, $0.0) }!
                if best.1 >= NameCorruptionDetector.threshold {
                    pairs.append(Pair(version: run, source: missing.remove(at: best.0), similarity: best.1))
                } else {
                    unpaired.append(run)
                }
            }
            for run in unpaired {
                guard let index = missing.indices.first else { break }
                let replaced = missing[index]
                // A new name unlike the source's must look like a name to stand for one: rare as a word,
                // or as common as the source's name it replaces ("Spain" for "Argentina").
                let commonPair = !sourceNames.isEntityLike(replaced) && versionNames.isEntityLike(run, commonWordZipf: 5.5)
                    && replaced.tokens.allSatisfy { $0.text.unicodeScalars.contains(where: \.properties.isLowercase) }
                guard versionNames.isEntityLike(run) || commonPair else { continue }
                let similarity = NameRuns.similarity(base(run.key), base(replaced.key))
                pairs.append(Pair(version: run, source: missing.remove(at: index), similarity: similarity))
            }
        }
        return pairs
    }
}
