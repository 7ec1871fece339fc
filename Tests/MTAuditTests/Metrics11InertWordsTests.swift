@testable import MTAudit
import Testing

/// Whether words compare by bytes (`ByteWords.comparesByBytes`) found once for a text's words at
/// white space (`MetricText.spaceWordsCompareByBytes`) and taken by the words that cut them (chrF++'s,
/// 13a's) and by TER's lowered words where lowering kept every scalar's length: each against the
/// words' own scan.
@Suite("Metrics 11: words that compare by bytes, found once")
struct Metrics11InertWordsTests {
    @Test("Every inert scalar lowered to as many bytes lowers to inert scalars")
    func inertLowering() {
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), ByteWords.isInert(value), scalar.properties.changesWhenLowercased else { continue }
            let mapping = scalar.properties.lowercaseMapping
            guard mapping.utf8.count == String(scalar).utf8.count else { continue }
            #expect(mapping.unicodeScalars.allSatisfy { ByteWords.isInert($0.value) }, "U+\(String(value, radix: 16))")
        }
    }

    @Test("TER's lowering in place is each scalar's lowercase mapping: all of Latin-1 without a look-up, the rest by it")
    func loweredInPlace() {
        for value in UInt32(0x80)...0xFF {
            let scalar = Unicode.Scalar(value)!
            #expect(TranslationEditRate.sameLengthLowered(Array(String(scalar).utf8)) == Array(scalar.properties.lowercaseMapping.utf8),
                    "U+\(String(value, radix: 16))")
        }
        var generator = SplitMix(seed: 1133)
        let pieces = ["The", "CAT", " ", ".", "é", "É", "Ä", "ß", "×", "Þ", "ÿ", "µ", "İ", "Ω", "Σ", "中", "Ά", "ẞ", "ǅ", "Ａ", "\u{A0}", "\n"]
        for _ in 0..<4000 {
            let text = (0..<Int.random(in: 1...20, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let plain = Array(text.unicodeScalars.map { $0.properties.lowercaseMapping }.joined().utf8)
            let words = TranslationEditRate.words(MetricText(text))
            #expect(words.utf8 == plain && words.ranges == PythonText.split(plain), "\(text)")
        }
    }

    @Test("chrF++'s, 13a's and TER's words compare by bytes exactly when their own scan says so")
    func sharedAnswer() {
        var generator = SplitMix(seed: 1131)
        let pieces = ["The", "cat", " ", " ", ".", ",", "é", "É", "e\u{301}", "İ", "ß", "ẞ", "Ω", "\u{2126}", "中", "Ά", "ϴ", "\u{2003}",
                      "\u{A0}", "&amp;", "\n", "-\n", "<skipped>", "ǅ", "Ǆ", "ﬀ", "Ａ", "\u{0345}", "Ϳ"]
        for _ in 0..<4000 {
            let text = (0..<Int.random(in: 0...20, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for words in [CharacterFScore.words(MetricText(text)), Tokenizer13a.words(MetricText(text)), TranslationEditRate.words(MetricText(text))] {
                #expect(words.comparesByBytes == ByteWords(utf8: words.utf8, ranges: words.ranges).comparesByBytes, "\(text)")
            }
        }
    }
}
