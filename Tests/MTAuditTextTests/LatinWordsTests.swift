import Testing
@testable import MTAuditText

@Suite("Latin words cut without ICU")
struct LatinWordsTests {
    @Test("A text of Latin letters and typographic marks cut into words without ICU is cut as ICU cuts it")
    func latinWordShortcut() throws {
        // Every text of up to four pieces: ASCII and Latin letters, digits, the characters that join
        // them (". ' , ;" and the curly apostrophes), the marks that stand alone, × and ÷, spaces,
        // and scalars left to ICU, in every order.
        let pieces = ["Ab", "é", "Ł", "7", ".", "'", ",", "‘", "’", "“", "—", "…", "×", " ", "\n", "-", "ı", "ä2", "_", "·", ":"]
        let fast = try Segmenter(), slow = try Segmenter()
        slow.usesShortcuts = false
        #expect(fast.latinWordRulesHold)
        #expect(try !Segmenter(locale: "en_US_POSIX").latinWordRulesHold)
        #expect(fast.colonRulesHold)
        #expect(try !Segmenter(locale: "sv").colonRulesHold, "Swedish joins letters across a colon")
        var texts = [""]
        var taken = 0
        for _ in 1...4 {
            texts = texts.flatMap { text in pieces.map { text + $0 } }
            for text in texts {
                #expect(fast.segment(text).words == slow.segment(text).words, "\(text.debugDescription)")
                var text = text
                let offsets = ScalarOffsets(text)
                if text.withUTF8({ Segmenter.latinWords($0, offsets: offsets) }) != nil { taken += 1 }
            }
        }
        #expect(taken > 50_000)
        // Every Latin-1 and Latin Extended-A scalar and every mark between letters, between digits,
        // after and before them, and doubled, in locales that tailor the word rules, where the probe
        // must turn the shortcut off or agree.
        let scalars = (0xC0...0x17F).map { String(UnicodeScalar($0)!) } + ["‘", "’", "“", "”", "–", "—", "…"]
        let contexts = scalars.map { c in "a\(c)b 1\(c)2 a\(c) \(c)a \(c)\(c) x.y\(c)z 3\(c)5.0 é\(c)é" }
        for locale in ["en", "de", "fr", "fi", "sv", "it", "en_US_POSIX", "zh"] {
            let fast = try Segmenter(locale: locale), slow = try Segmenter(locale: locale)
            slow.usesShortcuts = false
            for text in contexts + [Segmenter.latinWordProbe, Segmenter.colonProbe] {
                #expect(fast.segment(text).words == slow.segment(text).words, "\(locale): \(text.debugDescription)")
            }
        }
    }
}
