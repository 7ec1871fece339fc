@testable import MTAudit
import MTAuditText
import Testing

/// The word pairs of a document looked up by their words' ids (`Vocabulary.Pairs.find`) against the
/// table of every pair (`make`), and the pairs by ids of a few words (`idPairs(of:involving:)`)
/// against every pair by ids.
@Suite("Word pairs found by ids are the pairs' table's")
struct Detect10WordPairsTests {
    /// Words, names, joiners that may and may not stand inside a pair, numbers, sentence ends.
    static let pieces = ["the", "harbour", "Kessa", "Island", "kessa", "island", ",", ".", "-", "–", ";", "(", "12",
                         "Mr.", "Ostby", "said", "Über", "über", "ferry", "The", "e.g.", "U.S.", "Ancollage"]

    static func document(_ random: inout SplitMix, segmenter: Segmenter) -> Document {
        let text = (0..<Int.random(in: 1...30, using: &random)).map { _ in pieces.randomElement(using: &random)! }
            .joined(separator: Bool.random(using: &random) ? " " : "  ")
        return Document(id: "s", text: text, segmenter: segmenter)
    }

    @Test("A pair found by its words' ids is the table's, written as the table writes it")
    func findAsTable() throws {
        var random = SplitMix(seed: 10_020)
        let segmenter = try Segmenter()
        var found = 0
        for _ in 0..<300 {
            let document = Self.document(&random, segmenter: segmenter)
            let pairs = Vocabulary.Pairs(document, words: DocumentWords.of(document))
            let table = Vocabulary.Pairs.make(document.text, document.tokens)
            // Every pair of keys the text writes and some it does not, keys of three words and of none.
            let keys = DocumentWords.of(document).keys + ["absent", "", "kessa island"]
            var asked: [String] = []
            for a in keys { for b in keys { asked.append(a + " " + b) } }
            asked += table.keys.map { $0 + " " + (keys.randomElement(using: &random) ?? "") } + [" ", "  ", "the", ""]
            for key in asked {
                #expect(pairs.find(key) == table[key], "\(document.text): “\(key)”")
                if table[key] != nil { found += 1 }
            }
            // Through the subscript, past the look-ups before the table and after.
            for key in asked.prefix(40) { #expect(pairs[key] == table[key], "\(document.text): “\(key)”") }
        }
        #expect(found > 300)
    }

    @Test("The pairs by ids of a few words are every pair by ids that has one of them")
    func idPairsInvolvingAsFiltered() throws {
        var random = SplitMix(seed: 10_030)
        let segmenter = try Segmenter()
        for _ in 0..<300 {
            let document = Self.document(&random, segmenter: segmenter)
            let count = DocumentWords.of(document).keys.count
            let wanted = (0..<count).map { _ in Int.random(in: 0..<4, using: &random) == 0 }
            let all = Vocabulary.Pairs.idPairs(of: document)
            let plain = all.filter { wanted[Int($0 >> 32)] || wanted[Int($0 & 0xFFFF_FFFF)] }
            #expect(Vocabulary.Pairs.idPairs(of: document, involving: wanted) == plain, "\(document.text)")
        }
    }
}
