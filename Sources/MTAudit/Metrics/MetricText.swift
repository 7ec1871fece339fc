import MTAuditText

/// A text as the metrics read it, each form made once, when first asked for, and shared: its UTF-8
/// bytes, its words at white space (which chrF++'s words, TER's and 13a's tokens refine), its
/// characters for chrF, each metric's words, and (for a reference) each metric's words numbered. The
/// audit prepares the source once for all its versions and all the metrics, and each version once
/// for all the metrics.
///
/// Not thread-safe (its forms are made lazily): one audit of one story uses it. A text that many
/// audits read (a source that comes line after line, each line with versions of its own) keeps the
/// forms the metrics read of a reference in its document's memo instead (`init(_:sharedIn:)`), which
/// is thread-safe: each audit makes a `MetricText` of its own that reads them there.
public final class MetricText {
    public let text: String

    /// Where the forms a reference is read by are kept once made, for every `MetricText` of this
    /// text on any thread; nil for a text of one audit, whose forms are its own alone.
    private let shared: Memo?

    public init(_ text: String) {
        self.text = text
        shared = nil
    }

    /// A text whose reference forms (its numbered characters; chrF++'s, TER's and 13a's words
    /// numbered) are kept in `memo`, the memo of the document whose text it is, and made there by the first audit
    /// that asks for them: the source's, kept for the lines that name it again. The forms are
    /// values derived from the text alone, so whichever audit makes one, every audit reads the same.
    init(_ text: String, sharedIn memo: Memo) {
        self.text = text
        shared = memo
    }

    private static let numberedCharactersKey = MemoKey("metric-numbered-characters")
    private static let sortedCharacterKeysKey = MemoKey("metric-sorted-character-keys")
    private static let characterFScoreVocabularyKey = MemoKey("metric-chrf-vocabulary")
    private static let editRateVocabularyKey = MemoKey("metric-ter-vocabulary")
    private static let editRateReferenceKey = MemoKey("metric-ter-reference")
    private static let vocabulary13aKey = MemoKey("metric-13a-vocabulary")
    private static let tokens13aAreCharacterFScoreWordsKey = MemoKey("metric-13a-tokens-are-chrf-words")

    /// The form `make` makes of this text: kept under `key` in the shared memo when there is one
    /// (made there once, from this text's own lazy forms), else made for this text alone.
    private func form<Form: Sendable>(_ key: MemoKey, _ make: (MetricText) -> Form) -> Form {
        guard let shared else { return make(self) }
        return shared.value(key, from: self, make)
    }

    /// Whether `other`'s text has the same bytes as this one (not merely canonically equal, as
    /// strings compare): a version that is its source word for word, whose every metric is then known
    /// from the source's counts alone, with nothing of the version read or numbered. Reads the
    /// strings' own bytes, none of the lazy forms.
    func hasSameBytes(as other: MetricText) -> Bool {
        if self === other { return true }
        var a = text, b = other.text
        guard a.utf8.count == b.utf8.count else { return false }
        return a.withUTF8 { a in b.withUTF8 { b in ByteWordTable.equal(a, b) } }
    }

    /// The text's UTF-8 bytes.
    private(set) lazy var utf8: [UInt8] = Array(text.utf8)

    /// Whether every byte is ASCII: then words compare by bytes, whatever the tokenizer.
    private(set) lazy var isASCII: Bool = utf8.withUnsafeBufferPointer { ByteScan.isASCII($0) }

    /// `text.split()`: the byte ranges of the runs of non-space characters.
    private(set) lazy var spaceWords: [Range<Int>] = PythonText.split(utf8)

    /// `ByteWords.comparesByBytes` of the words at white space, and so of any words that cut them
    /// and cover the same bytes (chrF++'s, 13a's): found once for the text, where each
    /// tokenizer's words looked at every scalar beyond ASCII again.
    private(set) lazy var spaceWordsCompareByBytes: Bool = isASCII || ByteWords.inertWords(utf8, spaceWords)

    /// The scalars of the text, white space removed, numbered from this text on: the numbering goes
    /// on with a hypothesis's characters (chrF's n-grams count the same whichever text is numbered first).
    private(set) lazy var numberedCharacters: (numbering: CharacterNumbering, ids: [UInt32]) =
        form(Self.numberedCharactersKey) { text in
            var numbering = CharacterNumbering()
            let ids = numbering.ids(text)
            return (numbering, ids)
        }

    /// The n-grams of the numbered characters sorted, for a reference (`SortedCharacterKeys`); nil
    /// where the characters are too many kinds for its keys.
    private(set) lazy var sortedCharacterKeys: SortedCharacterKeys? = form(Self.sortedCharacterKeysKey) { text in
        let (numbering, ids) = text.numberedCharacters
        return SortedCharacterKeys(reference: ids, alphabetSize: numbering.count)
    }

    /// chrF++'s words (`CharacterFScore.words`).
    private(set) lazy var characterFScoreWords: ByteWords = CharacterFScore.words(self)

    /// TER's words (`TranslationEditRate.words`).
    private(set) lazy var editRateWords: ByteWords = TranslationEditRate.words(self)

    /// BLEU's 13a tokens (`Tokenizer13a.words`).
    private(set) lazy var tokens13a: ByteWords = Tokenizer13a.words(self)

    /// chrF++'s words numbered, for a reference (`WordVocabulary`).
    private(set) lazy var characterFScoreVocabulary: WordVocabulary =
        form(Self.characterFScoreVocabularyKey) { WordVocabulary(CharacterFScore.words($0)) }

    /// TER's words numbered, for a reference.
    private(set) lazy var editRateVocabulary: WordVocabulary =
        form(Self.editRateVocabularyKey) { WordVocabulary(TranslationEditRate.words($0)) }

    /// TER's reference prepared (its words numbered, and its bit vectors' table), for a reference.
    private(set) lazy var editRateReference: EditRateReference =
        form(Self.editRateReferenceKey) { EditRateReference($0.editRateVocabulary) }

    /// Whether 13a's tokens are chrF++'s words (`Tokenizer13a.tokensAreCharacterFScoreWords`): made
    /// once for a reference (in its document's memo), once for a version.
    private(set) lazy var tokens13aAreCharacterFScoreWords: Bool =
        form(Self.tokens13aAreCharacterFScoreWordsKey) { Tokenizer13a.tokensAreCharacterFScoreWords($0) }

    /// chrF++'s word n-grams of this text (a version) matched against `reference`'s, orders 1 to
    /// BLEU's 4, kept by chrF++ where both texts' 13a tokens are their chrF++ words: BLEU's matches
    /// then, which BLEU reads here instead of cutting and numbering the tokens again.
    struct WordMatches {
        let reference: MetricText
        /// Orders 1–4's matches, as four numbers (lanes of 16-byte alignment made the text an object
        /// the runtime allocates aligned, slowly).
        let matches: (UInt32, UInt32, UInt32, UInt32)
        let hypCount: Int
        let refCount: Int

        /// The matches as `SharedNGramGroups.matchLanes` gives them (0 past order 4).
        var lanes: SIMD8<UInt32> { SIMD8(matches.0, matches.1, matches.2, matches.3, 0, 0, 0, 0) }
    }

    /// What chrF++ kept (`WordMatches`), if it kept it for that reference.
    private var wordMatches: WordMatches?

    /// Keeps chrF++'s word matches against `reference` for BLEU (see `WordMatches`); not of a text
    /// against itself (which would hold itself).
    func keepWordMatches(_ lanes: SIMD8<UInt32>, hypCount: Int, refCount: Int, against reference: MetricText) {
        guard reference !== self else { return }
        wordMatches = WordMatches(reference: reference, matches: (lanes[0], lanes[1], lanes[2], lanes[3]), hypCount: hypCount,
                                  refCount: refCount)
    }

    /// chrF++'s word matches against `reference` kept for BLEU, if any.
    func characterFScoreWordMatches(against reference: MetricText) -> WordMatches? {
        guard let wordMatches, wordMatches.reference === reference else { return nil }
        return wordMatches
    }

    /// 13a's tokens numbered, for a reference.
    private(set) lazy var vocabulary13a: WordVocabulary = form(Self.vocabulary13aKey) { WordVocabulary(Tokenizer13a.words($0)) }
}
