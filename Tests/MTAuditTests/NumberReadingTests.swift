@testable import MTAudit
import MTAuditText
import Testing

@Suite("Numbers read from a text: digits, number words and numerals together")
struct NumberReadingTests {
    let segmenter: Segmenter

    init() throws { segmenter = try Segmenter() }

    /// A number read from words or a numeral takes the place of the digits it covers ("3 million" is
    /// one number, not 3 and 3000000); the digits elsewhere stay, and the list is in the text's order.
    @Test("Words and numerals replace the digits they cover, in the text's order")
    func wordsReplaceTheirDigits() {
        let text = "By 1998 some 3 million riders paid 12 fares; five ferries and 40 thousand cars crossed 7 times, "
            + "then 2 hundred more in 2003. 3万 people came."
        let document = Document(id: "t", text: text, language: "en", segmenter: segmenter)
        let words = NumberWords(Lexicons.builtIn.entries(.numberWords, language: "en") + ["万=×10000"])
        let numbers = NumberMismatchDetector.numbers(in: document, span: TextSpan(start: 0, end: document.length), words: words)
        #expect(numbers.map(\.value) == ["1998", "3000000", "12", "5", "40000", "7", "200", "2003", "30000"])
        #expect(numbers.map { document.text(of: $0.span) } == ["1998", "3 million", "12", "five", "40 thousand", "7", "2 hundred", "2003", "3万"])
        #expect(zip(numbers, numbers.dropFirst()).allSatisfy { $0.span < $1.span })
    }

    @Test("Without number words, the digits alone")
    func digitsAlone() {
        let document = Document(id: "t", text: "Gate 4 opens at 10.30, not 1,200 hours.", language: "en", segmenter: segmenter)
        let numbers = NumberMismatchDetector.numbers(in: document, span: TextSpan(start: 0, end: document.length))
        #expect(numbers.map(\.value) == ["4", "10.3", "1200"])
    }
}
