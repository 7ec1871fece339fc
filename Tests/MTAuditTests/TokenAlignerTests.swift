import MTAudit
import MTAuditText
import Testing

@Suite("Aligning the words of aligned sentences")
struct TokenAlignerTests {
    func document(_ text: String, id: String) throws -> Document {
        let segmenter = try Segmenter(locale: "en", abbreviations: Segmenter.defaultAbbreviations)
        return Document(id: id, text: text, language: "en", segmenter: segmenter)
    }

    /// The version's words with the source word each renders and how, as "version→source (kind)".
    func pairs(source: String, version: String, sourceSentences: Range<Int> = 0..<1,
               versionSentences: Range<Int> = 0..<1) throws -> [String] {
        let s = try document(source, id: "source"), v = try document(version, id: "version")
        let alignment = TokenAligner().align(version: v, sentences: versionSentences, source: s, sentences: sourceSentences)
        return alignment.pairs.map { "\(v.tokens[$0.version].text)→\(s.tokens[$0.source].text) (\($0.kind.rawValue))" }
    }

    @Test("Equal sentences pair every word with itself")
    func identical() throws {
        let text = "The ferry to Inchkeith left at noon."
        #expect(try pairs(source: text, version: text) == [
            "The→The (same)", "ferry→ferry (same)", "to→to (same)", "Inchkeith→Inchkeith (same)",
            "left→left (same)", "at→at (same)", "noon→noon (same)",
        ])
    }

    @Test("A corrupted name is paired with the source's as a similar word")
    func corruption() throws {
        let result = try pairs(source: "Ingrid Halvorsen chaired the meeting in Tromsø.",
                               version: "Ingrid Halverson chaired the meeting in Tromsø.")
        #expect(result.contains("Halverson→Halvorsen (similar)"))
        #expect(result.filter { $0.hasSuffix("(same)") }.count == 6)
    }

    @Test("A word in the place of another, between the same neighbours, is a substitution")
    func substitution() throws {
        let result = try pairs(source: "The minister thanked Okonkwo, who had led the talks.",
                               version: "The minister thanked Rose, who had led the talks.")
        #expect(result.contains("Rose→Okonkwo (substituted)"))
        #expect(result.count == 9)
    }

    @Test("Added words render nothing; the order of the rest is kept")
    func addition() throws {
        let result = try pairs(source: "Farmers welcomed the barrier.",
                               version: "Farmers in the valley, many of them young, welcomed the barrier.")
        #expect(result == ["Farmers→Farmers (same)", "welcomed→welcomed (same)", "the→the (same)", "barrier→barrier (same)"])
        #expect(!result.contains { $0.hasPrefix("valley") || $0.hasPrefix("young") })
    }

    @Test("A gap of unequal words is left unpaired rather than guessed")
    func unequalGap() throws {
        let result = try pairs(source: "The council met on Monday to vote.",
                               version: "The council met after a long and bitter delay to vote.")
        #expect(result.contains("The→The (same)") && result.contains("vote→vote (same)"))
        #expect(!result.contains { $0.hasPrefix("bitter") || $0.hasPrefix("long") })
    }

    @Test("Two source sentences merged into one version sentence are aligned as one")
    func merged() throws {
        let result = try pairs(source: "The gates close fast. They were forged in Dunmore.",
                               version: "The gates close fast and were forged in Dunmore.",
                               sourceSentences: 0..<2)
        #expect(result.contains("Dunmore→Dunmore (same)"))
        #expect(result.contains("forged→forged (same)"))
        #expect(result.contains("and→They (substituted)"))
    }

    @Test("pair(ofVersionToken:) answers which source token a version token renders")
    func lookup() throws {
        let s = try document("Snow closed the Brenner pass.", id: "source")
        let v = try document("Snow closed the Brener pass.", id: "version")
        let alignment = TokenAligner().align(version: v, sentences: 0..<1, source: s, sentences: 0..<1)
        let index = try #require(v.tokens.firstIndex { $0.text == "Brener" })
        let pair = try #require(alignment.pair(ofVersionToken: index))
        #expect(s.tokens[pair.source].text == "Brenner")
        #expect(pair.kind == .similar)
        let period = try #require(v.tokens.firstIndex { $0.text == "." })
        #expect(alignment.pair(ofVersionToken: period) == nil)
    }

    @Test("A detection context gives each version sentence's token alignment to its source sentences")
    func throughContext() throws {
        let source = try document("Snow closed the Brenner pass on Monday. Trucks waited at the border for hours.", id: "source")
        let version = try document("Trucks waited at the border for hours. Snow closed the Brener pass on Monday.", id: "version")
        let context = DetectionContext(source: source, version: version)
        let alignment = try #require(context.tokenAlignment(ofVersionSentence: 1))
        let index = try #require(version.tokens.firstIndex { $0.text == "Brener" })
        let pair = try #require(alignment.pair(ofVersionToken: index))
        #expect(source.tokens[pair.source].text == "Brenner")
        let trucks = try #require(context.tokenAlignment(ofVersionSentence: 0)?.pairs.first)
        #expect(source.tokens[trucks.source].text == "Trucks" && source.tokens[trucks.source].sentence == 1)
    }

    @Test("Sentences whose words are the same keys in the same order: the full path aligns every word with itself, and the distortion rule (which skips them) finds nothing")
    func unchangedSentences() throws {
        let vocabulary = ["harbour", "council", "approved", "budget", "Inchkeith", "ferry", "the", "a", "in", "1998",
                          "Tromsø", "Halvorsen", "mayor's", "debate", "lighthouse", "reef", "naïve", "storms"]
        var generator = SplitMix(seed: 0xD157)
        for _ in 0..<200 {
            let words = generator.words(1...12, of: 0...UInt32(vocabulary.count - 1)).map { vocabulary[Int($0)] }
            let source = words.joined(separator: " ") + "."
            // The same keys, written otherwise: in capitals here and there, with other punctuation.
            let version = words.enumerated().map { $0.offset % 3 == 0 ? $0.element.uppercased() : $0.element }
                .joined(separator: ", ") + "!"
            let s = try document(source, id: "source"), v = try document(version, id: "version")
            let alignment = TokenAligner().align(version: v, sentences: 0..<1, source: s, sentences: 0..<1)
            #expect(alignment.pairs.count == words.count && alignment.pairs.allSatisfy { $0.kind == .same },
                    "\(version) against \(source)")
            #expect(DistortionDetector().findings(in: DetectionContext(source: s, version: v)).isEmpty, "\(version) against \(source)")
        }
        // And a word changed for a rare one is still found.
        let s = try document("The council approved the harbour budget after a long debate.", id: "source")
        let v = try document("The council abolished the harbour budget after a long debate.", id: "version")
        #expect(DistortionDetector().findings(in: DetectionContext(source: s, version: v)).count == 1)
    }
}
