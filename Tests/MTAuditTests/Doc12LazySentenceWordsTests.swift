@testable import MTAudit
import MTAuditText
import Testing

@Suite("A document's sentence word sets, made when first asked for")
struct Doc12LazySentenceWordsTests {
    /// Each sentence's distinct word keys, numbered as the document's words are: the sets as the
    /// numbering pass made them before they were made on first ask.
    static func plainSentences(of document: Document, ids: KeyNumbering) -> [[Int32]] {
        document.sentences.map { sentence in
            Set(document.tokens[sentence.tokens].filter(\.isWordLike).map { Int32(ids.number(of: $0.key)!) }).sorted()
        }
    }

    @Test("Each sentence's words are its word-like tokens' ids, sorted, each once, asked for once or again")
    func sentencesAsSets() throws {
        var generator = SplitMix(seed: 12)
        for locale in ["en", "de", "zh"] {
            let segmenter = try Segmenter(locale: locale)
            for round in 0..<60 {
                var text = generator.text(sentences: 1...6, words: 0...12)
                if round % 5 == 0 { text += " 3,5 x 3,5 — “Quote.” Again: again, AGAIN." }
                if round % 7 == 0 { text = "" }
                let document = Document(id: "d", text: text, segmenter: segmenter)
                let words = DocumentWords.of(document)
                let expected = Self.plainSentences(of: document, ids: words.ids)
                #expect(words.sentences == expected, "\(locale): \(text)")
                #expect(words.sentences == expected, "asked again")
                #expect(words.sentences.count == document.sentences.count)
            }
        }
    }
}
