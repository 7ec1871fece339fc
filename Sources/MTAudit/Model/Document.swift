import MTAuditText
import Synchronization

/// A text cut into paragraphs, sentences and tokens, each with its span.
///
/// Every span is in **Unicode scalar (code point) offsets** into `text` exactly as given (decoded, not
/// normalized), end exclusive.
public final class Document: Sendable {
    public let id: String
    public let text: String
    /// BCP 47 language tag as given, or "und".
    public let language: String
    public let paragraphs: [TextSpan]
    public let sentences: [Sentence]
    public let tokens: [Token]
    /// By token: the row of a letter token's key in `WordFrequencies.builtIn` (`rowIndex(of:)`, -1
    /// when no list holds it), `DocumentWordRows.notLetters` for another token. Found as the tokens
    /// are made: the segmenter keeps each word's row with its strings (`WordStrings`), and a word met
    /// before, most of a feed's, is not looked up again (a look-up cost about 300 instructions).
    let tokenRows: [Int32]
    /// By token: the FNV-1a hash of its key (`FNV1a.hash` of the key's bytes), which the segmenter
    /// keeps with each word's strings: the word tables that number keys or filter them by hash
    /// (`DocumentWords` and the aligner's look-ups, the number words, the vocabulary of merged
    /// tokens, the lexicon forms' marks) read it here rather than hash each key again.
    let keyHashes: [UInt64]
    /// The number of word-like tokens (letters, numbers, kana, ideographs), counted as they are made.
    public let wordCount: Int
    private let offsets: ScalarOffsets
    /// What detectors derive from the text alone (its language guess, its lexicon mentions), made
    /// once however many contexts read it: every copy of a document shares it. (Room for the values
    /// of the first keys numbered; the array grows once for keys numbered later.)
    let memo = Memo(capacity: 16)
    /// The document's words (`DocumentWords.of`), once made: the bits of a retained reference, 0
    /// until then. Kept out of the memo so that asking for them (twenty times a pair and more: every
    /// rule that compares words by number) is an atomic load, not a lock taken and a type compared.
    let madeWords = Atomic<UInt>(0)

    deinit {
        let bits = madeWords.load(ordering: .acquiring)
        if bits != 0 { Unmanaged<DocumentWords>.fromOpaque(UnsafeRawPointer(bitPattern: bits).unsafelyUnwrapped).release() }
    }

    /// The longest text a document holds, in bytes of UTF-8: its tokens keep their offsets in 32 bits.
    /// `Auditor.audit` answers a longer text with `TextError.textTooLong`.
    public static let maximumTextBytes = Int(Int32.max)

    /// Segments `text` with `segmenter` (whose locale should suit the text), which is at most
    /// `maximumTextBytes` long.
    public init(id: String, text: String, language: String = "und", segmenter: Segmenter) {
        precondition(text.utf8.count <= Self.maximumTextBytes, "a text of at most Document.maximumTextBytes")
        self.id = id
        self.text = text
        self.language = language
        // The segments are read where the segmenter keeps them: they become this document's spans,
        // sentences and tokens, and need no arrays of their own.
        let (offsets, paragraphs, made) = segmenter.withSegmentation(of: text) { segmentation, strings in
            (segmentation.offsets, segmentation.paragraphs.map(\.span), Self.sentencesAndTokens(of: text, segmentation, strings))
        }
        self.offsets = offsets
        self.paragraphs = paragraphs
        self.sentences = made.sentences
        self.tokens = made.tokens
        self.tokenRows = made.rows
        self.keyHashes = made.keyHashes
        self.wordCount = made.wordCount
    }

    /// What `sentencesAndTokens` makes of a segmentation.
    private struct Tokenized {
        var sentences: [Sentence] = []
        var tokens: [Token] = []
        var rows: [Int32] = []
        var keyHashes: [UInt64] = []
        var wordCount = 0
    }

    /// The sentences of `segmentation` and their tokens, each token's text and key made from its bytes
    /// (or found in `strings`, when the word came before), the tokens' rows (`tokenRows`) and key
    /// hashes (`keyHashes`), and how many are word-like.
    private static func sentencesAndTokens(of text: String, _ segmentation: Segmentation,
                                           _ strings: Segmenter.WordStrings) -> Tokenized {
        var made = Tokenized()
        made.sentences.reserveCapacity(segmentation.sentences.count)
        made.tokens.reserveCapacity(segmentation.words.count)
        made.rows.reserveCapacity(segmentation.words.count)
        made.keyHashes.reserveCapacity(segmentation.words.count)
        let frequencies = WordFrequencies.builtIn
        var paragraphIndex = 0
        // Each token's text straight from the text's bytes (read in place, not copied): through string
        // indices, finding a token's bounds and copying its substring cost more than its matching key.
        // The segments read in place too, by index.
        var source = text
        source.withUTF8 { bytes in
            segmentation.words.withUnsafeBufferPointer { words in
                var next = 0
                for sentence in segmentation.sentences {
                    while paragraphIndex + 1 < segmentation.paragraphs.count,
                          segmentation.paragraphs[paragraphIndex].utf8.upperBound < sentence.utf8.lowerBound {
                        paragraphIndex += 1
                    }
                    // Words before this sentence (stray white-space-only areas) belong to no sentence: skip them.
                    while next < words.count, words[next].utf8.lowerBound < sentence.utf8.lowerBound { next += 1 }
                    let first = made.tokens.count
                    while next < words.count, words[next].utf8.upperBound <= sentence.utf8.upperBound {
                        let word = words[next]
                        next += 1
                        let utf8 = UnsafeBufferPointer(rebasing: bytes[word.utf8])
                        let written: String, key: String, keyHash: UInt64
                        if word.kind == .letters {
                            let row: Int32
                            (written, key, row, keyHash) = strings.strings(of: utf8) { frequencies.rowIndex(of: $0) }
                            made.rows.append(row)
                        } else {
                            (written, key, keyHash) = strings.hashedStrings(of: utf8)
                            made.rows.append(DocumentWordRows.notLetters)
                        }
                        made.keyHashes.append(keyHash)
                        if word.kind.isWordLike { made.wordCount += 1 }
                        made.tokens.append(Token(span: word.span, utf8: word.utf8, kind: word.kind, text: written, key: key,
                                                 sentence: made.sentences.count))
                    }
                    made.sentences.append(Sentence(span: sentence.span, utf8: sentence.utf8, paragraph: paragraphIndex,
                                                   tokens: first..<made.tokens.count))
                }
            }
        }
        return made
    }

    private static let scalarsKey = MemoKey("scalars")

    /// The text's Unicode scalars, indexable by the code-point offsets of spans; made once.
    public var scalars: [Unicode.Scalar] {
        memo.value(Self.scalarsKey, from: (text, offsets.scalarCount)) { input in
            // Decoded from the text's bytes in one pass, into room for the count the offsets know: the
            // scalar view counted them first, then decoded them. An ASCII text (as many bytes as
            // scalars) is its bytes widened. (Made by `reserveCapacity` and appends, which are
            // specialized; the uninitialized and repeating initializers look the storage's type up
            // at run time, about 600 instructions.)
            var (text, count) = input
            return text.withUTF8 { bytes in
                var scalars: [Unicode.Scalar] = []
                scalars.reserveCapacity(count)
                if bytes.count == count {
                    for byte in bytes { scalars.append(Unicode.Scalar(byte)) }
                    return scalars
                }
                var index = 0
                while index < bytes.count {
                    let lead = UInt32(bytes[index])
                    let value: UInt32
                    switch lead {
                    case 0..<0x80:
                        value = lead
                        index += 1
                    case 0xC0..<0xE0:
                        value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                        index += 2
                    case 0xE0..<0xF0:
                        value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                        index += 3
                    default:
                        value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                            | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                        index += 4
                    }
                    // (The bytes are a String's: valid UTF-8, so every value is a scalar.)
                    scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
                }
                return scalars
            }
        }
    }

    /// The tokens inside `span`, found by binary search (tokens are in text order).
    public func tokens(in span: TextSpan) -> ArraySlice<Token> {
        var low = 0, high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].span.start < span.start { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < tokens.count, tokens[end].span.end <= span.end { end += 1 }
        return tokens[low..<end]
    }


    /// The scalar count of `text`.
    public var length: Int { offsets.scalarCount }

    /// The text of `span`.
    public func text(of span: TextSpan) -> String {
        guard !span.isEmpty else { return "" }
        let bytes = offsets.byteRange(ofScalars: span.range)
        // Straight from the text's bytes: through string indices and a substring, a span's text cost
        // twice as much. (Its ends are scalar boundaries: the bytes are valid UTF-8.)
        var text = text
        return text.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[bytes]), as: UTF8.self) }
    }

    /// `span` with the text it covers, as the machine interface writes it.
    public func excerpt(_ span: TextSpan) -> Excerpt {
        Excerpt(start: span.start, end: span.end, text: text(of: span))
    }

    /// The text of sentence `index`.
    public func text(ofSentence index: Int) -> String { text(of: sentences[index].span) }
}
