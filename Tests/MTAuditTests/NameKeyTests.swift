@testable import MTAudit
import MTAuditText
import Testing

/// The byte tests that let name keys skip `base` and `sharesStem`'s slow path must answer as a test
/// of each byte does, wherever in the key (and in whichever word of eight bytes) the byte stands.
@Suite("Name key shortcuts")
struct NameKeyTests {
    /// Keys of 0 to 20 bytes over letters, full stops, carriage returns, apostrophes and a two-byte
    /// letter, each byte at every place of the words the test reads.
    private static func keys() -> [String] {
        let pieces = ["a", "Z", "s", ".", "\r", "'", "é", "'s"]
        var generator = SplitMix(seed: 17)
        var keys = [""]
        for length in 1...20 {
            for _ in 0..<60 {
                var key = ""
                for _ in 0..<length { key += pieces[Int(generator.next() % UInt64(pieces.count))] }
                keys.append(key)
            }
            // One odd byte in a plain key, at each place.
            for place in 0..<length {
                for odd in [".", "\r", "é"] {
                    keys.append(String(repeating: "b", count: place) + odd + String(repeating: "c", count: length - place - 1))
                }
            }
        }
        return keys
    }

    @Test("Whether a short text writes a letter word of a base, told by reading its words, is what its set of bases says")
    func writesLetterWord() throws {
        let segmenter = try Segmenter()
        let texts = ["Mr. Obama's U.S. visit: Zoë met 2nd-year students in Köln, and the UN's envoy.",
                     "The cat sat on the mat.", "O'Neill, d'Artagnan and 3M met at 10 a.m. in São Paulo's ČSSD office.",
                     "Ёлка и Щука в Москве. 東京で会った。"]
        for text in texts {
            // Every token's key and base, and some words no token has, asked of a text that has not
            // made its set, then of the set.
            let asked = Document(id: "a", text: text, segmenter: segmenter)
            var keys = asked.tokens.flatMap { [$0.key, base($0.key)] } + ["", "obamas", "us", "zoe", "köln", "koln", "s", "'s", "oneill"]
            keys += keys.map { $0.uppercased() }
            let answers = keys.map { NameRuns.writesLetterWord(base: $0, in: asked) }
            let set = NameRuns.letterKeys(of: Document(id: "b", text: text, segmenter: segmenter))
            #expect(answers == keys.map(set.contains), "\(text)")
        }
    }

    @Test("A lexicon form's white space is Unicode's White_Space, for every scalar")
    func whiteSpace() {
        let disagreeing = (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter {
            LexiconPhrases.isWhiteSpace($0) != $0.properties.isWhitespace
        }
        #expect(disagreeing.isEmpty, "\(disagreeing.map { String($0.value, radix: 16) })")
    }

    @Test("isPlainStem answers as a test of each byte does")
    func plainStem() {
        for key in Self.keys() {
            let bytes = Array(key.utf8)
            let expected = !bytes.contains { $0 == UInt8(ascii: ".") || $0 >= 0x80 || $0 == 0x0D }
                && !(bytes.count >= 2 && bytes[bytes.count - 1] == UInt8(ascii: "s") && bytes[bytes.count - 2] == UInt8(ascii: "'"))
            #expect(bytes.withUnsafeBufferPointer(isPlainStem) == expected, "\(bytes)")
        }
    }

    @Test("A key is its own base exactly when it is ASCII without a full stop or a final 's (among these keys)")
    func plainBase() {
        for key in Self.keys() {
            let bytes = Array(key.utf8)
            let plain = !bytes.contains { $0 == UInt8(ascii: ".") || $0 >= 0x80 }
                && !(bytes.count >= 2 && bytes[bytes.count - 1] == UInt8(ascii: "s") && bytes[bytes.count - 2] == UInt8(ascii: "'"))
            // A plain key is its own base; each of the others here loses a stop, a possessive or an accent.
            #expect((Array(base(key).utf8) == bytes) == plain, "\(bytes)")
        }
    }
}
