import MTAuditText
import Synchronization

/// Names in sentences: runs of capitalized words that are not titles or common words, as the name
/// detectors compare them between a version and its source. A class: every rule fetches the
/// context's finders, and handing one over is a retain, where a copy of its fields (the language,
/// the honorifics' tables) cost several.
final class NameRuns: Sendable {
    /// Languages that capitalize every noun, where case cannot mark a name.
    /// (A list: two short subtags compare for less than a set's hash of one.)
    static let nounCapitalizing = ["de", "lb"]

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
    private let honorifics: KeySet
    /// Whether names can be told by case in this text's language (told once: every name rule asks).
    let isUsable: Bool

    /// `honorifics` are the matching keys of the titles written before names (`honorificKeys(in:)`).
    convenience init(document: Document, languageGuess: String?, honorifics: KeySet) {
        self.init(language: Comparability.listedLanguage(of: document, guess: languageGuess), honorifics: honorifics)
    }

    /// A finder for a text whose listed language (`Comparability.listedLanguage`) is `language`.
    private init(language: String?, honorifics: KeySet) {
        self.language = language
        self.honorifics = honorifics
        isUsable = !NameRuns.nounCapitalizing.contains(language ?? "und")
    }

    /// The matching keys of the honorifics lexicon for the version's language ("mr", "dr"), made
    /// once for the lexicons, not for every text.
    static func honorifics(in context: DetectionContext) -> Set<String> {
        context.lexicons.matchingKeys(.honorifics, language: context.version.language)
    }

    /// `honorifics(in:)` as a `KeySet`, made once for the lexicons: the name finders ask it about
    /// every capitalized word, and its hash costs a fraction of the standard set's. (Matching keys,
    /// like the tokens' keys it is asked for: equal when their bytes are.)
    static func honorificKeys(in context: DetectionContext) -> KeySet {
        let language = context.version.language
        return context.lexicons.derived.honorificKeys.value(language) {
            let keys = context.lexicons.matchingKeys(.honorifics, language: language)
            var set = KeySet(minimumCapacity: keys.count)
            for key in keys { set.insert(key) }
            return set
        }
    }

    /// A name made only of words this common in the language ("Urban", "Territory") is more likely a
    /// reworded title or description than another entity; acronyms ("UK", "NGO") often stand for
    /// what the source spells out.
    static let commonWordZipf: Float = 4.0

    func isEntityLike(_ run: Run, commonWordZipf: Float = NameRuns.commonWordZipf) -> Bool {
        run.tokens.contains { token in
            token.text.unicodeScalars.contains(where: \.hasLowercaseProperty)
                && WordFrequencies.builtIn.zipf(base(token.key), in: language ?? "en") < commonWordZipf
        }
    }

    /// The name finders of the context's source and version, made once per context.
    static func source(in context: DetectionContext) -> NameRuns { finders(in: context).source }

    static func version(in context: DetectionContext) -> NameRuns { finders(in: context).version }

    /// Both finders under one key: the rules want both, and one entry of the memo costs half of two.
    /// In an object: the memo hands over one reference, not a copy of both finders' fields.
    private static func finders(in context: DetectionContext) -> Finders {
        context.memoized(Self.findersKey) {
            // The source's finder is kept with its document, for the later lines that repeat it (it
            // reads the source, its language guess, and the honorifics of the version's language in
            // the lexicons): its language is listed and its honorifics found once.
            let source = context.source.memo.value(sourceFindersKey) { SourceFinders() }
                .finder(language: context.version.language, lexicons: context.lexicons.derived) {
                    NameRuns(document: context.source, languageGuess: context.sourceLanguageGuess, honorifics: honorificKeys(in: context))
                }
            // A version declared and guessed as its source is (most) is listed alike: the source's
            // language is not looked for again, and the source's finder (the same language and
            // honorifics) serves it.
            let version = context.version.language == context.source.language && context.versionLanguageGuess == context.sourceLanguageGuess
                ? source
                : NameRuns(document: context.version, languageGuess: context.versionLanguageGuess, honorifics: honorificKeys(in: context))
            return Finders(source: source, version: version)
        }
    }

    /// A source document's name finders, by what they are read with besides the document: the
    /// version's language (its honorifics) and the lexicons. A few entries at most (a line's versions
    /// are mostly in one language), found by comparing them.
    private final class SourceFinders: Sendable {
        private struct Entry: Sendable {
            let language: String
            /// The lexicons' derived lookups, held (not an identifier an object made later might reuse).
            let lexicons: DerivedLookups
            let finder: NameRuns
        }
        private let entries = Mutex<[Entry]>([])
        /// Entries kept at most: a feed naming endless version languages for one source keeps no more.
        private static let limit = 8

        func finder(language: String, lexicons: DerivedLookups, _ make: () -> NameRuns) -> NameRuns {
            let found = entries.withLock { entries in entries.first { $0.lexicons === lexicons && $0.language == language }?.finder }
            if let found { return found }
            let made = make()
            entries.withLock { entries in
                if entries.count < Self.limit { entries.append(Entry(language: language, lexicons: lexicons, finder: made)) }
            }
            return made
        }
    }

    private static let sourceFindersKey = MemoKey("names-source-finders")

    /// The name finders of a context's source and version.
    private final class Finders: Sendable {
        let source: NameRuns
        let version: NameRuns
        /// `versionWritesNewName`'s answer once told: 0 not yet, 1 no, 2 yes. (Two threads that ask
        /// at once both tell it, alike.)
        let writesNewName = Atomic<UInt8>(0)
        /// `sourceWritesMissingName`'s answer once told, alike.
        let writesMissingName = Atomic<UInt8>(0)

        init(source: NameRuns, version: NameRuns) {
            self.source = source
            self.version = version
        }

        /// The answer kept in `answer` (0 not yet, 1 no, 2 yes), or `tell`'s, kept there.
        @inline(__always)
        static func told(_ answer: borrowing Atomic<UInt8>, _ tell: () -> Bool) -> Bool {
            switch answer.load(ordering: .relaxed) {
            case 1: return false
            case 2: return true
            default:
                let told = tell()
                answer.store(told ? 2 : 1, ordering: .relaxed)
                return told
            }
        }
    }

    /// The name runs of every sentence of the context's source (or version), as `runs(in:sentence:
    /// openerZipf:)` finds them, made once per context: several rules read the same sentences.
    static func sentenceRuns(ofSource: Bool, in context: DetectionContext, openerZipf: Float = NameRuns.usualOpenerZipf) -> [[Run]] {
        func make() -> [[Run]] {
            // The document handed to a function rather than copied into a pair with its finder.
            func runs(of document: Document, by names: NameRuns) -> [[Run]] {
                // The word-list rows fetched once for all the sentences, not from the memo for each.
                var rows: WordWeights?
                guard openerZipf != usualOpenerZipf else {
                    return document.sentences.indices.map { names.runs(in: document, sentence: $0, openerZipf: openerZipf, rows: &rows) }
                }
                // The threshold weighs only a sentence's first word: where that word is read alike by
                // both, the sentence's runs are the usual ones (which the name rules have made by then).
                let usual = sentenceRuns(ofSource: ofSource, in: context)
                return document.sentences.indices.map { index in
                    names.opensAlike(in: document, sentence: index, openerZipfs: (usualOpenerZipf, openerZipf), rows: &rows)
                        ? usual[index] : names.runs(in: document, sentence: index, openerZipf: openerZipf, rows: &rows)
                }
            }
            return ofSource ? runs(of: context.source, by: source(in: context)) : runs(of: context.version, by: version(in: context))
        }
        if let key = fixedRunsKey(ofSource: ofSource, openerZipf: openerZipf) {
            guard ofSource else { return context.memoized(key, make) }
            // A source's runs at the rules' thresholds are kept with its document too, for the other
            // versions of its line and the later lines that repeat it: they are read from the source,
            // its language guess and the honorifics of the version's language in the lexicons.
            return context.memoized(key) {
                context.source.memo.value(sourceRunsKey) { SourceRuns() }
                    .runs(language: context.version.language, lexicons: context.lexicons.derived, openerZipf: openerZipf, make)
            }
        }
        return context.memoized(formattedRunsKey(ofSource: ofSource, openerZipf: openerZipf), make)
    }

    /// A source document's sentence runs, by what they are read with besides the document: the
    /// version's language (its honorifics), the lexicons and the opener threshold. A few entries at
    /// most (a line's versions are mostly in one language), found by comparing them.
    private final class SourceRuns: Sendable {
        private struct Entry: Sendable {
            let language: String
            /// The lexicons' derived lookups, held (not an identifier an object made later might reuse).
            let lexicons: DerivedLookups
            let openerZipf: Float
            let runs: [[Run]]
        }
        private let entries = Mutex<[Entry]>([])
        /// Entries kept at most: a feed naming endless version languages for one source keeps no more.
        private static let limit = 8

        func runs(language: String, lexicons: DerivedLookups, openerZipf: Float, _ make: () -> [[Run]]) -> [[Run]] {
            let found = entries.withLock { entries in
                entries.first { $0.openerZipf == openerZipf && $0.lexicons === lexicons && $0.language == language }?.runs
            }
            if let found { return found }
            let made = make()
            entries.withLock { entries in
                if entries.count < Self.limit {
                    entries.append(Entry(language: language, lexicons: lexicons, openerZipf: openerZipf, runs: made))
                }
            }
            return made
        }
    }

    private static let sourceRunsKey = MemoKey("names-source-runs")

    /// The memo keys of what a context or a document keeps of its names.
    private static let findersKey = MemoKey("names")
    private static let capitalizedInsideKey = MemoKey("names-capitalized-inside")
    private static let letterKeysKey = MemoKey("names-letter-keys")

    /// The opener threshold that most rules use.
    static let usualOpenerZipf: Float = 3.5

    /// The memo key of `sentenceRuns` at the thresholds the rules use, made once from those
    /// thresholds (a fixed `MemoKey`); nil for another threshold, whose key is formatted.
    private static func fixedRunsKey(ofSource: Bool, openerZipf: Float) -> MemoKey? {
        if openerZipf == usualOpenerZipf { return ofSource ? usualRunsKeys.source : usualRunsKeys.version }
        if openerZipf == EntityOmittedDetector.commonWordZipf { return ofSource ? omittedRunsKeys.source : omittedRunsKeys.version }
        return nil
    }

    private static let usualRunsKeys = (source: MemoKey(formattedRunsKey(ofSource: true, openerZipf: usualOpenerZipf)),
                                        version: MemoKey(formattedRunsKey(ofSource: false, openerZipf: usualOpenerZipf)))
    private static let omittedRunsKeys = (source: MemoKey(formattedRunsKey(ofSource: true, openerZipf: EntityOmittedDetector.commonWordZipf)),
                                          version: MemoKey(formattedRunsKey(ofSource: false, openerZipf: EntityOmittedDetector.commonWordZipf)))

    private static func formattedRunsKey(ofSource: Bool, openerZipf: Float) -> String {
        "name-runs-\(ofSource ? "source" : "version")-\(openerZipf)"
    }

    /// The name runs of `sentence` in `document`. A capitalized word opening the sentence counts as a
    /// name when it is rarer than `openerZipf` in the language.
    func runs(in document: Document, sentence index: Int, openerZipf: Float = NameRuns.usualOpenerZipf) -> [Run] {
        var rows: WordWeights?
        return runs(in: document, sentence: index, openerZipf: openerZipf, rows: &rows)
    }

    /// A document's word-list rows and the index of a language in the word lists: what weighing a
    /// word by its frequency reads, fetched at the first word weighed and kept for the document's
    /// every sentence (the language's index was found again for every word).
    private struct WordWeights {
        let rows: DocumentWordRows
        let language: String
        let languageIndex: Int?

        init(_ document: Document, language: String) {
            rows = DocumentWordRows.of(document)
            self.language = language
            languageIndex = WordFrequencies.builtIn.languageIndex(of: language)
        }

        /// `DocumentWordRows.zipf(ofToken:key:in:)` in `language`.
        func zipf(ofToken index: Int, key: String, in language: String) -> Float {
            // (A finder weighs in its one language; another is looked up.)
            language == self.language ? rows.zipf(ofToken: index, key: key, in: language, languageIndex: languageIndex)
                : rows.zipf(ofToken: index, key: key, in: language)
        }
    }

    /// `runs(in:sentence:openerZipf:)`, with the text's word-list rows in `rows` once a word has been
    /// weighed (fetched then, when nil).
    private func runs(in document: Document, sentence index: Int, openerZipf: Float, rows: inout WordWeights?) -> [Run] {
        // The tokens by index: most are no name, and a copy of each (its text and key retained) cost
        // more than telling so.
        let tokens = document.tokens
        let positions = document.sentences[index].tokens
        let firstWord = positions.first { tokens[$0].isWordLike }.map { tokens[$0].span.start }
        var runs: [Run] = []
        var current: [Token] = []
        Self.withBytes(of: document) { text in
            for position in positions {
                if isName(at: position, in: tokens, text: text, opensSentence: tokens[position].span.start == firstWord, openerZipf: openerZipf, zipf: { language in
                    if rows == nil { rows = WordWeights(document, language: language) }
                    return rows!.zipf(ofToken: position, key: tokens[position].key, in: language)
                }) {
                    // Room for a name of a few words at its first: growing word by word moved it again.
                    if current.isEmpty { current.reserveCapacity(4) }
                    current.append(tokens[position])
                } else if tokens[position].isWordLike || tokens[position].text != "." {
                    if !current.isEmpty { runs.append(Run(tokens: current)); current = [] }
                }
            }
        }
        if !current.isEmpty { runs.append(Run(tokens: current)) }
        return runs
    }

    /// The runs of every capitalized word of `sentence`, however common, titles aside: the candidates
    /// for a name that stands in another's place. The sentence's first word only counts when it is
    /// rarer than `openerZipf` or an acronym ("However" is capitalized for opening the sentence).
    func capitalizedRuns(in document: Document, sentence index: Int, openerZipf: Float) -> [Run] {
        // By index, as in `runs`: only the tokens kept are copied.
        let tokens = document.tokens
        let positions = document.sentences[index].tokens
        let firstWord = positions.first { tokens[$0].isWordLike }.map { tokens[$0].span.start }
        var runs: [Run] = []
        var current: [Token] = []
        Self.withBytes(of: document) { text in
            for position in positions {
                if mayBeName(tokens, position, text: text),
                   mayOpenRun(tokens, position, of: document, firstWord: firstWord, openerZipf: openerZipf) {
                    if current.isEmpty { current.reserveCapacity(4) }
                    current.append(tokens[position])
                } else if tokens[position].isWordLike || tokens[position].text != "." {
                    if !current.isEmpty { runs.append(Run(tokens: current)); current = [] }
                }
            }
        }
        if !current.isEmpty { runs.append(Run(tokens: current)) }
        return runs
    }

    /// Whether `sentence` has a word that `capitalizedRuns(in:sentence:openerZipf:)` puts in a run and
    /// whose key `keep` keeps: whether a part of those runs that `keep` keeps exists (`Run.parts`),
    /// told with no run made. `hasCapitalized` and the opening word's frequency.
    func hasCapitalizedRunWord(in document: Document, sentence index: Int, openerZipf: Float, where keep: (String) -> Bool) -> Bool {
        let tokens = document.tokens
        let positions = document.sentences[index].tokens
        let firstWord = positions.first { tokens[$0].isWordLike }.map { tokens[$0].span.start }
        return Self.withBytes(of: document) { text in
            for position in positions where mayBeName(tokens, position, text: text) && keep(tokens[position].key) {
                if mayOpenRun(tokens, position, of: document, firstWord: firstWord, openerZipf: openerZipf) { return true }
            }
            return false
        }
    }

    /// Whether a word that may be a name (`mayBeName`) at `position` is one a run takes, by its place:
    /// anywhere but at its sentence's first word (which starts at `firstWord`); there, an acronym,
    /// or a word rarer than `openerZipf` (a common word is capitalized for opening the sentence).
    /// The one test of `capitalizedRuns` and `hasCapitalizedRunWord`.
    @inline(__always)
    private func mayOpenRun(_ tokens: [Token], _ position: Int, of document: Document, firstWord: Int?, openerZipf: Float) -> Bool {
        tokens[position].span.start != firstWord || NameRuns.isAcronym(tokens[position])
            || DocumentWordRows.of(document).zipf(ofToken: position, key: tokens[position].key, in: language ?? "en") < openerZipf
    }

    /// Whether `sentence` has a word that `capitalizedRuns` may put in a run (the test of its opening
    /// word's frequency aside) whose key `keep` keeps: a quick test, with no runs made, that most
    /// sentences fail.
    func hasCapitalized(in document: Document, sentence index: Int, where keep: (String) -> Bool) -> Bool {
        let tokens = document.tokens
        return Self.withBytes(of: document) { text in
            for position in document.sentences[index].tokens where mayBeName(tokens, position, text: text) && keep(tokens[position].key) {
                return true
            }
            return false
        }
    }

    /// The words just before and after `run` in its sentence, past punctuation and initials ("Franco A.
    /// said"): the frame that a name standing in another's place shares with it.
    static func frame(of run: Run, in document: Document) -> (before: String?, after: String?) {
        // The tokens by index, each one's place asked first: a copy of each token read (its text and
        // key retained, then released) cost more than the tests.
        let tokens = document.tokens, positions = document.sentences[run.tokens[0].sentence].tokens
        let span = run.span
        func isWord(_ k: Int) -> Bool {
            tokens[k].isWordLike && !(tokens[k].kind == .letters && tokens[k].scalarCount == 1
                && tokens[k].text.unicodeScalars.first!.hasUppercaseProperty)
        }
        var before: String?, after: String?
        for k in positions.reversed() where tokens[k].span.end <= span.start && isWord(k) {
            before = tokens[k].key
            break
        }
        for k in positions where tokens[k].span.start >= span.end && isWord(k) {
            after = tokens[k].key
            break
        }
        return (before, after)
    }

    /// Whether the word opening `sentence` is a name by both opener thresholds or by neither: the
    /// sentence's runs are then the same by both. (The thresholds weigh that word alone.)
    private func opensAlike(in document: Document, sentence index: Int, openerZipfs: (Float, Float),
                            rows: inout WordWeights?) -> Bool {
        let tokens = document.tokens
        let positions = document.sentences[index].tokens
        // Without a language, an opening word is never a name; without a word, nothing opens.
        guard let language, let firstWord = positions.first(where: { tokens[$0].isWordLike }).map({ tokens[$0].span.start }) else {
            return true
        }
        for position in positions where tokens[position].span.start == firstWord {
            // The tests of `isName` before the threshold.
            guard mayBeName(tokens, position, text: nil) else { continue }
            if rows == nil { rows = WordWeights(document, language: language) }
            let zipf = rows!.zipf(ofToken: position, key: tokens[position].key, in: language)
            if (zipf < openerZipfs.0) != (zipf < openerZipfs.1) { return false }
        }
        return true
    }

    /// Whether `tokens[position]` is a name; `zipf` gives its Zipf frequency in a language, `text` the
    /// document's bytes as `mayBeName` reads them.
    private func isName(at position: Int, in tokens: [Token], text: UnsafeBufferPointer<UInt8>?, opensSentence: Bool,
                        openerZipf: Float, zipf: (String) -> Float) -> Bool {
        guard mayBeName(tokens, position, text: text) else { return false }
        // A common word opening a sentence ("The", "Last") is capitalized for that reason alone.
        if opensSentence || tokens[position].text.unicodeScalars.allSatisfy(\.hasUppercaseProperty) == false {
            if let language, zipf(language) >= (opensSentence ? openerZipf : 5.0) {
                return false
            }
            if opensSentence && language == nil { return false }
        }
        return true
    }

    /// Whether the token is an acronym of three letters or more ("NASA", "ČSSD"). Two-letter ones ("US",
    /// "UK") are too often dropped or spelled out to count on their own.
    static func isAcronym(_ token: Token) -> Bool {
        token.kind == .letters && token.scalarCount >= 3
            && token.text.unicodeScalars.allSatisfy { $0.hasUppercaseProperty || !$0.hasAlphabeticProperty }
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
                    index == start || word.scalarCount > 3
                    || word.text.unicodeScalars.first?.hasLowercaseProperty != true { break }
                index += 1
            }
            if matched >= max(2, letters.count - 1) { return true }
        }
        return false
    }

    /// The keys of the words `document` capitalizes inside a sentence (not as its first word): names
    /// by the text's own evidence, whatever the word lists say. Made once per document.
    static func capitalizedInside(_ document: Document) -> Set<String> {
        document.memo.value(Self.capitalizedInsideKey, from: document) { document in
            var keys: Set<String> = []
            // The tokens by index: a copy of each (its text and key retained), as a lazy filter of
            // them made, cost more than the tests, and most tokens are no capitalized word.
            let tokens = document.tokens
            for sentence in document.sentences {
                var opened = false
                for k in sentence.tokens where tokens[k].isWordLike {
                    // The sentence's first word is capitalized for opening it.
                    guard opened else { opened = true; continue }
                    if tokens[k].kind == .letters && tokens[k].text.startsWithCapital { keys.insert(base(tokens[k].key)) }
                }
            }
            return keys
        }
    }

    /// The base forms of the keys of `document`'s letter words ("kerry" of "Kerry's"): whether a
    /// text writes a name at all. Made once per document, however many contexts ask (`LetterKeys`).
    static func letterKeys(of document: Document) -> LetterKeys {
        document.memo.value(Self.letterKeysKey, from: document) { LetterKeys($0) }
    }

    /// Whether a letter word of `document` has the base `key`: `letterKeys(of:).contains(key)`, told
    /// without making the set, where it is not made yet, for a text of at most `shortText` tokens,
    /// by reading its letter words. A rule's quick test asks about a few words of the other text,
    /// and its answer most often ends the rule: the version's set is then never needed (most
    /// contexts), and making it cost more than the few readings.
    ///
    /// `hash`, when given, is the FNV-1a hash of `key` (a document's `keyHashes`), which must be its
    /// own base: a letter word whose key is `key` itself is then looked for first by the hashes the
    /// document keeps of its keys, with no key read but the few of that hash. Most words a quick
    /// test asks about that the other text writes, it writes so (not only as a possessive, an
    /// abbreviation or with accents), and the reading of every word is then not needed.
    static func writesLetterWord(base key: String, hash: UInt64? = nil, in document: Document) -> Bool {
        if let keys = document.memo.existing(letterKeysKey, as: LetterKeys.self) { return keys.contains(key) }
        let tokens = document.tokens
        guard tokens.count <= shortText else { return letterKeys(of: document).contains(key) }
        if let hash {
            let hashes = document.keyHashes
            for k in hashes.indices where hashes[k] == hash && tokens[k].kind == .letters && KeyNumbering.equal(tokens[k].key, key) {
                return true
            }
        }
        let first = key.utf8.first, count = key.utf8.count
        return tokens.indices.contains { k in
            guard tokens[k].kind == .letters else { return false }
            let tokenKey = tokens[k].key
            // A small key's first byte read from the string's own bits (`smallKeyHead`), with no copy
            // of its bytes: `cannotBeBase`'s test of a first byte a–z or 0–9 other than `first` turns
            // most words away there.
            if let head = smallKeyHead(tokenKey), head != first, (0x61...0x7A).contains(head) || (0x30...0x39).contains(head) {
                return false
            }
            let told = tokenKey.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
                if cannotBeBase(of: bytes, first: first, count: count) { return false }
                // A key that is its own base (ASCII without a full stop or a final "'s": most) is
                // compared as it is, with no base made.
                guard isPlainBase(bytes) else { return nil }
                return bytes.count == count && KeyNumbering.equal(tokenKey, key)
            } ?? nil
            return told ?? KeyNumbering.equal(base(tokenKey), key)
        }
    }

    /// The first byte of `key` where it is a small string of at least one byte (held in the string's
    /// own two words, the first byte the first word's low byte; `FormStarts.smallKeyHasApostrophe`),
    /// nil otherwise.
    @inline(__always)
    static func smallKeyHead(_ key: String) -> UInt8? {
        let (low, high) = unsafeBitCast(key, to: (UInt64, UInt64).self)
        // Bit 61 of the second word marks a small string, and its top byte's low four bits hold the count.
        guard high & (1 << 61) != 0, (high >> 56) & 0xF != 0 else { return nil }
        return UInt8(truncatingIfNeeded: low)
    }

    /// Whether a key of UTF-8 `bytes` surely has a `base` other than a key of `count` bytes that begins
    /// with the byte `first`: told from the bytes, with no base made (most words of a text). A key that
    /// begins with a letter a–z or a digit keeps that byte first in its base, whatever follows: full
    /// stops and a final "'s" go from elsewhere, and stripping marks (a decomposition, in which an
    /// ASCII starter stays first, and the marks' removal) leaves it. An ASCII key's base is no longer
    /// than the key (it only loses bytes); another's may be longer (a decomposition), and is not
    /// weighed by its length. `writesLetterWord`'s screen, which must agree with comparing the bases.
    static func cannotBeBase(of bytes: UnsafeBufferPointer<UInt8>, first: UInt8?, count: Int) -> Bool {
        guard let head = bytes.first else { return false }
        if head != first && ((0x61...0x7A).contains(head) || (0x30...0x39).contains(head)) { return true }
        return bytes.count < count && !bytes.contains(where: { $0 >= 0x80 })
    }

    /// The most tokens of a text that `writesLetterWord` reads rather than make its set: a sentence or two.
    private static let shortText = 48

    /// The most tokens of a text whose words are taken token by token rather than once a distinct
    /// key: a few sentences repeat too few words to pay for the table of those seen.
    static let repeatingText = 96

    /// The bases of a document's letter words, as a set: made on the table of its words
    /// (`DocumentWords`, which the aligner makes of every document) rather than as a table of its
    /// own. Most keys are their own base (ASCII without a full stop or a final "'s"): such a key is
    /// marked at its number there, with no base made and nothing hashed again; only the few others
    /// (possessives, accented words, abbreviations) have their bases kept apart. A base is in the set
    /// when the words' table has it as the key of a marked number, or the others have it.
    struct LetterKeys: Sendable {
        private let words: DocumentWords
        /// By the number of a word's key: 1 where a letter word has that key and it is its own base
        /// (0 where no letter word has it, 2 where its base is another), then, past the words' count,
        /// by the number of a letter word's key again: its first byte (0 for another number's, or an
        /// empty key), for `containsSharingStem`. One array for both: one allocation a text, not two.
        private let seen: [UInt8]
        /// The count of the words' numbers: where the first bytes start in `seen`.
        private let count: Int
        /// The bases of the other letter words' keys, when there are some.
        private let others: KeySet?

        init(_ document: Document) {
            let words = DocumentWords.of(document)
            let tokens = document.tokens, ids = words.tokenIds
            // By number: 0 not yet seen as a letter word's key, 1 its own base, 2 another's; then the
            // first bytes.
            let count = words.keys.count
            var table = [UInt8](filledWith: 0, count: 2 * count)
            var others: KeySet?
            // (Written in place: no check that the array is unique at every key.)
            table.withUnsafeMutableBufferPointer { table in
                do {
                    let seen = UnsafeMutableBufferPointer(rebasing: table[..<count])
                    let firstBytes = UnsafeMutableBufferPointer(rebasing: table[count...])
                    for k in tokens.indices where tokens[k].kind == .letters {
                        let number = Int(ids[k])
                        guard seen[number] == 0 else { continue }
                        let key = tokens[k].key
                        if key.utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
                            firstBytes[number] = bytes.first ?? 0
                            return isPlainBase(bytes)
                        }) == true {
                            seen[number] = 1
                            continue
                        }
                        firstBytes[number] = key.utf8.first ?? 0
                        let keyBase = base(key)
                        if KeyNumbering.equal(keyBase, key) {
                            seen[number] = 1
                        } else {
                            seen[number] = 2
                            if others == nil { others = KeySet() }
                            others!.insert(keyBase)
                        }
                    }
                }
            }
            self.words = words
            seen = table
            self.count = count
            self.others = others
        }

        /// Whether a letter word has the base `key`.
        func contains(_ key: String) -> Bool {
            // The key's bytes hashed once, for the words' table and the others' alike (both hash by
            // FNV-1a over the bytes).
            if let found = key.utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
                let hash = FNV1a.hash(bytes)
                if let number = words.ids.number(ofBytes: bytes, hash: hash), seen[number] == 1 { return true }
                return others?.contains(bytes: bytes, hash: hash) ?? false
            }) {
                return found
            }
            if let number = words.ids.number(of: key), seen[number] == 1 { return true }
            return others?.contains(key) ?? false
        }

        /// Whether one of the bases shares a stem with `key` (`sharesStem(base, key)`), told as
        /// `contains(where:)` of that test, the bases that surely do not passed over by their first
        /// bytes: a key that begins with a letter a–z or a digit keeps that byte first in its base
        /// (`cannotBeBase`), so two such keys that begin differently have bases that neither begin
        /// one another nor share a first letter. (An entity rule asks this of a text's every word
        /// for each name it may miss.)
        func containsSharingStem(with key: String) -> Bool {
            let first = key.utf8.first ?? 0
            let screens = Self.staysFirst(first)
            let keys = words.keys
            for number in 0..<count where seen[number] == 1 {
                let head = seen[count + number]
                if screens, head != first, Self.staysFirst(head) { continue }
                if sharesStem(keys[number], key) { return true }
            }
            return others?.contains(where: { sharesStem($0, key) }) ?? false
        }

        /// Whether a key's first byte `byte` stays first in its base: a letter a–z or a digit.
        @inline(__always)
        private static func staysFirst(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) }

        /// Whether one of the bases satisfies `predicate` (in no particular order; a base may be
        /// asked twice).
        func contains(where predicate: (String) -> Bool) -> Bool {
            let keys = words.keys
            for number in 0..<count where seen[number] == 1 && predicate(keys[number]) { return true }
            return others?.contains(where: predicate) ?? false
        }
    }

    /// The base keys of the letter words of the source and the other versions: a name of the
    /// version that one of them writes is not new. Each text's own keys (`letterKeys(of:)`, made once
    /// per text), asked in turn rather than joined into one set for every context.
    static func known(in context: DetectionContext) -> KnownKeys {
        KnownKeys(source: letterKeys(of: context.source), others: context.otherVersions.map(letterKeys(of:)))
    }

    /// Whether the source or another version writes a letter word of base `key`: `known(in:)
    /// .contains(key)`, with the source read as `writesLetterWord` reads it. For the quick tests that
    /// most contexts end at, with no set made of a short source's words (each is made once per
    /// source, but most sources come once).
    static func isKnown(_ key: String, in context: DetectionContext) -> Bool {
        isKnown(key, hash: nil, in: context)
    }

    /// `isKnown(_:in:)` with the source read as `writesLetterWord(base:hash:in:)` reads it: `hash`, when
    /// given, the FNV-1a hash of `key`, which is its own base.
    static func isKnown(_ key: String, hash: UInt64?, in context: DetectionContext) -> Bool {
        writesLetterWord(base: key, hash: hash, in: context.source) || context.otherVersions.contains { letterKeys(of: $0).contains(key) }
    }

    /// Whether the source (or another version) writes the base of `key`, the key of the version's
    /// token `k`: `isKnown(base(key), in: context)`, with the key's hash the version keeps given where
    /// the key is its own base (most words: `base` returns the key itself). Out of line: the quick
    /// test's closure then holds no array of hashes for every word it asks.
    @inline(never)
    private static func isKnown(token k: Int, key: String, in context: DetectionContext) -> Bool {
        let keyBase = base(key)
        return isKnown(keyBase, hash: KeyNumbering.equal(keyBase, key) ? context.version.keyHashes[k] : nil, in: context)
    }

    /// Whether `other` writes a letter word of the base of `key`, the key of token `k` of `document`:
    /// `writesLetterWord(base: base(key), in: other)`, with the key's hash that `document` keeps given
    /// where the key is its own base (`isKnown(token:key:in:)`).
    @inline(never)
    private static func writesBaseOf(token k: Int, key: String, of document: Document, in other: Document) -> Bool {
        let keyBase = base(key)
        return writesLetterWord(base: keyBase, hash: KeyNumbering.equal(keyBase, key) ? document.keyHashes[k] : nil, in: other)
    }

    /// Whether the version writes a word that may be part of a name and that neither the source nor
    /// another version writes (`isKnown`): the quick test that name substitutions and name evidence
    /// both start with, and most contexts end at, told once per context for both.
    static func versionWritesNewName(in context: DetectionContext) -> Bool {
        // Kept with the finders, which both rules fetch anyway: a memo key of its own cost more than
        // the test where the source's set is made.
        let finders = finders(in: context)
        return Finders.told(finders.writesNewName) {
            // A word the source writes at the same place, or one before or after, is known with no
            // search of the source: a text and its rendering share most words, mostly in order.
            let source = context.source.tokens
            return finders.version.writesCapitalized(in: context.version, at: { k, key in
                !writesLetterWord(key, near: k, in: source) && !isKnown(token: k, key: key, in: context)
            })
        }
    }

    /// Whether the source writes a word that may be part of a name and that the version does not
    /// write (`writesLetterWord`): every name part of the source that a name substitution pairs, by
    /// spelling or by place, is made of such words. Told once per context, kept with the finders.
    static func sourceWritesMissingName(in context: DetectionContext) -> Bool {
        let finders = finders(in: context)
        return Finders.told(finders.writesMissingName) {
            // (The version's word at the same place, or next to it, first, as for `versionWritesNewName`.)
            let version = context.version.tokens
            return finders.source.writesCapitalized(in: context.source, at: { k, key in
                !writesLetterWord(key, near: k, in: version) && !writesBaseOf(token: k, key: key, of: context.source, in: context.version)
            })
        }
    }

    /// Whether `tokens` (another text's) have a letter word of key `key` at index `k`, one before or
    /// one after: then they have a letter word of the base of `key` (its own key's base), told with
    /// no search. False says nothing.
    @inline(__always)
    private static func writesLetterWord(_ key: String, near k: Int, in tokens: [Token]) -> Bool {
        for j in k - 1...k + 1 where tokens.indices.contains(j) && tokens[j].kind == .letters && sameKey(tokens[j].key, key) {
            return true
        }
        return false
    }

    /// `KeyNumbering.equal`, with two small strings (a key of up to fifteen bytes, held in the
    /// string's own bits: most) told apart by their bits alone: two small strings are the same bytes
    /// exactly when their bits are the same, and the byte-by-byte comparison is left for the others.
    /// (The quick tests compare a word with its neighbours in the other text, most of them other words.)
    @inline(__always)
    static func sameKey(_ a: String, _ b: String) -> Bool {
        let x = unsafeBitCast(a, to: (UInt64, UInt64).self), y = unsafeBitCast(b, to: (UInt64, UInt64).self)
        if x == y { return true }
        // Bit 61 of the second word marks a small string (`_StringObject`'s discriminator).
        let small: UInt64 = 1 << 61
        return x.1 & y.1 & small == 0 && KeyNumbering.equal(a, b)
    }

    /// Keys of several texts, each text's in a set of its own. The source's apart: most contexts have
    /// no other version, and then no array of sets is made.
    struct KnownKeys {
        let source: LetterKeys
        let others: [LetterKeys]

        /// Whether one of the texts has `key`.
        func contains(_ key: String) -> Bool { source.contains(key) || others.contains { $0.contains(key) } }
    }

    /// Whether `document` has a word that may be part of a name, whose key `keep` keeps: a letter
    /// word of two letters or more, capitalized, no honorific (what `isName` and `capitalizedRuns`
    /// ask of every word they keep). Without one, no run of the document has a part `keep` keeps
    /// (a name new to the other texts, one the version lacks): the rules that look for such parts
    /// need not make the runs (most texts).
    func writesCapitalized(in document: Document, where keep: (String) -> Bool) -> Bool {
        writesCapitalized(in: document, at: { keep($1) })
    }

    /// `writesCapitalized(in:where:)` with each word's index in the document's tokens given to `keep`
    /// with its key. `mayBeName`'s tests with `keep` asked before the honorifics' (both say no more
    /// than yes or no of the word): most capitalized words are no new name, and `keep` turns them
    /// away first, with no honorific looked up. Each word's first byte read from the document's bytes.
    private func writesCapitalized(in document: Document, at keep: (Int, String) -> Bool) -> Bool {
        let tokens = document.tokens
        return Self.withBytes(of: document) { text in
            tokens.indices.contains { k in
                mayBeCapitalizedWord(tokens, k, text: text) && keep(k, tokens[k].key) && !honorifics.contains(tokens[k].key)
            }
        }
    }

    /// Whether the token at `position` may be part of a name: a letter word of two letters or more,
    /// capitalized, no honorific. What `isName` and `capitalizedRuns` ask of every word first, and
    /// all that the quick tests (`hasCapitalized`, `opensAlike`) ask: one test, so that a quick test
    /// can never turn away a word the full ones would keep. (`writesCapitalized` asks its two parts,
    /// `mayBeCapitalizedWord` and the honorifics, with its own test between them: the same answer.)
    ///
    /// `text` is the UTF-8 of the tokens' document (`withBytes`), or nil: a token's first byte is read
    /// there, where its text's first byte stands (a token's text is its bytes of the document's),
    /// rather than through its string's view, which cost several times more for every word; a byte
    /// of 0x80 or more, or no bytes at hand, is told from the text's first scalar.
    @inline(__always)
    private func mayBeName(_ tokens: [Token], _ position: Int, text: UnsafeBufferPointer<UInt8>?) -> Bool {
        mayBeCapitalizedWord(tokens, position, text: text) && !honorifics.contains(tokens[position].key)
    }

    /// `mayBeName` but for the honorifics: a letter word of two letters or more, capitalized.
    @inline(__always)
    private func mayBeCapitalizedWord(_ tokens: [Token], _ position: Int, text: UnsafeBufferPointer<UInt8>?) -> Bool {
        guard tokens[position].kind == .letters else { return false }
        let capital: Bool
        if let text, case let byte = text[tokens[position].utf8.lowerBound], byte < 0x80 {
            capital = (0x41...0x5A).contains(byte)
        } else {
            capital = tokens[position].text.startsWithCapital
        }
        return capital && tokens[position].scalarCount >= 2
    }

    /// Calls `body` with the UTF-8 of `document`'s text, read in place, or with nil when its text
    /// holds no contiguous bytes (`mayBeName` then reads each token's text).
    @inline(__always)
    static func withBytes<Result>(of document: Document, _ body: (UnsafeBufferPointer<UInt8>?) -> Result) -> Result {
        if let result = document.text.utf8.withContiguousStorageIfAvailable({ body($0) }) { return result }
        return body(nil)
    }

    /// How alike two names look, 0–1: one minus the edit distance over the longer length, on their
    /// matching forms; 1 for homoglyph twins. The distance is over Unicode scalars; names in ASCII
    /// (most) are compared on their UTF-8 bytes, which are their scalars, without copying them.
    static func similarity(_ a: String, _ b: String) -> Double {
        // (The bytes are tested for ASCII in place: through the views, the test cost more than the distance.)
        if let score = a.utf8.withContiguousStorageIfAvailable({ x -> Double? in
            b.utf8.withContiguousStorageIfAvailable { y -> Double? in
                guard x.allSatisfy({ $0 < 0x80 }), y.allSatisfy({ $0 < 0x80 }) else { return nil }
                // The shorter word as the pattern: one machine word holds its column (most words).
                let (pattern, text) = x.count <= y.count ? (x, y) : (y, x)
                guard !pattern.isEmpty, pattern.count <= 64 else { return similarity(x, y) }
                return 1 - Double(asciiDistance(pattern, text)) / Double(text.count)
            } ?? nil
        }) ?? nil {
            return score
        }
        return similarity(a.unicodeScalars.map(\.value), b.unicodeScalars.map(\.value))
    }

    /// The Levenshtein distance of two ASCII words, `pattern` of 1 to 64 letters, by Myers'
    /// bit-vector algorithm (Hyyrö's formulation): a column of the table is held as the places where
    /// it goes up and where it goes down, and each letter of `text` moves it on by a few word-wide
    /// operations, with no table and no allocation.
    static func asciiDistance(_ pattern: UnsafeBufferPointer<UInt8>, _ text: UnsafeBufferPointer<UInt8>) -> Int {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 128) { positions in
            // Only the entries of the two words' bytes are read: those are cleared, not all 128.
            for byte in pattern { (positions.baseAddress! + Int(byte & 0x7F)).initialize(to: 0) }
            for byte in text { (positions.baseAddress! + Int(byte & 0x7F)).initialize(to: 0) }
            for (index, byte) in pattern.enumerated() { positions[Int(byte & 0x7F)] |= 1 << UInt64(index) }
            let last: UInt64 = 1 << UInt64(pattern.count - 1)
            var up: UInt64 = ~0, down: UInt64 = 0
            var distance = pattern.count
            for byte in text {
                let equal = positions[Int(byte & 0x7F)]
                let vertical = equal | down
                let horizontal = (((equal & up) &+ up) ^ up) | equal
                var horizontalUp = down | ~(horizontal | up)
                var horizontalDown = up & horizontal
                if horizontalUp & last != 0 { distance += 1 } else if horizontalDown & last != 0 { distance -= 1 }
                // Across a letter of the text: +1 in the first row (one more letter to insert), hence the 1.
                horizontalUp = horizontalUp << 1 | 1
                horizontalDown <<= 1
                up = horizontalDown | ~(vertical | horizontalUp)
                down = horizontalUp & vertical
            }
            return distance
        }
    }

    static func similarity<Letters: RandomAccessCollection>(_ x: Letters, _ y: Letters) -> Double
    where Letters.Element: Equatable, Letters.Index == Int {
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        // Levenshtein distance, one row of the table at a time, rewritten in place: `diagonal` keeps
        // the cell above and to the left of the one being written.
        var row = Array(0...y.count)
        for i in 1...x.count {
            var diagonal = row[0]
            row[0] = i
            let letter = x[x.startIndex + i - 1]
            for j in 1...y.count {
                let above = row[j]
                row[j] = Swift.min(above + 1, row[j - 1] + 1, diagonal + (letter == y[y.startIndex + j - 1] ? 0 : 1))
                diagonal = above
            }
        }
        return 1 - Double(row[y.count]) / Double(Swift.max(x.count, y.count))
    }
}

/// A word without its possessive "'s", its accents and its full stops ("U.S" is "US"), as names are compared.
func base(_ key: String) -> String {
    // Byte checks first: this runs for every word of every detector, and Foundation's string
    // search would cost more than the rest.
    let dot = UInt8(ascii: "."), utf8 = key.utf8
    // Most keys are ASCII words without a stop or a possessive: one pass over the bytes tells. Most
    // others are Latin (accented words, possessives, abbreviations): one more pass writes their base.
    // (The plain test apart: a closure that returned the key itself retained it for every word.)
    if utf8.withContiguousStorageIfAvailable({ isPlainBase($0) }) == true { return key }
    if let made = utf8.withContiguousStorageIfAvailable({ latinBase(of: $0) }) ?? nil { return made }
    var key = utf8.contains(dot) ? String(decoding: utf8.filter { $0 != dot }, as: UTF8.self) : key
    if utf8.count >= 2, key.utf8.last == UInt8(ascii: "s"), key.utf8.dropLast().last == UInt8(ascii: "'") { key = String(key.dropLast(2)) }
    return strippingLatinMarks(key) ?? strippingMarks(key)
}

/// `Normalizer.strippingMarks` (NFD, then every nonspacing mark dropped), with the scalars that no
/// nonspacing mark is (`cannotBeNonspacingMark`: Greek, Cyrillic) kept with no look-up in the
/// property tables, and the decomposition itself returned where it has no such mark (most words
/// of those scripts): no string is built scalar by scalar for them.
func strippingMarks(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
    let decomposed = Normalizer.normalize(text, to: .nfd)
    func isMark(_ scalar: Unicode.Scalar) -> Bool {
        !cannotBeNonspacingMark(scalar) && scalar.properties.generalCategory == .nonspacingMark
    }
    guard decomposed.unicodeScalars.contains(where: isMark) else { return decomposed }
    var view = String.UnicodeScalarView()
    for scalar in decomposed.unicodeScalars where !isMark(scalar) { view.append(scalar) }
    return String(view)
}

/// Whether `scalar` is surely no nonspacing mark (general category Mn): below U+0300 (none is), in
/// Greek and Coptic and Cyrillic before its combining marks (U+0370–U+0482), or in Cyrillic after
/// them and its Supplement (U+048A–U+052F). A test checks every scalar of these ranges.
@inline(__always)
func cannotBeNonspacingMark(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0..<0x300, 0x370..<0x483, 0x48A..<0x530: true
    default: false
    }
}

/// `base` of a key of UTF-8 `bytes` whose scalars are all below U+0180 (ASCII, Latin-1 and Latin
/// Extended-A), written in one pass with no string made between; nil for another key. What `base`
/// does in steps: the full stops dropped, then a final "'s" (the last two characters: below U+0180
/// no scalar joins a neighbour into one character, so they are the last two bytes), then each
/// scalar's marks (`strippingLatinMarks`).
func latinBase(of bytes: UnsafeBufferPointer<UInt8>) -> String? {
    let dot = UInt8(ascii: ".")
    // Every scalar below U+0180: an ASCII byte, or a lead byte C2–C5 and one continuation byte.
    var k = 0, kept = 0, last: UInt8 = 0, beforeLast: UInt8 = 0
    while k < bytes.count {
        let byte = bytes[k]
        if byte < 0x80 {
            if byte != dot { (beforeLast, last, kept) = (last, byte, kept + 1) }
            k += 1
            continue
        }
        guard (0xC2...0xC5).contains(byte), k + 1 < bytes.count, bytes[k + 1] & 0xC0 == 0x80 else { return nil }
        (beforeLast, last, kept) = (bytes[k], bytes[k + 1], kept + 2)
        k += 2
    }
    // The bytes kept after the full stops, less a final "'s".
    let end = kept >= 2 && last == UInt8(ascii: "s") && beforeLast == UInt8(ascii: "'") ? kept - 2 : kept
    return String(unsafeUninitializedCapacity: end) { output in
        var k = 0, read = 0, count = 0
        while read < end {
            let byte = bytes[k]
            if byte < 0x80 {
                k += 1
                guard byte != dot else { continue }
                output[count] = byte
                count += 1
                read += 1
                continue
            }
            for base in latinBases[Int(byte & 0x1F) << 6 | Int(bytes[k + 1] & 0x3F)] {
                output[count] = base
                count += 1
            }
            k += 2
            read += 2
        }
        return count
    }
}

/// The UTF-8 of `Normalizer.strippingMarks` of each scalar below U+0180 (ASCII, Latin-1 and Latin
/// Extended-A: "é" is "e", "ł" and "ß" are themselves), made once by that function.
private let latinBases: [[UInt8]] = (0..<0x180).map { value in
    let base = Array(Normalizer.strippingMarks(String(Character(Unicode.Scalar(UInt32(value))!))).utf8)
    // `strippingLatinMarks` writes a key's bases in the room of its own bytes.
    precondition(base.count <= (value < 0x80 ? 1 : 2), "a base no longer than its scalar")
    return base
}

/// `Normalizer.strippingMarks` of a key whose scalars are all below U+0180, scalar by scalar from a
/// table, without normalizing the text (nil for another key). The same: no scalar there is a
/// combining mark or decomposes to anything but a letter and marks, so the key's decomposition is
/// its scalars' decompositions in a row, and each loses its own marks. Read from the UTF-8 bytes:
/// below U+0180 a scalar is an ASCII byte, or a lead byte C2–C5 and one continuation byte.
private func strippingLatinMarks(_ key: String) -> String? {
    func strip(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        // ASCII is its own (as `strippingMarks` says first).
        guard bytes.contains(where: { $0 >= 0x80 }) else { return key }
        var k = 0
        while k < bytes.count {
            if bytes[k] < 0x80 { k += 1; continue }
            guard (0xC2...0xC5).contains(bytes[k]), k + 1 < bytes.count, bytes[k + 1] & 0xC0 == 0x80 else { return nil }
            k += 2
        }
        // Each scalar's bytes give way to its base's, as many or fewer.
        return String(unsafeUninitializedCapacity: bytes.count) { output in
            var k = 0, count = 0
            while k < bytes.count {
                if bytes[k] < 0x80 {
                    output[count] = bytes[k]
                    count += 1
                    k += 1
                    continue
                }
                let value = Int(bytes[k] & 0x1F) << 6 | Int(bytes[k + 1] & 0x3F)
                for byte in latinBases[value] {
                    output[count] = byte
                    count += 1
                }
                k += 2
            }
            return count
        }
    }
    return key.utf8.withContiguousStorageIfAvailable { strip($0) } ?? nil
}

/// Whether the UTF-8 `bytes` of a key are their own `base`: ASCII without a full stop or a final "'s".
private func isPlainBase(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    isPlainASCII(bytes, carriageReturns: false) && !endsInPossessive(bytes)
}

/// `isPlainBase` without a carriage return, told in the same one pass over the bytes: a key whose
/// every byte is a letter of its own for `sharesStem`.
func isPlainStem(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    isPlainASCII(bytes, carriageReturns: true) && !endsInPossessive(bytes)
}

/// Whether `bytes` end in "'s".
@inline(__always)
private func endsInPossessive(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.count >= 2 && bytes[bytes.count - 1] == UInt8(ascii: "s") && bytes[bytes.count - 2] == UInt8(ascii: "'")
}

/// Whether no byte of `bytes` is 0x80 or more or a full stop (nor, with `carriageReturns`, a carriage
/// return). Eight bytes at a time, as one 64-bit word (the tail of a short key read in pieces of four,
/// two and one, the rest of the word zero, which is none of those bytes): a byte 0x80 or more sets its
/// top bit, and a byte equal to `b` is a zero byte of the word XOR `b` in every byte, which the usual
/// test for a zero byte finds. Most keys are a word or two: a few operations, where a loop over the
/// bytes took one test and a branch a byte.
@inline(__always)
private func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>, carriageReturns: Bool) -> Bool {
    guard let start = bytes.baseAddress else { return true }
    let raw = UnsafeRawPointer(start)
    let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
    func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highs != 0
    }
    func isPlain(_ word: UInt64) -> Bool {
        word & highs == 0 && !hasByte(word, UInt8(ascii: ".")) && !(carriageReturns && hasByte(word, 0x0D))
    }
    let count = bytes.count
    var at = 0
    while count - at >= 8 {
        guard isPlain(raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)) else { return false }
        at += 8
    }
    let rest = count - at
    guard rest > 0 else { return true }
    var word: UInt64 = 0, shift: UInt64 = 0
    if rest & 4 != 0 {
        word = UInt64(raw.loadUnaligned(fromByteOffset: at, as: UInt32.self))
        at += 4
        shift = 32
    }
    if rest & 2 != 0 {
        word |= UInt64(raw.loadUnaligned(fromByteOffset: at, as: UInt16.self)) << shift
        at += 2
        shift += 16
    }
    if rest & 1 != 0 { word |= UInt64(raw.load(fromByteOffset: at, as: UInt8.self)) << shift }
    return isPlain(word)
}

/// Whether two names are forms of one: one begins the other, or they share their first five letters.
func sharesStem(_ a: String, _ b: String) -> Bool {
    // Most keys are plain ASCII (their own base, and without a carriage return, the one ASCII byte
    // that joins the next into one character): there each letter is a byte and both tests read
    // the common prefix of the bytes, with no base made and no characters compared.
    if let plain = plainSharesStem(a, b) { return plain }
    return basesShareStem(base(a), base(b))
}

/// `sharesStem` of two plain keys (ASCII without a carriage return, each its own base), read on
/// their bytes: one begins the other, or they share their first five bytes. Nil when either is not
/// plain.
private func plainSharesStem(_ a: String, _ b: String) -> Bool? {
    a.utf8.withContiguousStorageIfAvailable { x in
        b.utf8.withContiguousStorageIfAvailable { y -> Bool? in
            guard isPlainStem(x), isPlainStem(y) else { return nil }
            let shorter = min(x.count, y.count)
            var common = 0
            while common < shorter && x[common] == y[common] { common += 1 }
            return common == shorter || common >= 5
        } ?? nil
    } ?? nil
}

/// `sharesStem(a, b)` of two keys given by their bases (`base(a)`, `base(b)`): for a caller that
/// weighs each key against several others, its base made once, not again for every pair. Two plain
/// bases (ASCII without a carriage return: a character a byte) are read as `sharesStem` reads plain
/// keys, which are their own bases; the others by their characters and scalars.
func basesShareStem(_ x: String, _ y: String) -> Bool {
    if let plain = plainSharesStem(x, y) { return plain }
    if x.hasPrefix(y) || y.hasPrefix(x) { return true }
    return zip(x.unicodeScalars, y.unicodeScalars).prefix { $0 == $1 }.count >= 5
}

/// The pairs of a new name in a version sentence and the source's name it stands for.
struct NameSubstitutions {
    /// The findings `detector` makes of the pairs that `keep` selects: the version's name, where the
    /// source names another, with the source's form as the suggestion.
    static func findings(by detector: some Detector, in context: DetectionContext,
                         where keep: (Pair) -> Bool) -> [Finding] {
        // Most contexts have no pair: their answer is told with no list made.
        let pairs = pairs(in: context)
        guard !pairs.isEmpty else { return [] }
        return pairs.filter(keep).map { pair in
            let written = context.source.text(of: pair.source.span)
            let known = pair.confusion.map { " (a known confusion, “\($0.id)” in the confusions lexicon)" } ?? ""
            return detector.finding(pair.version.span, in: context,
                                    message: "“\(context.version.text(of: pair.version.span))” stands where the source names “\(written)”" + known,
                                    sourceSpan: pair.source.span, suggestion: written, evidence: .source)
        }
    }

    struct Pair {
        let version: NameRuns.Run
        let source: NameRuns.Run
        let similarity: Double
        /// The entry of the confusions lexicon that lists the version's form as a wrong rendering of
        /// the source's, when one does.
        var confusion: Confusion? = nil
    }

    /// A known confusion: an entry of the confusions lexicon and its class.
    struct Confusion {
        let id: String
        /// "name-as-word" or "respelling".
        let entryClass: String?
    }

    /// What a pair of a new word and a source name it stands for is.
    enum Nature {
        /// A name alike in spelling ("Halverson" for "Halvorsen"): name-corruption.
        case corruption
        /// Another name, a country or an acronym ("Napoli" for "Rome"): introduced-entity.
        case otherName
        /// A common word ("Rose", "West") where the source names someone: entity-substitution.
        case commonWord
        /// A month, a weekday or a title ("March", "Deputy"): date-time-mismatch's and
        /// title-role-mismatch's, when they are anything.
        case lexiconWord
    }

    static func nature(of pair: Pair, in context: DetectionContext) -> Nature {
        // A known confusion is what its lexicon class says: a respelt name or a name read as a word.
        if let confusion = pair.confusion { return confusion.entryClass == "respelling" ? .corruption : .commonWord }
        if pair.similarity >= NameCorruptionDetector.threshold { return .corruption }
        let overlapping = { (kind: LexiconKind) in
            LexiconPhrases.mentions(kind, in: context).version.contains { $0.span.overlaps(pair.version.span) }
        }
        if NameRuns.version(in: context).isEntityLike(pair.version) || pair.version.tokens.contains(where: NameRuns.isAcronym)
            || overlapping(.countries) || overlapping(.entities) { return .otherName }
        let titleWords = LexiconPhrases.mentions(.titles, in: context).versionPhrases.vocabulary
        return overlapping(.dateTimeWords) || overlapping(.titles) || pair.version.keys.allSatisfy(titleWords.contains)
            ? .lexiconWord : .commonWord
    }

    private static let pairsKey = MemoKey("name-substitutions")

    /// For each aligned sentence, the version's names unknown to the source (and the other versions),
    /// each paired with the most similar source name of that sentence that the version lacks.
    static func pairs(in context: DetectionContext) -> [Pair] {
        context.memoized(pairsKey) { computePairs(in: context) }
    }

    /// The pairs of the context (`pairs(in:)`, unkept). `screensMissing` false leaves out the quick
    /// test of a source word the version lacks, for the tests that check it changes nothing.
    static func computePairs(in context: DetectionContext, screensMissing: Bool = true) -> [Pair] {
        guard context.sameLanguage else { return [] }
        // Every pair is made in a version sentence aligned to a source sentence closely enough for
        // evidence: without one (a version unlike its source), nothing else need be read.
        // (Read in place: a copy of the alignment retained and released each of its lists.)
        guard !screensMissing || context.version.sentences.indices.contains(where: { index in
            context.alignment.sourceOf[index] != nil && context.alignment.similarity[index] >= SentenceAlignment.evidenceSimilarity
        }) else { return [] }
        let versionNames = NameRuns.version(in: context)
        let sourceNames = NameRuns.source(in: context)
        guard versionNames.isUsable, sourceNames.isUsable else { return [] }
        let confusions = LexiconPhrases.mentions(.confusions, in: context)
        // A pair needs a version word that may be a new name (for the pairs by spelling and by place)
        // or a wrong form of a known confusion. Most versions have neither: no runs are made for them
        // (nor the set of a short source's words).
        // And a pair by spelling or by place needs a source word that may be a name and that the
        // version lacks (`missingParts`, positionalPairs' `missing` are made of such words): a
        // version that writes a new name where the source's are all there (a sentence opened by
        // another word) has none either.
        guard NameRuns.versionWritesNewName(in: context) && (!screensMissing || NameRuns.sourceWritesMissingName(in: context))
                || confusions.version.contains(where: { $0.field == "wrong" }) else { return [] }
        let known = NameRuns.known(in: context)
        let inVersion = NameRuns.letterKeys(of: context.version)
        let countries = LexiconPhrases.mentions(.countries, in: context)
        let entities = LexiconPhrases.mentions(.entities, in: context)
        // Forms the country or the entity lexicon gives one identity: "China's" and "Chinese", "UN" and
        // "United Nations", "Gaddafi" and "Qaddafi".
        func sameCountry(_ version: NameRuns.Run, _ source: NameRuns.Run) -> Bool {
            !LexiconPhrases.ids(overlapping: version.span, in: countries.version)
                .isDisjoint(with: LexiconPhrases.ids(overlapping: source.span, in: countries.source))
                || !LexiconPhrases.ids(overlapping: version.span, in: entities.version)
                .isDisjoint(with: LexiconPhrases.ids(overlapping: source.span, in: entities.source))
        }
        let versionRuns = NameRuns.sentenceRuns(ofSource: false, in: context)
        let sourceRuns = NameRuns.sentenceRuns(ofSource: true, in: context)
        // The source's runs as entity-omitted finds them, for `positionalPairs`: fetched from the memo
        // once, when a sentence first needs them, not once a sentence.
        lazy var sourceOpenerRuns = NameRuns.sentenceRuns(ofSource: true, in: context, openerZipf: EntityOmittedDetector.commonWordZipf)
        var pairs: [Pair] = []
        for index in context.version.sentences.indices {
            guard let sourceIndex = context.alignment.sourceOf[index],
                  context.alignment.similarity[index] >= SentenceAlignment.evidenceSimilarity else { continue }
            // Known confusions first, whatever the spelling: "Jack Horse" for "Jack Ma".
            let confused = confusionPairs(versionIndex: index, sourceIndex: sourceIndex, in: context, mentions: confusions)
            pairs += confused
            let overlapsConfusion = { (run: NameRuns.Run, side: KeyPath<Pair, NameRuns.Run>) in
                confused.contains { $0[keyPath: side].span.overlaps(run.span) }
            }
            // Only the parts of a name that are new: "Ingrid Halverson" against "Ingrid Halvorsen".
            let new = versionRuns[index].flatMap { $0.parts { !known.contains(base($0.key)) } }
                .filter { !overlapsConfusion($0, \.version) }
            // Without a new name there is nothing to pair here but by position (most sentences): the
            // source's missing names are not needed.
            var derived: [NameRuns.Run] = []
            if !new.isEmpty {
                let missingParts = sourceRuns[sourceIndex].flatMap { $0.parts { !inVersion.contains(base($0.key)) } }
                    .filter { !overlapsConfusion($0, \.source) }
                // A derived form of a source name is the same entity: "Russia" for "Russian's", "Asian" for
                // "Asia", "Organisation" for "Organization", "Dmitri" for "Dmitry". Neither side takes part,
                // but the rest of the source's name does ("Galápagos Islands" of "Ecuadorean Galápagos
                // Islands" for "Ecuador").
                // Forms the country or entity lexicon gives one identity are one entity too: "China's" for
                // "Chinese", "Bombay" for "Mumbai".
                // (Each name's and each word's base made once, not again for every pair weighed.)
                let newBases = new.map { base($0.key) }
                let partBases = missingParts.map { part in (whole: base(part.key), words: part.tokens.map { base($0.key) }) }
                derived = zip(new, newBases).filter { run, runBase in
                    missingParts.indices.contains { p in
                        basesShareStem(runBase, partBases[p].whole) || partBases[p].words.contains { basesShareStem(runBase, $0) }
                            || sameCountry(run, missingParts[p])
                    }
                }.map(\.0)
                var missing = missingParts.flatMap { $0.parts { token in
                    let tokenBase = base(token.key)
                    return !newBases.contains { basesShareStem($0, tokenBase) }
                } }
                missing.removeAll { source in new.contains { sameCountry($0, source) } }
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
                        && replaced.tokens.allSatisfy { $0.text.unicodeScalars.contains(where: \.hasLowercaseProperty) }
                    guard versionNames.isEntityLike(run) || commonPair else { continue }
                    let similarity = NameRuns.similarity(base(run.key), base(replaced.key))
                    pairs.append(Pair(version: run, source: missing.remove(at: index), similarity: similarity))
                }
            }
            pairs += positionalPairs(versionIndex: index, sourceIndex: sourceIndex, in: context, finders: (versionNames, sourceNames),
                                     sourceRuns: { sourceOpenerRuns }, known: known, inVersion: inVersion,
                                     taken: pairs.map(\.version.span) + derived.map(\.span), takenSource: pairs.map(\.source.span))
        }
        return pairs
    }

    /// The known confusions of a version sentence: a wrong form of a confusions entry where the
    /// source's sentence writes a right form of it and the version's does not. Each side is the part
    /// of the form that the other sentence lacks ("Horse" of "Jack Horse", "Ma" of "Jack Ma").
    private static func confusionPairs(versionIndex: Int, sourceIndex: Int, in context: DetectionContext,
                                       mentions: LexiconPhrases.KindMentions) -> [Pair] {
        // The version's wrong forms first: most sentences have none, and the source's are not read.
        let wrongs = mentions.version.filter { $0.sentence == versionIndex && $0.field == "wrong" }
        guard !wrongs.isEmpty else { return [] }
        let rights = mentions.source.filter { $0.sentence == sourceIndex && $0.field == "right" }
        guard !rights.isEmpty else { return [] }
        let versionRights = mentions.version.filter { $0.sentence == versionIndex && $0.field == "right" }
        let sourceKeys = Set(context.source.tokens[context.source.sentences[sourceIndex].tokens].map { base($0.key) })
        let versionKeys = Set(context.version.tokens[context.version.sentences[versionIndex].tokens].map { base($0.key) })
        func run(_ mention: LexiconPhrases.Mention, in document: Document, lacking keys: Set<String>) -> NameRuns.Run {
            let tokens = Array(document.tokens[mention.tokens]).filter(\.isWordLike)
            let own = tokens.filter { !keys.contains(base($0.key)) }
            return NameRuns.Run(tokens: own.isEmpty ? tokens : own)
        }
        var pairs: [Pair] = []
        var used: [TextSpan] = []
        for wrong in wrongs {
            guard let right = rights.first(where: { right in
                !right.ids.isDisjoint(with: wrong.ids) && !used.contains(right.span)
                    && !versionRights.contains { !$0.ids.isDisjoint(with: right.ids) }
            }) else { continue }
            used.append(right.span)
            let id = right.ids.intersection(wrong.ids).sorted()[0]
            let versionRun = run(wrong, in: context.version, lacking: sourceKeys)
            let sourceRun = run(right, in: context.source, lacking: versionKeys)
            pairs.append(Pair(version: versionRun, source: sourceRun,
                              similarity: NameRuns.similarity(base(versionRun.key), base(sourceRun.key)),
                              confusion: Confusion(id: id, entryClass: mentions.versionPhrases.classes[id])))
        }
        return pairs
    }

    /// A capitalized word, however common, that the source does not have and that stands where the
    /// source has a name the version lacks, between the same words ("Lyon took the lead" for "Napoli
    /// took the lead", "in Europe, Nagano Prefecture" for "in Suwa City, Nagano Prefecture"). The
    /// frame is the evidence the case alone cannot give at the start of a sentence or for a common word.
    /// `finders` are the version's and the source's name finders, `sourceRuns` gives the source's
    /// `sentenceRuns` at entity-omitted's opener threshold: the caller's, handed over rather than
    /// fetched from the memo for every sentence.
    private static func positionalPairs(versionIndex: Int, sourceIndex: Int, in context: DetectionContext,
                                        finders: (version: NameRuns, source: NameRuns), sourceRuns: () -> [[NameRuns.Run]],
                                        known: NameRuns.KnownKeys, inVersion: NameRuns.LetterKeys,
                                        taken: [TextSpan], takenSource: [TextSpan]) -> [Pair] {
        let (versionNames, sourceNames) = finders
        let overlaps = { (run: NameRuns.Run, spans: [TextSpan]) in
            spans.contains { $0.start < run.span.end && run.span.start < $0.end }
        }
        // Most sentences have no capitalized word that the other texts lack, and so no new part; nor
        // do most others, whose only such word opens the sentence and is common ("Yesterday").
        guard versionNames.hasCapitalizedRunWord(in: context.version, sentence: versionIndex, openerZipf: EntityOmittedDetector.commonWordZipf,
                                                 where: { !known.contains(base($0)) }) else {
            return []
        }
        // Nor, most often where it has one (a sentence opened by another word), a capitalized word
        // that the version lacks: every part the source's side may pair is made of such words
        // (`missing` below), and without one no part is made.
        guard sourceNames.hasCapitalized(in: context.source, sentence: sourceIndex, where: { !inVersion.contains(base($0)) }) else {
            return []
        }
        // Each part with the whole capitalized run it belongs to.
        let versionRuns = versionNames.capitalizedRuns(in: context.version, sentence: versionIndex, openerZipf: EntityOmittedDetector.commonWordZipf)
        let allNew = versionRuns.flatMap { run in run.parts { !known.contains(base($0.key)) }.map { (part: $0, whole: run) } }
        let new = allNew.filter { !overlaps($0.part, taken) }
        guard !new.isEmpty else { return [] }
        let versionTokens = context.version.tokens[context.version.sentences[versionIndex].tokens]
        // The source's side holds a name by the usual signs ("Suwa"), with the capitalized words around
        // it ("Suwa City").
        // (A list: a sentence's few name words are found by comparing them for less than a set's
        // hashing of each.)
        let names = sourceRuns()[sourceIndex].flatMap { $0.tokens.map(\.span) }
        // (The new parts' bases made once, not again for every source part weighed.)
        let newBases = allNew.map { base($0.part.key) }
        var missing = sourceNames.capitalizedRuns(in: context.source, sentence: sourceIndex, openerZipf: EntityOmittedDetector.commonWordZipf)
            .flatMap { run in run.parts { !inVersion.contains(base($0.key)) }.map { (part: $0, whole: run) } }
            .filter { run in
                run.part.tokens.contains { names.contains($0.span) }
                    && !overlaps(run.part, takenSource) && { let partBase = base(run.part.key); return !newBases.contains { basesShareStem($0, partBase) } }()
                    && !run.part.tokens.contains { NameRuns.isAcronym($0) && NameRuns.spellsOut($0.key, in: versionTokens) }
            }
        var pairs: [Pair] = []
        for (run, whole) in new {
            let frame = NameRuns.frame(of: run, in: context.version)
            guard let index = missing.firstIndex(where: { source in
                // Part of a name the source also has ("Krasnodar Territory" for "Krasnodar Krai"): a
                // common word there is that name's designation reworded.
                if whole.keys.contains(where: { key in source.whole.keys.contains { base($0) == base(key) } }),
                   !versionNames.isEntityLike(run) { return false }
                let sourceFrame = NameRuns.frame(of: source.part, in: context.source)
                let before = frame.before != nil && frame.before == sourceFrame.before
                let after = frame.after != nil && frame.after == sourceFrame.after
                // One word alike is enough when it carries meaning, or inside both sentences for a name
                // wholly new; "we" after "Luckily" for "Fortunately" is not, nor "the" before "Urban
                // MLA" for "the City Constituency".
                let inside = frame.before != nil && sourceFrame.before != nil && whole.span == run.span
                let meaningful = { (word: String?) in
                    inside || WordFrequencies.builtIn.zipf(word ?? "", in: versionNames.language ?? "en") < EntityOmittedDetector.sentenceOpenerZipf
                }
                return (before && after) || (before && meaningful(frame.before)) || (after && meaningful(frame.after))
            }) else { continue }
            let replaced = missing.remove(at: index).part
            pairs.append(Pair(version: run, source: replaced, similarity: NameRuns.similarity(base(run.key), base(replaced.key))))
        }
        return pairs
    }
}

/// Known confusions where the source lacks the passage: a wrong form of a confusions entry in a
/// version sentence where another version's sentence rendering the same thing writes a right form.
/// The lexicon is the evidence that the two are one name, so the neighbours need agree on one side
/// only (the word before, or the token after).
struct ConsensusConfusion {
    let version: NameRuns.Run
    /// The right form as the witness writes it (the part the version's sentence lacks).
    let written: String
    let confusion: NameSubstitutions.Confusion
    /// The other versions that write it so.
    let witnesses: [String]

    private static let memoKey = MemoKey("consensus-confusions")

    static func all(in context: DetectionContext) -> [ConsensusConfusion] {
        // Without other versions (most contexts) there are none: told before the memo is asked,
        // which costs more than the telling.
        guard !context.otherVersions.isEmpty else { return [] }
        return context.memoized(memoKey) { compute(in: context) }
    }

    private static func compute(in context: DetectionContext) -> [ConsensusConfusion] {
        guard context.sameLanguage else { return [] }
        let mentions = LexiconPhrases.mentions(.confusions, in: context)
        var found: [ConsensusConfusion] = []
        for index in context.version.sentences.indices {
            let wrongs = mentions.version.filter { $0.sentence == index && $0.field == "wrong" }
            guard !wrongs.isEmpty else { continue }
            let readings = context.consensusReadings(ofVersionSentence: index)
            guard !readings.isEmpty else { continue }
            let rights = mentions.version.filter { $0.sentence == index && $0.field == "right" }
            let tokens = Array(context.version.tokens[context.version.sentences[index].tokens])
            let here = Set(tokens.map { base($0.key) })
            for wrong in wrongs {
                var best: (run: NameRuns.Run, written: String, id: String, witnesses: [String])?
                for reading in readings {
                    guard let k = reading.otherVersion else { continue }
                    let readingTokens = Array(reading.document.tokens[reading.document.sentences[reading.sentence].tokens])
                    let there = Set(readingTokens.map { base($0.key) })
                    guard let right = mentions.others[k].first(where: { right in
                        right.sentence == reading.sentence && right.field == "right" && !right.ids.isDisjoint(with: wrong.ids)
                            && !rights.contains { !$0.ids.isDisjoint(with: right.ids) }
                    }) else { continue }
                    let own = tokens.filter { wrong.span.overlaps($0.span) && $0.isWordLike && !there.contains(base($0.key)) }
                    let theirs = readingTokens.filter { right.span.overlaps($0.span) && $0.isWordLike && !here.contains(base($0.key)) }
                    guard !own.isEmpty, !theirs.isEmpty,
                          let start = tokens.firstIndex(where: { $0.span == own[0].span }),
                          let otherStart = readingTokens.firstIndex(where: { $0.span == theirs[0].span }) else { continue }
                    let before = tokens[..<start].last(where: \.isWordLike)?.key
                    let otherBefore = readingTokens[..<otherStart].last(where: \.isWordLike)?.key
                    let after = tokens.first { $0.span.start >= own.last!.span.end }?.key
                    let otherAfter = readingTokens.first { $0.span.start >= theirs.last!.span.end }?.key
                    guard (before != nil && before == otherBefore) || (after != nil && after == otherAfter) else { continue }
                    let written = reading.document.text(of: theirs[0].span.union(theirs.last!.span))
                    let id = right.ids.intersection(wrong.ids).sorted()[0]
                    if let known = best, known.written == written {
                        best = (known.run, written, id, known.witnesses + [reading.document.id])
                    } else if best == nil {
                        best = (NameRuns.Run(tokens: own), written, id, [reading.document.id])
                    }
                }
                guard let best else { continue }
                found.append(ConsensusConfusion(version: best.run, written: best.written,
                                                confusion: .init(id: best.id, entryClass: mentions.versionPhrases.classes[best.id]),
                                                witnesses: best.witnesses))
            }
        }
        return found
    }

    /// The finding `detector` makes of it.
    func finding(by detector: some Detector, in context: DetectionContext) -> Finding {
        let names = witnesses.count == 1 ? "names" : "name"
        return detector.finding(version.span, in: context,
                                message: "“\(context.version.text(of: version.span))” stands where \(witnesses.joined(separator: ", ")) \(names) “\(written)” (a known confusion, “\(confusion.id)” in the confusions lexicon)",
                                suggestion: written, evidence: .consensus)
    }
}
