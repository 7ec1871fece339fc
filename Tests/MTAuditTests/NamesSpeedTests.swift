@testable import MTAudit
import MTAuditText
import Testing

/// The name and lexicon rules' fast paths must answer as their plain paths do.
@Suite("Name and lexicon fast paths")
struct NamesSpeedTests {
    /// A form's words cut at its characters, as the segmenter cuts them (at white space and at the
    /// hyphen and dashes ‐ – —, without final full stops): written out here, apart from the byte
    /// cutter that `LexiconPhrases` shares between its pieces and its keys.
    private func plainPieces(_ form: String) -> [String] {
        form.split { character in
            character.isWhitespace || ["-", "\u{2010}", "\u{2013}", "\u{2014}"].contains(character)
        }.compactMap { piece in
            var text = String(piece)
            while text.hasSuffix(".") { text.removeLast() }
            return text.isEmpty ? nil : text
        }
    }

    /// What `LexiconPhrases.keysAndCases` must give: each piece's matching key and casing, from the
    /// pieces as strings.
    private func plainKeysAndCases(_ form: String) -> (keys: [String], cases: [UInt8])? {
        let pieces = plainPieces(form)
        #expect(LexiconPhrases.pieces(form) == pieces, "\(form.debugDescription)")
        guard !pieces.isEmpty else { return nil }
        return (pieces.map { Normalizer.matchingKey($0) }, pieces.map(LexiconPhrases.casing))
    }

    private func expectSame(_ form: String) {
        let fast = LexiconPhrases.keysAndCases(form), plain = plainKeysAndCases(form)
        #expect(fast?.keys == plain?.keys, "\(form.debugDescription)")
        #expect(fast?.cases == plain?.cases, "\(form.debugDescription)")
    }

    @Test("A form's keys and cases, read from an ASCII form's bytes, are those of its pieces")
    func formKeysAndCases() {
        var generator = SplitMix(seed: 0x6E61_6D65)
        let parts = ["U", "S", "us", ".", "-", " ", "  ", "\t", "\r\n", "\n", "Lt", "Gen", "GEN", "..", "`", "'", "x'S",
                     "\u{0B}", "\u{1F}", "a", "A", "7", "NATO", "McD", "é", "Ж", "–"]
        for _ in 0..<20_000 {
            expectSame((0..<Int.random(in: 0...8, using: &generator)).map { _ in parts.randomElement(using: &generator)! }.joined())
        }
        // Every form of the built-in structured lexicons, in every language.
        for kind in FormStarts.structuredKinds {
            for entry in Lexicons.builtIn.structuredEntries(kind) {
                for field in LexiconKind.fields(of: kind) {
                    for form in entry.forms(field, language: "und") { expectSame(form) }
                }
            }
        }
    }
}
