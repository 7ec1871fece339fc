import MTAuditText
import Testing
@testable import MTAudit

@Suite("A token's offsets kept in 32 bits, and texts too long for them")
struct TokenStorageTests {
    @Test("a token gives back its span, bytes, sentence and counts, up to the longest text a document holds")
    func roundTrip() {
        let last = Document.maximumTextBytes
        let cases: [(span: TextSpan, utf8: Range<Int>, sentence: Int)] = [
            (TextSpan(start: 0, end: 0), 0..<0, 0),
            (TextSpan(start: 3, end: 8), 3..<11, 1),
            (TextSpan(start: last - 9, end: last - 4), last - 20..<last, last - 1),
        ]
        for (span, utf8, sentence) in cases {
            let token = Token(span: span, utf8: utf8, kind: .letters, text: "word", key: "word", sentence: sentence)
            #expect(token.span == span)
            #expect(token.utf8 == utf8)
            #expect(token.sentence == sentence)
            #expect(token.scalarCount == span.length)
            #expect(token.isASCII == (utf8.count == span.length))
        }
    }

    @Test("the tokens of a segmented text keep the segmenter's offsets")
    func segmented() throws {
        let text = "Ana Soto’s “tidal plan” — 40 million crowns. 東京は首都です。"
        let document = Document(id: "d", text: text, segmenter: try Segmenter())
        let scalars = Array(text.unicodeScalars), bytes = Array(text.utf8)
        for token in document.tokens {
            #expect(String(String.UnicodeScalarView(scalars[token.span.range])) == token.text)
            #expect(String(decoding: bytes[token.utf8], as: UTF8.self) == token.text)
            #expect(document.sentences[token.sentence].span.start <= token.span.start)
        }
    }

    @Test("a text longer than a document holds is answered with an error that names it")
    func tooLong() throws {
        let input = TextInput(id: "v2", text: String(repeating: "a", count: 20))
        #expect(throws: TextError.textTooLong(id: "v2", byteCount: 20, maximum: 10)) {
            try Auditor.checkLength(input, maximum: 10)
        }
        try Auditor.checkLength(input, maximum: 20)
        #expect("\(TextError.textTooLong(id: "v2", byteCount: 20, maximum: 10))".contains("“v2” is 20 bytes long"))
    }
}
