@testable import MTAudit
import MTAuditText
import Testing

@Suite("Punctuation's screen read eight bytes at a time, and pairs told by their own bytes")
struct Det12ScreenTests {
    /// Pieces of text for the screen: letters, spaces, controls, every mark it looks for, digits,
    /// quotes and brackets in ASCII and beyond, and letters beyond ASCII whose last byte is one a
    /// pair mark's ends in (ш ы ь э ю я ë û 「 」).
    static let pieces = ["a", "word", "The", " ", " ", "  ", "\t", "\n", ".", ",", ";", ":", "?", "!", "..", ". .", ",,",
                         "\"", "(", ")", "[", "]", "\\", "«", "»", "\u{201C}", "\u{201D}", "\u{201E}", "\u{300C}", "\u{300D}",
                         "\u{300E}", "\u{300F}", "\u{FF08}", "\u{FF09}", "ш", "ы", "ь", "э", "ю", "я", "ë", "û", "é", "ü",
                         "中", "文", "\u{00A0}", "\u{202F}", "1", "2024", "3.5", "etc.", "x", "ZZZZZZZZ", "\u{2018}", "\u{2019}",
                         "\u{2026}", "\u{0301}", "😀", "@", "^", "_", "`", "{", "}", "~"]

    /// The screen as it was, a byte at a time, with a quote or bracket told by any byte beyond ASCII.
    static func formerScreen(_ bytes: [UInt8]) -> (doubled: Bool, spaced: Bool) {
        func isSpace(_ byte: UInt8) -> Bool { byte >= 0x80 || [0x09, 0x0B, 0x0C, 0x0D, 0x20].contains(byte) }
        func isFirst(_ byte: UInt8) -> Bool { [0x2C, 0x2E, 0x3A, 0x3B, 0x21, 0x3F].contains(byte) }
        func isSecond(_ byte: UInt8) -> Bool { [0x2C, 0x2E, 0x3A, 0x3B].contains(byte) }
        var doubled = false, spaced = false
        for i in bytes.indices {
            if (bytes[i] == 0x2C || bytes[i] == 0x2E), i > 0, isSpace(bytes[i - 1]) { spaced = true }
            if isFirst(bytes[i]), i + 1 < bytes.count,
               isSecond(bytes[i + 1]) || (bytes[i + 1] == 0x20 && i + 2 < bytes.count && isSecond(bytes[i + 2])) { doubled = true }
        }
        return (doubled, spaced)
    }

    /// The eight-byte screen answers as the byte-by-byte one; doubled marks and spaces before marks
    /// as the former screen; and a text it finds no pair in has no quote or bracket for the pairing
    /// to read.
    @Test("The screen read by words answers as the byte-by-byte screen, and misses no pair")
    func screenAsByteByByte() {
        var generator = SplitMix(seed: 1205)
        for round in 0..<20_000 {
            let count = Int(generator.next() % 40)
            // Some texts keep to a few pieces, so that long runs of letters and of marks both come.
            let limit = round % 3 == 0 ? 6 : Self.pieces.count
            var text = (0..<count).map { _ in Self.pieces[Int(generator.next() % UInt64(limit))] }.joined()
            if round % 5 == 0 { text = String(repeating: "abcdefgh ", count: Int(generator.next() % 4)) + text }
            var bytes = Array(text.utf8)
            let fast = bytes.withUnsafeBufferPointer { PunctuationArtifactDetector.Screen.screen($0) }
            let slow = bytes.withUnsafeBufferPointer { PunctuationArtifactDetector.Screen.screenByteByByte($0) }
            #expect(fast == slow, "\(text.debugDescription)")
            let former = Self.formerScreen(bytes)
            #expect(fast.0 == former.doubled && fast.1 == former.spaced, "\(text.debugDescription)")
            let marks = PunctuationArtifactDetector.pairMarks(Array(text.unicodeScalars))
            #expect(fast.2 == !marks.isEmpty, "\(text.debugDescription)")
            // And as a String's own storage, through the screen's initializer.
            let screen = PunctuationArtifactDetector.Screen(text)
            #expect((screen.doubled, screen.spaced, screen.paired) == fast)
            bytes.removeAll()
        }
    }
}

@Suite("The casing rule's source proper names, kept once per source")
struct Det12ProperNamesTests {
    /// The kept names are the source vocabulary's `forEachProperName`, in order, each with its
    /// `KeyNumbering` hash; and a version's words find each by the hash as by the key.
    @Test("A source's kept proper names are its vocabulary's, with their hashes")
    func keptAsListed() throws {
        let segmenter = try Segmenter()
        var generator = SplitMix(seed: 1206)
        let vocabulary = ["the", "Council", "council", "met", "Kessa", "Island", "in", "Tromsø", "Brandt", "said", "Élodie",
                          "and", "Paris", "paris", "Ana", "left", "de", "la", "Qwixen", "Halvorsen"]
        for _ in 0..<300 {
            let source = Document(id: "s", text: generator.text(sentences: 1...4, words: 2...12, of: vocabulary, opener: "Then"), segmenter: segmenter)
            let version = Document(id: "v", text: generator.text(sentences: 1...4, words: 2...12, of: vocabulary, opener: "So"), segmenter: segmenter)
            var listed: [String] = []
            Vocabulary(source, others: []).forEachProperName { listed.append($0) }
            let kept = CasingDetector.SourceProperNames.of(source).names
            #expect(kept.map(\.key) == listed)
            #expect(kept.allSatisfy { $0.hash == KeyNumbering.hash($0.key) })
            #expect(CasingDetector.SourceProperNames.of(source) === CasingDetector.SourceProperNames.of(source))
            let numbering = DocumentWords.of(version).ids
            for (key, hash) in kept { #expect(numbering.number(of: key, hash: hash) == numbering.number(of: key)) }
        }
    }
}

@Suite("Word-like tokens counted in place")
struct Det12WordCountTests {
    /// `hasWords` answers as the count of a filtered copy, for every range of generated texts' tokens
    /// and counts 0 to 5.
    @Test("hasWords is the filtered count's answer")
    func countedAsFiltered() throws {
        let segmenter = try Segmenter()
        var generator = SplitMix(seed: 1210)
        for _ in 0..<200 {
            let text = generator.text(sentences: 1...3, words: 0...6)
            let tokens = Document(id: "d", text: text, segmenter: segmenter).tokens
            for start in 0...tokens.count {
                for end in start...tokens.count {
                    for count in 0...5 {
                        #expect(PunctuationArtifactDetector.hasWords(count, in: tokens, start..<end) == (tokens[start..<end].filter(\.isWordLike).count >= count))
                    }
                }
            }
        }
    }
}
