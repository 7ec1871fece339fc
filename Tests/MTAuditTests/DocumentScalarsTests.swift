import MTAuditText
import Testing
@testable import MTAudit

@Suite("A document's scalars decoded from its bytes")
struct DocumentScalarsTests {
    @Test("scalars are the text's unicodeScalars, and a span's text its slice, ASCII or not, of every width")
    func sameAsScalarView() throws {
        let segmenter = try Segmenter()
        let texts = ["", "The cat sat on the mat.", "Las Cañitas, São Paulo’s “best” — ok…", "東京は日本の首都です。",
                     "😀 Café crème. 👩‍👩‍👧 family!", "e\u{301}\u{10FFFF}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}", "x"]
        for text in texts {
            let document = Document(id: "t", text: text, segmenter: segmenter)
            #expect(document.scalars == Array(text.unicodeScalars), "\(text.debugDescription)")
            #expect(document.scalars.count == document.length)
            // A span's text is sliced from the bytes: each token's, each sentence's, the whole.
            for token in document.tokens { #expect(document.text(of: token.span) == token.text) }
            for index in document.sentences.indices {
                let span = document.sentences[index].span
                #expect(document.text(ofSentence: index) == String(String.UnicodeScalarView(document.scalars[span.range])))
            }
            #expect(document.text(of: TextSpan(start: 0, end: document.length)) == text)
        }
    }
}
