@testable import MTAudit
import Testing

/// TER's words of a text beyond ASCII lowered eight ASCII bytes at a time (`asciiLowered`): each byte
/// as the byte-by-byte rule lowers it, and the texts' lowered words as Swift's `lowercased()` lowers
/// them, scalar by scalar.
@Suite("Metrics 12: TER's words lowered eight bytes at a time")
struct Metrics12LoweredWordsTests {
    @Test("Eight ASCII bytes lowered at once, each as the byte-by-byte rule lowers it")
    func asciiLowered() {
        var generator = SplitMix(seed: 1221)
        for round in 0..<20000 {
            var bytes = (0..<8).map { _ in UInt8.random(in: 0...0x7F, using: &generator) }
            bytes[round % 8] = UInt8(truncatingIfNeeded: (round / 8) % 128)
            var chunk: UInt64 = 0
            for (index, byte) in bytes.enumerated() { chunk |= UInt64(byte) << UInt64(8 * index) }
            let lowered = TranslationEditRate.asciiLowered(chunk)
            for (index, byte) in bytes.enumerated() {
                let expected = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                #expect(UInt8(truncatingIfNeeded: lowered >> UInt64(8 * index)) == expected, "byte \(byte)")
            }
        }
    }

    @Test("Texts beyond ASCII lowered as lowercased() lowers them")
    func texts() {
        var generator = SplitMix(seed: 1222)
        let pieces = ["The", "CAT", "sat", "ÉCOLE", "école", "Ñandú", "ΑΒΓ", "中文", "İstanbul", "STRASSE", "ẞ", "Ω", " ", "  ", ".",
                      "QWERTYUIOP", "asdfghjkl", "Zürich", "AZaz@[`{"]
        for round in 0..<4000 {
            let text = (0..<Int.random(in: 0...20, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let words = TranslationEditRate.words(MetricText(text))
            let expected = text.lowercased().split(whereSeparator: { $0.unicodeScalars.allSatisfy { PythonText.isSpace($0) } })
                .map(String.init)
            #expect(words.strings == expected, "round \(round): \(text)")
        }
    }
}
