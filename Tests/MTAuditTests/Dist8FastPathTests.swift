@testable import MTAudit
import MTAuditText
import Testing

@Suite("Joined source words by id pairs, and a sentence's numbers read off the whole text's")
struct Dist8FastPathTests {
    /// Words and marks for generated texts: numbers in digits and words, multipliers, numerals in
    /// characters, commas and dashes between words, stops that break sentences, and a key with a
    /// space in it ("¨" folds to " ̈").
    static let pieces = ["the", "council", "review", "of", "The", "Review", "five", "thousand", "million", "5", "12", "3.5",
                         "1,000", "2024", ",", "—", ".", ". ", "! ", "\n\n", "一千", "三百五十万", "二〇二四", "年", "万", "3万",
                         "people", "Varga", "a", "x¨y", "¨", "1億2000万", "了", "。", "seven", "hundred", "12.", "4", "0.5"]

    static func text(_ generator: inout SplitMix) -> String {
        let count = 1 + Int(generator.next() % 40)
        var text = ""
        for _ in 0..<count {
            let piece = pieces[Int(generator.next() % UInt64(pieces.count))]
            text += piece
            if generator.next() % 3 != 0 { text += " " }
        }
        return text
    }

    /// Every version word pair the splits rule may ask for is found where the string table (the
    /// plain way) finds it, with the same span, for sources with and without keys with spaces.
    @Test("Joined words found by id pairs are those found by strings")
    func joinedByIdsAsByStrings() throws {
        let segmenter = try Segmenter()
        var generator = SplitMix(seed: 81)
        for round in 0..<400 {
            let source = Document(id: "s", text: Self.text(&generator), segmenter: segmenter)
            let version = Document(id: "v", text: Self.text(&generator), segmenter: segmenter)
            let plain = BrokenSentenceDetector.joined(in: source)
            let joins = BrokenSentenceDetector.SourceJoins(source)
            let words = (source.tokens + version.tokens).filter(\.isWordLike)
            for first in words {
                for second in words {
                    let expected = plain[first.key + " " + second.key]
                    #expect(BrokenSentenceDetector.sourceJoin(joins, first, second, in: source) == expected,
                            "round \(round): \(first.key) \(second.key) in \(source.text)")
                }
            }
        }
    }

    /// A sentence's numbers read off the whole text's are those the sentence's own reading gives,
    /// for English and Chinese number words, and for none.
    @Test("A sentence's numbers taken from the whole text's are its own reading's")
    func sentenceNumbersAsReadAlone() throws {
        let segmenter = try Segmenter()
        let languages = [NumberWords([]), NumberWords(Lexicons.builtIn.entries(.numberWords, language: "en") + ["万=×10000"]),
                         NumberWords(Lexicons.builtIn.entries(.numberWords, language: "zh") + ["兆=×1000000000000"])]
        var generator = SplitMix(seed: 82)
        var sliced = 0
        for round in 0..<1500 {
            let document = Document(id: "d", text: Self.text(&generator), segmenter: segmenter)
            let words = languages[round % languages.count]
            let whole = NumberMismatchDetector.numbers(in: document, span: TextSpan(start: 0, end: document.length), words: words)
            for sentence in document.sentences {
                let alone = NumberMismatchDetector.numbers(in: document, span: sentence.span, words: words)
                let taken = NumberMismatchDetector.numbers(in: document, span: sentence.span, words: words, whole: whole)
                #expect(taken.map(\.value) == alone.map(\.value) && taken.map(\.span) == alone.map(\.span),
                        "round \(round): \(document.text) sentence \(sentence.span)")
                if !alone.isEmpty { sliced += 1 }
            }
        }
        #expect(sliced > 100)
    }

    /// The runs of digits found by skipping eight bytes at a time are those a byte-by-byte walk finds
    /// (a digit, then digits, or a separator with a digit after it), for spans anywhere in texts of
    /// digits, separators, letters and spaces.
    @Test("ASCII digit runs found word-wide are those found byte by byte")
    func asciiDigitRunsAsByteByByte() {
        let alphabet = Array("0123456789,.. ab:/9".utf8)
        var generator = SplitMix(seed: 83)
        for round in 0..<3000 {
            let count = Int(generator.next() % 70)
            let sparse = round % 2 == 0
            let bytes: [UInt8] = (0..<count).map { _ in
                sparse && generator.next() % 8 != 0 ? UInt8(ascii: "x") : alphabet[Int(generator.next() % UInt64(alphabet.count))]
            }
            let start = count == 0 ? 0 : Int(generator.next() % UInt64(count + 1))
            let end = start + Int(generator.next() % UInt64(count - start + 1))
            var plain: [Range<Int>] = []
            func isDigit(_ at: Int) -> Bool { (0x30...0x39).contains(bytes[at]) }
            var i = start
            while i < end {
                while i < end && !isDigit(i) { i += 1 }
                guard i < end else { break }
                var stop = i
                while stop < end, isDigit(stop) || ((bytes[stop] == 0x2C || bytes[stop] == 0x2E) && stop + 1 < end && isDigit(stop + 1)) { stop += 1 }
                plain.append(i..<stop)
                i = stop
            }
            let found = bytes.withUnsafeBufferPointer { NumberMismatchDetector.asciiDigitRuns($0, in: TextSpan(start: start, end: end)) }
            #expect(found == plain, "round \(round): \(String(decoding: bytes, as: UTF8.self)) \(start)..<\(end)")
        }
    }
}
