@testable import MTAudit
import MTAuditText
import Testing

/// The word pairs by ids (`Vocabulary.Pairs.idPairs`), which the casing rule reads for long texts,
/// against the pairs' table by keys that the other rules read.
@Suite("Vocabulary's word pairs by ids are its pairs by keys")
struct VocabularyIdPairsTests {
    @Test("A pair of words is among the ids' pairs exactly when the table of keys has it")
    func idPairsAgreeWithKeys() throws {
        // Words, names, joiners that may and may not stand inside a pair, numbers, sentence ends.
        let pieces = ["the", "harbour", "Kessa", "Island", "kessa", "island", ",", ".", "-", "–", ";", "(", "12",
                      "Mr.", "Ostby", "said", "Über", "über", "ferry", "The"]
        var random = SplitMix(seed: 2_611)
        let segmenter = try Segmenter()
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 1...24, using: &random)).map { _ in pieces.randomElement(using: &random)! }
                .joined(separator: Bool.random(using: &random) ? " " : "  ")
            let document = Document(id: "s", text: text, segmenter: segmenter)
            let vocabulary = Vocabulary(document, others: [])
            let words = DocumentWords.of(document)
            let pairs = Vocabulary.Pairs.idPairs(of: document)
            for (a, first) in words.keys.enumerated() {
                for (b, second) in words.keys.enumerated() {
                    #expect(Vocabulary.Pairs.containsIdPair(pairs, a, b) == (vocabulary.pairs[first + " " + second] != nil),
                            "\(text): \(first) \(second)")
                }
            }
        }
    }
}
