@testable import MTAudit
import MTAuditText
import Testing

/// The name finders' first test of a word (`mayBeName`), which reads a token's first byte from its
/// document's bytes, against the same test told from each token's own text.
@Suite("A word that may be a name is told alike from the document's bytes and from its text")
struct Detect10NameBytesTests {
    /// Words in and out of ASCII, capitalized and not, one letter and more, titles, marks.
    static let pieces = ["Kessa", "island", "Über", "über", "Émile", "émile", "Ωmega", "ωmega", "A", "a", "Mr.", "Dr", "NASA",
                         "Łódź", "łódź", "the", "The", "12", ",", ".", "—", "«Oslo»", "'Tis", "İstanbul", "ǅemal", "x"]

    @Test("Each token's first byte is its document's there; the quick tests agree with a plain test of the texts")
    func bytesAsTexts() throws {
        let segmenter = try Segmenter()
        var random = SplitMix(seed: 10_040)
        var honorifics = KeySet()
        honorifics.insert("mr")
        honorifics.insert("dr")
        var capitalized = 0
        for _ in 0..<400 {
            let text = (0..<Int.random(in: 1...20, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }
                .joined(separator: Bool.random(using: &random) ? " " : ". ")
            let document = Document(id: "v", text: text, segmenter: segmenter)
            let bytes = Array(document.text.utf8)
            for token in document.tokens where !token.text.isEmpty {
                #expect(token.text.utf8.first == bytes[token.utf8.lowerBound], "\(text): \(token.text)")
            }
            let names = NameRuns(document: document, languageGuess: "en", honorifics: honorifics)
            func plain(_ token: Token) -> Bool {
                token.kind == .letters && token.text.startsWithCapital && token.scalarCount >= 2 && !honorifics.contains(token.key)
            }
            for index in document.sentences.indices {
                let tokens = document.tokens[document.sentences[index].tokens]
                #expect(names.hasCapitalized(in: document, sentence: index) { _ in true } == tokens.contains(where: plain), "\(text)")
                // Each word alone, through the key it is kept by.
                for token in tokens {
                    let fast = names.hasCapitalized(in: document, sentence: index) { $0 == token.key }
                    let slow = tokens.contains { plain($0) && $0.key == token.key }
                    #expect(fast == slow, "\(text): \(token.text)")
                    if slow { capitalized += 1 }
                }
            }
            #expect(names.writesCapitalized(in: document) { _ in true } == document.tokens.contains(where: plain), "\(text)")
        }
        #expect(capitalized > 500)
    }
}
