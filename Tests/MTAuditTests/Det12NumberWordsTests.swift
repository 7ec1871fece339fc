@testable import MTAudit
import MTAuditText
import Testing

@Suite("Number-word entries cut at their \"=\" byte")
struct Det12NumberWordsTests {
    /// `split` as the lexicon was read with it: the parts on either side of the first "=" character.
    static func splitParts(_ entry: String) -> [String]? {
        let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
        return parts.count == 2 ? parts : nil
    }

    /// Every built-in entry (all languages), and generated ones with an "=" at either end, doubled,
    /// beside combining and prepended marks, and in scripts beyond Latin, is cut as `split` cuts it.
    @Test("An entry's parts are split's")
    func partsAsSplit() {
        let builtIn = Lexicons.builtIn.entries(.numberWords, language: "und")
        #expect(builtIn.count > 100)
        for entry in builtIn { #expect(NumberWords.parts(of: entry) == Self.splitParts(entry), "\(entry.debugDescription)") }
        let pieces = ["=", "=", "a", "five", "5", "×", "×1000", "\u{0301}", "\u{0600}", "\u{0903}", "\u{200D}", "五", "万", "\r", "\n",
                      "é", "e\u{0301}", "😀", "\u{1F3FB}", "ñ", "٣", "१", "\u{0D4E}", "\u{11F02}", " ", "한", ".", "-"]
        var generator = SplitMix(seed: 1207)
        for _ in 0..<20_000 {
            let entry = (0..<Int(generator.next() % 7)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            #expect(NumberWords.parts(of: entry) == Self.splitParts(entry), "\(entry.debugDescription)")
        }
    }

    /// The words read from the built-in lexicons answer every entry's word as before.
    @Test("Built-in number words mean what their entries say")
    func meaningsAsListed() {
        for language in ["en", "de", "fr", "es", "zh", "ja", "ru", "und"] {
            let entries = Lexicons.builtIn.entries(.numberWords, language: language)
            let words = NumberWords(entries)
            #expect(words.filteredOut().isEmpty)
            var expected: [String: String] = [:]
            for entry in entries {
                guard let parts = Self.splitParts(entry) else { continue }
                let key = Normalizer.matchingKey(parts[0])
                if parts[1].hasPrefix("×"), let factor = Double(parts[1].dropFirst()) { expected[key] = "x\(factor)" }
                else if let value = Double(parts[1]) { expected[key] = "v\(value)" }
            }
            for (key, meaning) in expected {
                switch words[key] {
                case .multiplier(let factor)?: #expect(meaning == "x\(factor)", "\(key)")
                case .value(let value)?: #expect(meaning == "v\(value)", "\(key)")
                case nil: Issue.record("\(key) missing")
                }
            }
        }
    }
}

@Suite("A whole text's span holds every token")
struct Det12WholeSpanTests {
    /// The number rule reads a span of the whole text as all the tokens, unsearched: `tokens(in:)`
    /// of that span is every token, for texts of many kinds (spaces at either end, CJK, marks).
    @Test("tokens(in:) of the whole text is every token")
    func wholeSpanHoldsAll() throws {
        let segmenter = try Segmenter()
        let vocabulary = ["the", "five", "1,000", "3.5", "五", "三百五十万", "年", " ", "“", "”", ".", "Tromsø", "\n", "😀", "(", ")", "e\u{0301}"]
        var generator = SplitMix(seed: 1208)
        for _ in 0..<500 {
            let text = (0..<Int(generator.next() % 20)).map { _ in vocabulary[Int(generator.next() % UInt64(vocabulary.count))] }.joined(separator: generator.next() % 2 == 0 ? " " : "")
            let document = Document(id: "d", text: text, segmenter: segmenter)
            #expect(document.tokens(in: TextSpan(start: 0, end: document.length)).indices == document.tokens.indices, "\(text.debugDescription)")
        }
    }
}

@Suite("A number's value read as an integer where it is digits alone")
struct Det12ParsedValueTests {
    /// `parsedValue` is `Double(_:)` of the text, for digits of every length up to 20 (leading zeros
    /// too), decimals, signs, empty text and other bytes.
    @Test("parsedValue is Double's reading")
    func parsedAsDouble() {
        var generator = SplitMix(seed: 1209)
        let alphabet = Array("0123456789") + [".", "-", "+", "e", "x", " ", "٣"]
        for round in 0..<20_000 {
            let length = Int(generator.next() % 21)
            let pool = round % 2 == 0 ? 10 : alphabet.count
            let text = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(pool))] })
            let fast = NumberMismatchDetector.parsedValue(text), plain = Double(text)
            #expect(fast == plain || (fast?.isNaN == true && plain?.isNaN == true), "\(text.debugDescription)")
            #expect(fast?.sign == plain?.sign, "\(text.debugDescription)")
        }
        for text in ["999999999999999", "9007199254740993", "0", "000", "1000000000000000"] {
            #expect(NumberMismatchDetector.parsedValue(text) == Double(text))
        }
    }
}
