import MTAuditText
import Synchronization

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
        /// The family's code in the document's `Scripts`, and its name.
        let code: Int32
        let family: String
    }

    public func findings(in context: DetectionContext) -> [Finding] {
        let version = context.version, source = context.source
        let versionScripts = Self.scripts(of: version), sourceScripts = Self.scripts(of: source)
        guard let versionFamily = versionScripts.dominant, let sourceFamily = sourceScripts.dominant else { return [] }
        var findings: [Finding] = []
        // The source's scripts are read only for a sentence with a run in another script (few have one).
        lazy var everyFamily = sourceScripts.families(in: source.tokens.indices)
        // A version whose words are all in one family (most) has no run in another: no sentence is read.
        for (index, sentence) in version.sentences.enumerated() where versionScripts.names.count > 1 {
            let runs = runs(sentence.tokens, of: version, versionScripts, outside: versionScripts.dominantCode)
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
        // (Joined only when both have findings: most have none, and a join of two arrays cost more
        // than the look.)
        let foreign = foreignWords(context, versionScripts)
        if findings.isEmpty { return foreign }
        if !foreign.isEmpty { findings += foreign }
        return findings
    }

    /// Runs of words of another language in the version's own script ("could nicht be met").
    private func foreignWords(_ context: DetectionContext, _ scripts: Scripts) -> [Finding] {
        let frequencies = WordFrequencies.builtIn
        let version = context.version
        // The tokens read once from the document (a read through it retains the array each time).
        let tokens = version.tokens
        // No Latin word, no foreign word to find among them; and none where the source writes every
        // word of the version (a word the source writes is none: see `known`).
        guard scripts.latinCode >= 0, !Vocabulary.sourceWritesEveryWord(of: version, inPlace: context.source),
              let language = Comparability.listedLanguage(of: version, guess: context.versionLanguageGuess) else { return [] }
        // Each letter token's word-list row, looked up once per text.
        let rows = DocumentWordRows.of(version)
        let languageIndex = frequencies.languageIndex(of: language)
        // What the other texts write, the alphabet and the names are read only once a word is rare
        // enough to be a candidate (most texts have none).
        // (Each text's words once per text, however many contexts read it.)
        // (The source's first, then each other version's as it is asked: no array of them made.)
        lazy var sourceKeys = Self.writtenKeys(context.source)
        var foreign: [(token: Token, language: String)] = []
        // (With its ASCII letters as bits: most words' letters are told by a bit, not a set's hash.)
        lazy var letters = WordFrequencies.builtInLetters(of: language)
        // Acronyms ("CEP", "NATO") are names, whatever language they come from.
        // The letter tokens are those with a row (`DocumentWordRows` has one for each letter token,
        // and `notLetters` for every other): the loop reads the rows and the script codes, and no token
        // until a word is rare.
        let wordRows = rows.rows
        for index in wordRows.indices where wordRows[index] != DocumentWordRows.notLetters && scripts.isLatin(index) {
            // Most words are common, and stop here, at their frequency in the version's language (by
            // the language's index found once), before the token is read or its characters counted
            // (the tests are all pure: their order tells nothing but what is read).
            guard frequencies.zipf(ofRow: wordRows[index], language: languageIndex) < Self.rareZipf else { continue }
            let keyLength = Self.characterCount(tokens[index].key)
            guard keyLength >= 2, tokens[index].text.containsLowercase(isASCII: tokens[index].isASCII) else { continue }
            guard !Self.isInMultiWordName(index, tokens) else { continue }
            let token = tokens[index]
            guard !sourceKeys.contains(token.key),
                  !context.otherVersions.contains(where: { Self.writtenKeys($0).contains(token.key) }) else { continue }
            // A lower-case word with a letter the language does not write ("że", "wieże").
            if token.text.unicodeScalars.first?.hasLowercaseProperty == true, letters.lacksLetter(of: token.key),
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

    /// Whether the token at `index` of `tokens` is a capitalized word beside another capitalized word
    /// of its sentence ("Avril Haines", "Graf Zeppelin"): part of a name, whatever language it looks
    /// like. (Asked of the few rare words, by their two neighbours: no set of every name's words.)
    static func isInMultiWordName(_ index: Int, _ tokens: [Token]) -> Bool {
        func capitalized(_ k: Int) -> Bool {
            tokens[k].kind == .letters && tokens[k].text.unicodeScalars.first?.hasUppercaseProperty == true
        }
        guard capitalized(index) else { return false }
        if index > 0, tokens[index - 1].sentence == tokens[index].sentence, capitalized(index - 1) { return true }
        return index + 1 < tokens.count && tokens[index + 1].sentence == tokens[index].sentence && capitalized(index + 1)
    }

    private static func adjacent(_ document: Document, _ a: Token, _ b: Token) -> Bool {
        !document.tokens.contains { $0.isWordLike && $0.span.start >= a.span.end && $0.span.end <= b.span.start }
    }

    /// The keys of a document's tokens, and of their possessives without the "'s" ("CEP's"): a word
    /// a text writes is no foreign word in another.
    final class WrittenKeys: Sendable {
        /// The word-like tokens' keys: the document's vocabulary, made once for it.
        let words: Vocabulary.DocumentKeys
        /// The document's tokens, whose other keys (punctuation, symbols: "™" is "tm") and
        /// possessives' keys are read when a word is asked about: few words are (the rare ones), and
        /// a walk of the tokens for each costs less than a set of the keys made for every document.
        let tokens: [Token]
        /// The walks made so far, and once they would pass `walkBudget` tokens in all the set of
        /// those keys, made once: a long text asked about many rare words would otherwise walk all
        /// its tokens for each (a 100× article's four texts, 150M instructions), and even a short
        /// text asked about many makes it sooner than it walks more.
        private let others = Mutex<(walks: Int, set: Set<String>?)>((0, nil))
        static let walkBudget = 8_192

        init(words: Vocabulary.DocumentKeys, tokens: [Token]) {
            self.words = words
            self.tokens = tokens
        }

        func contains(_ key: String) -> Bool { words.contains(key) || othersContain(key) }

        /// Whether `key` is the key of a token that is not word-like, or a possessive's without its
        /// "'s": found by `==`, by a walk of the tokens or, once walks would pass `walkBudget` tokens,
        /// in the set.
        func othersContain(_ key: String) -> Bool {
            let set = others.withLock { state -> Set<String>? in
                guard state.set == nil else { return state.set }
                state.walks += 1
                if state.walks * tokens.count > Self.walkBudget { state.set = Self.otherKeys(tokens, wordKeys: words.keys) }
                return state.set
            }
            if let set { return set.contains(key) }
            return Self.forEachOtherKey(tokens) { $0 == key }
        }

        /// Every key `othersContain` finds by its walk, `wordKeys` being the distinct keys of the
        /// word-like tokens: a word-like token gives a key only by its possessive, told here once
        /// for each distinct key (a long text writes each word many times); the other tokens are
        /// walked as the walk reads them.
        static func otherKeys(_ tokens: [Token], wordKeys: [String]) -> Set<String> {
            var keys = Set<String>()
            for k in tokens.indices where !tokens[k].isWordLike {
                keys.insert(tokens[k].key)
                if let stem = possessiveStem(tokens[k].key) { keys.insert(stem) }
            }
            for key in wordKeys {
                if let stem = possessiveStem(key) { keys.insert(stem) }
            }
            return keys
        }

        /// `key` without its final "'s", when it ends so.
        private static func possessiveStem(_ key: String) -> String? {
            endsWithPossessiveBytes(key) && key.hasSuffix("'s") ? String(key.dropLast(2)) : nil
        }

        /// Calls `body` with the key of each token that is not word-like and each possessive's key
        /// without its "'s" ("CEP's"), in the tokens' order, until it answers true; whether it did.
        private static func forEachOtherKey(_ tokens: [Token], _ body: (String) -> Bool) -> Bool {
            for k in tokens.indices {
                if !tokens[k].isWordLike && body(tokens[k].key) { return true }
                // (A key ending in the character "'s" ends in its two bytes, the only way to write
                // them: the bytes are read first.)
                if let stem = possessiveStem(tokens[k].key), body(stem) { return true }
            }
            return false
        }

        /// Whether `key`'s last two bytes are "'s".
        static func endsWithPossessiveBytes(_ key: String) -> Bool {
            key.utf8.withContiguousStorageIfAvailable { $0.count >= 2 && $0[$0.count - 1] == 0x73 && $0[$0.count - 2] == 0x27 }
                ?? key.utf8.reversed().starts(with: [0x73, 0x27])
        }
    }

    private static let writtenKeysKey = MemoKey("untranslated-written-keys")

    /// The written keys of `document`, made once per document. Its words are read from its
    /// vocabulary (which the merged-tokens rule makes anyway) rather than hashed again into a set.
    static func writtenKeys(_ document: Document) -> WrittenKeys {
        document.memo.value(writtenKeysKey, from: document) { document in
            WrittenKeys(words: Vocabulary.DocumentKeys(document), tokens: document.tokens)
        }
    }

    /// Runs of the words `tokens` of `document` (whose `scripts` they are) in a family other than
    /// the one of code `family`, across spaces and punctuation.
    private func runs(_ tokens: Range<Int>, of document: Document, _ scripts: Scripts, outside family: Int32) -> [Run] {
        var runs: [Run] = []
        var current: Run?
        for k in tokens {
            // Tokens that are not word-like have no family here.
            let code = scripts.codes[k]
            guard code >= 0 else { continue }
            if code == family {
                if let run = current { runs.append(run) }
                current = nil
            } else if current?.code == code {
                current!.tokens.append(document.tokens[k])
            } else {
                if let run = current { runs.append(run) }
                current = Run(tokens: [document.tokens[k]], code: code, family: scripts.names[Int(code)])
            }
        }
        if let run = current { runs.append(run) }
        return runs
    }

    /// The script families of a document's words, read once per document (every rule above reads
    /// them, for the version and the source alike). A class: the rules pass it around, one reference
    /// to retain rather than its arrays and name each.
    final class Scripts: Sendable {
        /// For each token: the family of a word-like token's letters, as its index in `names`; -1
        /// for other tokens and for digits and symbols. (Numbers, not names: an array of strings
        /// costs a release per token when it is freed.)
        let codes: [Int32]
        /// The names of the families the document's words are in, each once; Latin's, if there, first.
        let names: [String]
        /// The family most of the letters are in.
        let dominant: String?
        /// The code of `dominant`; -1 when there is none.
        let dominantCode: Int32
        /// The code of Latin (0); -1 when no word is Latin.
        let latinCode: Int32

        init(codes: [Int32], names: [String], dominant: String?, dominantCode: Int32, latinCode: Int32) {
            (self.codes, self.names, self.dominant, self.dominantCode, self.latinCode) = (codes, names, dominant, dominantCode, latinCode)
        }

        /// The family of token `index`'s letters; nil for other tokens and for digits and symbols.
        func family(at index: Int) -> String? { codes[index] < 0 ? nil : names[Int(codes[index])] }

        /// Whether token `index`'s letters are Latin.
        func isLatin(_ index: Int) -> Bool { latinCode >= 0 && codes[index] == latinCode }

        /// The families of the tokens `tokens`.
        func families(in tokens: Range<Int>) -> Set<String> { Set(codes[tokens].lazy.filter { $0 >= 0 }.map { self.names[Int($0)] }) }
    }

    /// Whether the ASCII `text` has a letter, read from its contiguous bytes (no iterator over the view).
    private static func hasASCIILetter(_ text: String) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        return text.utf8.withContiguousStorageIfAvailable { $0.contains(where: isLetter) } ?? text.utf8.contains(where: isLetter)
    }

    /// The first pass of `scripts(ofTokens:in:)`: each token's code (Latin 0, another script
    /// `pendingScript` plus its ICU code, -1 for none), and whether some word is Latin and some in
    /// another script. `text` holds the bytes the tokens' byte ranges are of, if at hand.
    private static func scriptCodes(_ tokens: [Token], text: UnsafeBufferPointer<UInt8>?) -> (codes: [Int32], sawLatin: Bool, sawOther: Bool) {
        var sawLatin = false, sawOther = false
        // Each code appended once (room for them all made first; no array filled in advance).
        var codes: [Int32] = []
        codes.reserveCapacity(tokens.count)
        // By index: a copy of each token would retain and release its text and key.
        for k in tokens.indices {
            guard tokens[k].isWordLike else { codes.append(-1); continue }
            // An ASCII word is Latin when it has a letter, else of no script: as `dominant` finds.
            if tokens[k].isASCII {
                let hasLetter = text.map { bytes in
                    bytes[tokens[k].utf8].contains { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
                } ?? Self.hasASCIILetter(tokens[k].text)
                if hasLetter {
                    codes.append(0)
                    sawLatin = true
                } else {
                    codes.append(-1)
                }
                continue
            }
            let script = Script.dominant(in: tokens[k].text)
            if script == .latin {
                codes.append(0)
                sawLatin = true
            } else if !script.isShared, script != .unknown {
                codes.append(Self.pendingScript + script.code)
                sawOther = true
            } else {
                codes.append(-1)
            }
        }
        return (codes, sawLatin, sawOther)
    }

    private static let scriptsKey = MemoKey("untranslated-scripts")

    /// The script families of `document`'s words, made once per document.
    static func scripts(of document: Document) -> Scripts {
        document.memo.value(scriptsKey, from: document) { Self.scripts(ofTokens: $0.tokens, in: $0.text) }
    }

    /// The names of a document whose words are all Latin (most): one array for them all.
    private static let latinNames = ["Latn"]

    /// Codes of the first pass of `scripts(ofTokens:in:)` for a script other than Latin: this plus its
    /// ICU code, renumbered by family in the second pass.
    private static let pendingScript: Int32 = 1 << 20

    /// The script families of the words `tokens`.
    ///
    /// One pass gives each word its script: Latin is code 0 and needs no name looked up (most texts
    /// have no other script, and are done with the one array of codes). Only a text with another
    /// script is read again, to number its scripts by family and count their letters; the family with
    /// the most letters is the dominant one (on a tie, the name first in alphabetical order, as a
    /// dictionary of families compared it). The codes' order is no matter: they are read through
    /// `names`.
    ///
    /// `text` is the text the tokens' byte ranges are of: an ASCII word's letter is looked for in its
    /// bytes there, read in place, with no string of the token's read.
    static func scripts(ofTokens tokens: [Token], in text: String? = nil) -> Scripts {
        let firstPass = text?.utf8.withContiguousStorageIfAvailable { Self.scriptCodes(tokens, text: $0) }
            ?? Self.scriptCodes(tokens, text: nil)
        var codes = firstPass.codes
        let sawLatin = firstPass.sawLatin, sawOther = firstPass.sawOther
        guard sawOther else {
            return sawLatin ? Scripts(codes: codes, names: Self.latinNames, dominant: "Latn", dominantCode: 0, latinCode: 0)
                : Scripts(codes: codes, names: [], dominant: nil, dominantCode: -1, latinCode: -1)
        }
        // Another script: each one's family numbered once (its name found once), and letters counted
        // by family.
        var names: [String] = sawLatin ? ["Latn"] : []
        var counts: [Int] = sawLatin ? [0] : []
        var byScript: [(script: Int32, code: Int32)] = []
        for k in tokens.indices where codes[k] >= 0 {
            if codes[k] >= Self.pendingScript {
                let script = codes[k] - Self.pendingScript
                if let known = byScript.first(where: { $0.script == script }) {
                    codes[k] = known.code
                } else {
                    let name = Self.family(Script(code: script))
                    let code = names.firstIndex(of: name) ?? names.count
                    if code == names.count {
                        names.append(name)
                        counts.append(0)
                    }
                    byScript.append((script, Int32(code)))
                    codes[k] = Int32(code)
                }
            }
            counts[Int(codes[k])] += tokens[k].scalarCount
        }
        let dominant = names.indices.max { (counts[$0], names[$1]) < (counts[$1], names[$0]) }!
        return Scripts(codes: codes, names: names, dominant: names[dominant], dominantCode: Int32(dominant),
                       latinCode: sawLatin ? 0 : -1)
    }
}
