import MTAuditText

/// Flags text in the wrong language: a run in a script that neither the source's sentence nor the rest
/// of the version uses (code-mixing, "the 前任 CEP"), a run left in the source's script where the
/// version is written in another ("卫星" in an English rendering of a Chinese source), and, in the
/// same script, words of another language ("could nicht be met"), known by the word lists in
/// `Lexicons/words/`.
public struct UntranslatedDetector: Detector {
    public static let description = DetectorDescription(
        id: "untranslated",
        name: "Untranslated or code-mixed text",
        summary: "A run of words in a script the source's sentence and the version do not use, or left in the source's script.",
        category: .untranslated,
        severity: .major,
        rationale: """
            A reader of the version cannot read words left in another script or language. Scripts are \
            compared as families: Han, kana and Hangul count as one, since Japanese and Korean mix them. \
            A version in a non-Latin script may keep short Latin names ("CEP", "iPhone"). A word in the \
            version's own script is foreign when the source does not use it, it is rare in the \
            version's language (declared, or guessed from the word lists), and it is common in another.
            """,
        triggeringExamples: [
            DetectorExample(source: "The former CEP resigned. Elections follow.", version: "The ⟦前任⟧ CEP resigned. Elections follow."),
            DetectorExample(source: "When you call someone far away, you are using a satellite.",
                            version: "When you call someone far away, ⟦卫星⟧ are used."),
            DetectorExample(source: "会议在北京举行。", version: "The meeting was held in ⟦北京⟧."),
            DetectorExample(source: "The minister resigned on Monday.", version: "The ⟦министр⟧ resigned on Monday."),
            DetectorExample(source: "The new demands could not be met, the ministry said.",
                            version: "The ministry said the new demands could ⟦nicht⟧ be met."),
            DetectorExample(source: "He left with a group of friends from the old band.",
                            version: "He left with a ⟦Gruppe⟧ of friends from the old band."),
        ],
        nonTriggeringExamples: [
            DetectorExample(source: "The minister resigned.", version: "Der Minister trat zurück."),
            DetectorExample(source: "Apple sold the iPhone in Tokyo.", version: "アップルは東京でiPhoneを販売した。"),
            DetectorExample(source: "He quoted the word “λόγος” twice.", version: "He cited the word “λόγος” twice."),
            DetectorExample(source: "会议在北京举行。", version: "会议在北京举行。"),
            DetectorExample(source: "東京で会議があった。", version: "東京では会議が開かれた。"),
            DetectorExample(source: "The score was 3–1 😀.", version: "The score: 3–1 😀!"),
            DetectorExample(source: "Zimmermann spoke of angst and the kindergarten.",
                            version: "Zimmermann talked about angst and the kindergarten."),
            DetectorExample(source: "Die Regierung trat zurück.", version: "Die Regierung ist zurückgetreten."),
            DetectorExample(source: "The director of intelligence spoke.", version: "The director, Avril Haines, spoke."),
        ]
    )

    public init() {}

    /// Han, kana, Hangul and Bopomofo are one family: Japanese and Korean text mixes them.
    static func family(_ script: Script) -> String {
        if script == .latin { return "Latn" }  // most words: no name to look up
        switch script.shortName {
        case "Hani", "Hira", "Kana", "Hang", "Bopo": return "CJK"
        default: return script.shortName
        }
    }

    private struct Run {
        var tokens: [Token]
        let family: String
    }

    public func findings(in context: DetectionContext) -> [Finding] {
        let version = context.version, source = context.source
        let versionScripts = Self.scripts(of: version), sourceScripts = Self.scripts(of: source)
        guard let versionFamily = versionScripts.dominant, let sourceFamily = sourceScripts.dominant else { return [] }
        var findings: [Finding] = []
        // The source's scripts are read only for a sentence with a run in another script (few have one).
        lazy var everyFamily = sourceScripts.families(in: source.tokens.indices)
        for (index, sentence) in version.sentences.enumerated() {
            let runs = runs(sentence.tokens, of: version, versionScripts, outside: versionFamily)
            guard !runs.isEmpty else { continue }
            let sourceFamilies: Set<String>
            if let sourceIndex = context.alignment.sourceOf[index] {
                sourceFamilies = sourceScripts.families(in: source.sentences[sourceIndex].tokens)
            } else {
                sourceFamilies = everyFamily
            }
            for run in runs {
                let span = run.tokens.first!.span.union(run.tokens.last!.span)
                let text = version.text(of: span)
                let words = run.tokens.count
                if !sourceFamilies.contains(run.family) {
                    let share = Double(words) / Double(max(1, version.tokens[sentence.tokens].filter(\.isWordLike).count))
                    findings.append(finding(span, in: context,
                                            message: "“\(text)” is in \(run.family) script, which neither the source nor the rest of the version uses",
                                            evidence: .source, severity: share >= 0.5 ? .critical : nil))
                } else if run.family == sourceFamily && versionFamily != sourceFamily {
                    // A non-Latin version may keep short Latin names as the source writes them.
                    if run.family == "Latn" && words < 3 { continue }
                    findings.append(finding(span, in: context,
                                            message: "“\(text)” is left in the source's script (\(run.family)), untranslated",
                                            evidence: .source))
                }
            }
        }
        return findings + foreignWords(context, versionScripts)
    }

    /// Runs of words of another language in the version's own script ("could nicht be met").
    private func foreignWords(_ context: DetectionContext, _ scripts: Scripts) -> [Finding] {
        let frequencies = WordFrequencies.builtIn
        let version = context.version
        // The tokens read once from the document (a read through it retains the array each time).
        let tokens = version.tokens
        let latin = tokens.indices.lazy.filter { tokens[$0].kind == .letters && scripts.isLatin($0) }
        guard let language = Comparability.listedLanguage(of: version, guess: context.versionLanguageGuess) else { return [] }
        // Each letter token's word-list row, looked up once per text.
        let rows = DocumentWordRows.of(version)
        let languageIndex = frequencies.languageIndex(of: language)
        // The frequency of the token at `index` in the version's language, by the language's index
        // found once.
        func zipf(_ index: Int) -> Float { rows.zipf(ofToken: index, key: tokens[index].key, in: language, languageIndex: languageIndex) }
        // What the other texts write, the alphabet and the names are read only once a word is rare
        // enough to be a candidate (most texts have none).
        // (Each text's words once per text, however many contexts read it.)
        lazy var known = ([context.source] + context.otherVersions).map(Self.writtenKeys)
        var foreign: [(token: Token, language: String)] = []
        lazy var alphabet = WordFrequencies.builtInAlphabet(of: language)
        lazy var names = Self.multiWordNames(version)
        // Acronyms ("CEP", "NATO") are names, whatever language they come from.
        for index in latin {
            // Read in place: most words are common, and stop here before the token is copied.
            let keyLength = Self.characterCount(tokens[index].key)
            guard keyLength >= 2, tokens[index].text.containsLowercase(isASCII: tokens[index].isASCII),
                  zipf(index) < Self.rareZipf else { continue }
            let token = tokens[index]
            guard !names.contains(token.span.start), !known.contains(where: { $0.contains(token.key) }) else { continue }
            // A lower-case word with a letter the language does not write ("że", "wieże").
            if token.text.unicodeScalars.first?.hasLowercaseProperty == true,
               token.key.unicodeScalars.contains(where: { $0.hasAlphabeticProperty && !alphabet.contains($0) }),
               let other = TrigramLanguageModel.builtIn.bestAlternative(to: language, for: token.key)?.language {
                foreign.append((token, other))
                continue
            }
            guard keyLength > 2 else { continue }
            let best: (String, Float)?
            if let languageIndex, rows.rows[index] != DocumentWordRows.notLetters {
                best = Self.mostFrequentElsewhere(row: rows.rows[index], besides: languageIndex, frequencies)
            } else {
                best = frequencies.languages.filter { $0 != language }
                    .map { ($0, rows.zipf(ofToken: index, key: token.key, in: $0)) }.max { $0.1 < $1.1 }
            }
            if let best, best.1 >= Self.commonZipf {
                foreign.append((token, best.0))
            } else if keyLength >= 6, let other = looksForeign(token, language: language, context) {
                foreign.append((token, other))
            }
        }
        // Neighbouring foreign words of one language make one finding.
        var findings: [Finding] = []
        var k = 0
        while k < foreign.count {
            var end = k
            while end + 1 < foreign.count, foreign[end + 1].language == foreign[k].language,
                  foreign[end + 1].token.sentence == foreign[k].token.sentence,
                  Self.adjacent(version, foreign[end].token, foreign[end + 1].token) { end += 1 }
            let span = foreign[k].token.span.union(foreign[end].token.span)
            findings.append(finding(span, in: context,
                                    message: "“\(version.text(of: span))” is \(foreign[k].language), not \(language): a word left untranslated",
                                    evidence: .lexicon))
            k = end + 1
        }
        return findings
    }

    /// The language other than the one of `languageIndex` where the word of word-list row `row` is
    /// most frequent, the first in the lists' order of those that list it most, with its Zipf
    /// frequency; nil for an unlisted word or one no other language lists.
    ///
    /// Read from the row's few listings, rather than a look-up of the word's frequency in every
    /// language by name; a language that does not list the word has frequency 0, below any language
    /// that makes it foreign, so the answer is the same as the most frequent of all the languages.
    private static func mostFrequentElsewhere(row: Int32, besides languageIndex: Int, _ frequencies: WordFrequencies) -> (String, Float)? {
        guard row >= 0 else { return nil }
        var best: (language: Int32, zipf: Float)?
        for listing in frequencies.listings(ofRow: Int(row)) where listing.language != Int32(languageIndex) {
            if best == nil || listing.zipf > best!.zipf { best = (listing.language, listing.zipf) }
        }
        return best.map { (frequencies.languages[Int($0.language)], $0.zipf) }
    }

    /// The language an unlisted word looks like by its letters, when clearly not the version's. A
    /// capitalized word must look more foreign, since it may be a name ("Friedrichshafen").
    private func looksForeign(_ token: Token, language: String, _ context: DetectionContext) -> String? {
        guard let best = TrigramLanguageModel.builtIn.bestAlternative(to: language, for: token.key) else { return nil }
        let capitalized = token.text.unicodeScalars.first?.hasUppercaseProperty == true
        return best.margin >= (capitalized ? Self.nameMargin : Self.wordMargin) ? best.language : nil
    }

    /// `key.count` (its characters), read from its length in bytes when it is ASCII without a carriage
    /// return (the one ASCII byte that joins the next into one character): no grapheme breaking.
    static func characterCount(_ key: String) -> Int {
        let plain = key.utf8.withContiguousStorageIfAvailable { bytes in !bytes.contains { $0 >= 0x80 || $0 == 0x0D } }
        return plain == true ? key.utf8.count : key.count
    }

    /// How much more likely (nats per trigram) an unlisted word must look in another language.
    static let wordMargin = 0.8
    static let nameMargin = 1.5

    /// A word this rare in the version's language (Zipf, under once per million words) …
    static let rareZipf: Float = 3.0
    /// … and this common in another (ten times in a million words) is foreign.
    static let commonZipf: Float = 4.0

    /// Start offsets of capitalized words beside another capitalized word ("Avril Haines", "Graf
    /// Zeppelin"): parts of a name, whatever language they look like.
    static func multiWordNames(_ document: Document) -> Set<Int> {
        let tokens = document.tokens
        func capitalized(_ k: Int) -> Bool {
            tokens[k].kind == .letters && tokens[k].text.unicodeScalars.first?.hasUppercaseProperty == true
        }
        var starts: Set<Int> = []
        for k in tokens.indices.dropFirst() where capitalized(k) && capitalized(k - 1)
            && tokens[k].sentence == tokens[k - 1].sentence {
            starts.insert(tokens[k].span.start)
            starts.insert(tokens[k - 1].span.start)
        }
        return starts
    }

    private static func adjacent(_ document: Document, _ a: Token, _ b: Token) -> Bool {
        !document.tokens.contains { $0.isWordLike && $0.span.start >= a.span.end && $0.span.end <= b.span.start }
    }

    /// The keys of a document's tokens, and of their possessives without the "'s" ("CEP's"): a word
    /// a text writes is no foreign word in another.
    struct WrittenKeys: Sendable {
        /// The word-like tokens' keys: the document's vocabulary, made once for it.
        let words: Vocabulary.DocumentKeys
        /// The other tokens' keys (punctuation, symbols: "™" is "tm"), and the possessives'.
        let others: Set<String>

        func contains(_ key: String) -> Bool { words.contains(key) || others.contains(key) }
    }

    private static let writtenKeysKey = MemoKey("untranslated-written-keys")

    /// The written keys of `document`, made once per document. Its words are read from its
    /// vocabulary (which the merged-tokens rule makes anyway) rather than hashed again into a set.
    static func writtenKeys(_ document: Document) -> WrittenKeys {
        document.memo.value(writtenKeysKey, from: document) { document in
            var others: Set<String> = []
            let tokens = document.tokens
            for k in tokens.indices {
                if !tokens[k].isWordLike { others.insert(tokens[k].key) }
                if tokens[k].key.hasSuffix("'s") { others.insert(String(tokens[k].key.dropLast(2))) }  // "CEP's"
            }
            return WrittenKeys(words: Vocabulary.DocumentKeys(document), others: others)
        }
    }

    /// Runs of the words `tokens` of `document` (whose `scripts` they are) in a family other than
    /// `family`, across spaces and punctuation.
    private func runs(_ tokens: Range<Int>, of document: Document, _ scripts: Scripts, outside family: String) -> [Run] {
        var runs: [Run] = []
        var current: Run?
        for k in tokens {
            // Tokens that are not word-like have no family here.
            guard let tokenFamily = scripts.family(at: k) else { continue }
            if tokenFamily == family {
                if let run = current { runs.append(run) }
                current = nil
            } else if current?.family == tokenFamily {
                current!.tokens.append(document.tokens[k])
            } else {
                if let run = current { runs.append(run) }
                current = Run(tokens: [document.tokens[k]], family: tokenFamily)
            }
        }
        if let run = current { runs.append(run) }
        return runs
    }

    /// The script families of a document's words, read once per document (every rule above reads
    /// them, for the version and the source alike).
    struct Scripts: Sendable {
        /// For each token: the family of a word-like token's letters, as its index in `names`; -1
        /// for other tokens and for digits and symbols. (Numbers, not names: an array of strings
        /// costs a release per token when it is freed.)
        let codes: [Int32]
        /// The names of the families the document's words are in, each once.
        let names: [String]
        /// The family most of the letters are in.
        let dominant: String?

        /// The family of token `index`'s letters; nil for other tokens and for digits and symbols.
        func family(at index: Int) -> String? { codes[index] < 0 ? nil : names[Int(codes[index])] }

        /// Whether token `index`'s letters are Latin.
        func isLatin(_ index: Int) -> Bool { codes[index] >= 0 && names[Int(codes[index])] == "Latn" }

        /// The families of the tokens `tokens`.
        func families(in tokens: Range<Int>) -> Set<String> { Set(codes[tokens].lazy.filter { $0 >= 0 }.map { names[Int($0)] }) }
    }

    /// Whether the ASCII `text` has a letter, read from its contiguous bytes (no iterator over the view).
    private static func hasASCIILetter(_ text: String) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        return text.utf8.withContiguousStorageIfAvailable { $0.contains(where: isLetter) } ?? text.utf8.contains(where: isLetter)
    }

    private static let scriptsKey = MemoKey("untranslated-scripts")

    /// The script families of `document`'s words, made once per document.
    ///
    /// Letters are counted per script in a short list (no family name to look up and hash for every
    /// word), then summed by family.
    static func scripts(of document: Document) -> Scripts {
        document.memo.value(scriptsKey, from: document) { document in
            var codes: [Int32] = []
            codes.reserveCapacity(document.tokens.count)
            var names: [String] = []
            var byScript: [(script: Script, count: Int, code: Int32)] = []
            let tokens = document.tokens
            // By index: a copy of each token would retain and release its text and key.
            for k in tokens.indices {
                guard tokens[k].isWordLike else { codes.append(-1); continue }
                // An ASCII word is Latin when it has a letter, else of no script: as `dominant` finds.
                let script = tokens[k].isASCII
                    ? (Self.hasASCIILetter(tokens[k].text) ? Script.latin : Script.common)
                    : Script.dominant(in: tokens[k].text)
                guard !script.isShared, script != .unknown else { codes.append(-1); continue }
                if let index = byScript.firstIndex(where: { $0.script == script }) {
                    byScript[index].count += tokens[k].scalarCount
                    codes.append(byScript[index].code)
                } else {
                    // A script first seen: its family's name, found once.
                    let name = Self.family(script)
                    let code = names.firstIndex(of: name) ?? names.count
                    if code == names.count { names.append(name) }
                    byScript.append((script, tokens[k].scalarCount, Int32(code)))
                    codes.append(Int32(code))
                }
            }
            // Letters by family (by code), and the family with the most (on a tie, the name first in
            // alphabetical order, as a dictionary of families compared it).
            var counts = [Int](filledWith: 0, count: names.count)
            for (_, count, code) in byScript { counts[Int(code)] += count }
            let dominant = names.indices.max { (counts[$0], names[$1]) < (counts[$1], names[$0]) }.map { names[$0] }
            return Scripts(codes: codes, names: names, dominant: dominant)
        }
    }
}
