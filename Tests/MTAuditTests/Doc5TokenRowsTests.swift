@testable import MTAudit
import MTAuditText
import Testing

@Suite("A document's token rows, kept by the segmenter with each word's strings")
struct Doc5TokenRowsTests {
    /// Words of several scripts and forms, some listed and some not, some too long to keep.
    static let words = ["the", "The", "THE", "council", "Council", "Straße", "strasse", "café", "cafe\u{301}", "naïve",
                        "Xqzt", "über", "U\u{308}ber", "İstanbul", "ﬁne", "Ｆｕｌｌ", "東京", "公园", "Kerry's", "don't",
                        "internationalization", "Überraschungsangriff", "1,000.5", "42", ",", ".", "’", "“", "—", "a",
                        "exactly15bytes", "sixteen-bytes-xx", "der", "Rat", "le", "conseil", "budget", "über"]

    /// Each letter token's row is the row its key gives looked up alone; every other token's is
    /// `notLetters`: for words met for the first time, met again (their row kept with their strings),
    /// and met again after other words took their slots.
    @Test("Every token's row is its key's row looked up alone, met once or again")
    func rowsAsLookedUp() throws {
        var generator = SplitMix(seed: 5)
        for locale in ["en", "de", "zh"] {
            let segmenter = try Segmenter(locale: locale)
            for round in 0..<60 {
                let count = 1 + Int(generator.next() % 12)
                var text = (0..<count).map { _ in Self.words[Int(generator.next() % UInt64(Self.words.count))] }
                    .joined(separator: round % 3 == 0 ? ", " : " ")
                // Fresh words now and then, enough to take slots of the table from the words above.
                if round % 7 == 0 { text += " " + (0..<5000).map { "w\($0 + 5000 * round)" }.joined(separator: " ") }
                text += "."
                let document = Document(id: "d", text: text, segmenter: segmenter)
                #expect(document.tokenRows.count == document.tokens.count)
                for (index, token) in document.tokens.enumerated() {
                    let expected = token.kind == .letters ? WordFrequencies.builtIn.rowIndex(of: token.key) : DocumentWordRows.notLetters
                    #expect(document.tokenRows[index] == expected, "\(locale): \(token.text)")
                }
            }
        }
    }

    /// A tag is made once for a word kept, and again only after another word took its slot.
    @Test("Word strings make a word's tag once while they keep it")
    func tagMadeOnce() {
        let strings = Segmenter.WordStrings(slotCount: 1)
        var made = 0
        func tag(_ word: String) -> Int32 {
            var bytes = word
            return bytes.withUTF8 { utf8 in
                strings.strings(of: utf8) { key in made += 1; return Int32(key.utf8.count) }.tag
            }
        }
        #expect(tag("The") == 3 && made == 1)
        #expect(tag("The") == 3 && made == 1)
        #expect(tag("Straße") == 7 && made == 2)
        #expect(tag("The") == 3 && made == 3)
        // A word too long to keep is tagged every time.
        #expect(tag("sixteen-bytes-xx") == 16 && made == 4)
        #expect(tag("sixteen-bytes-xx") == 16 && made == 5)
    }
}
