import MTAuditText

/// A text as the metrics read it, each form made once, when first asked for, and shared: its UTF-8
/// bytes, its words at white space (which chrF++'s words, TER's and 13a's tokens refine), its
/// characters for chrF, and each metric's words. The audit prepares the source once for all its
/// versions and all the metrics, and each version once for all the metrics.
///
/// Not thread-safe (its forms are made lazily): one audit of one story uses it.
public final class MetricText {
    public let text: String

    public init(_ text: String) {
        self.text = text
    }

    /// The text's UTF-8 bytes.
    private(set) lazy var utf8: [UInt8] = Array(text.utf8)

    /// Whether every byte is ASCII: then words compare by bytes, whatever the tokenizer.
    private(set) lazy var isASCII: Bool = utf8.withUnsafeBufferPointer { ByteScan.isASCII($0) }

    /// `text.split()`: the byte ranges of the runs of non-space characters.
    private(set) lazy var spaceWords: [Range<Int>] = PythonText.split(utf8)

    /// The scalars of the text, white space removed, numbered from this text on: the numbering goes
    /// on with a hypothesis's characters (chrF's n-grams count the same whichever text is numbered first).
    private(set) lazy var numberedCharacters: (numbering: CharacterNumbering, ids: [UInt32]) = {
        var numbering = CharacterNumbering()
        let ids = numbering.ids(self)
        return (numbering, ids)
    }()

    /// chrF++'s words (`CharacterFScore.words`).
    private(set) lazy var characterFScoreWords: ByteWords = CharacterFScore.words(self)

    /// TER's words (`TranslationEditRate.words`).
    private(set) lazy var editRateWords: ByteWords = TranslationEditRate.words(self)

    /// BLEU's 13a tokens (`Tokenizer13a.words`).
    private(set) lazy var tokens13a: ByteWords = Tokenizer13a.words(self)
}
