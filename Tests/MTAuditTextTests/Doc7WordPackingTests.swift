import Testing
@testable import MTAuditText

@Suite("A word's bytes packed for its slot in the table of word strings")
struct Doc7WordPackingTests {
    /// The bytes packed one by one, the first lowest: what `WordStrings.packed` must give.
    private static func plainPacked(_ bytes: [UInt8]) -> UInt64 {
        var packed: UInt64 = 0
        for (index, byte) in bytes.enumerated() { packed |= UInt64(byte) << UInt64(8 * index) }
        return packed
    }

    @Test("Packed in one or two loads, every count from 0 to 8 is packed as byte by byte")
    func packedAsByteByByte() {
        var state: UInt64 = 7
        for round in 0..<2000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let count = round % 9
            // Bytes of every value, read at every offset of a larger buffer.
            let buffer = (0..<16).map { UInt8(truncatingIfNeeded: (state >> UInt64(($0 * 5) % 60)) &+ UInt64($0 &* 37)) }
            let offset = Int(state % UInt64(16 - count + 1))
            let bytes = Array(buffer[offset..<offset + count])
            let packed = buffer.withUnsafeBytes { Segmenter.WordStrings.packed($0.baseAddress! + offset, count: count) }
            #expect(packed == Self.plainPacked(bytes), "\(bytes)")
        }
    }

    @Test("Words that differ in any byte or in length keep their own strings")
    func distinctWordsKeepTheirStrings() {
        let strings = Segmenter.WordStrings(slotCount: 4096)
        let words = ["a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghijklmno",
                     "abcdefghijklmnp", "bbcdefgh", "abcdefgi", "aacd", "abdd", "über", "Straße", "a\u{0}b", "\u{0}"]
        for _ in 0..<2 {
            for word in words {
                var copy = word
                let found = copy.withUTF8 { strings.strings(of: $0) }
                #expect(found.text == word)
                #expect(found.key == Normalizer.matchingKey(word))
            }
        }
    }
}
