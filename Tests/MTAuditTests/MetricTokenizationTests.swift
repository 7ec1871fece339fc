@testable import MTAudit
import Testing

/// The tokenizers under the metrics, on the cases that are easy to get wrong on UTF-8 bytes.
@Suite("Metric tokenization")
struct MetricTokenizationTests {
    @Test("Python's white space: the ASCII separators and Unicode's White_Space, without the property lookup")
    func whiteSpace() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let python = value < 0x80 ? [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x20].contains(value)
                : scalar.properties.isWhitespace
            #expect(PythonText.isSpace(scalar) == python, "U+\(String(value, radix: 16))")
        }
    }

    @Test("13a's eight-byte test for a comma, dash or full stop says what a test of each byte says")
    func ruleMarks() {
        func plain(_ bytes: [UInt8]) -> Bool { bytes.contains { $0 == 0x2C || $0 == 0x2D || $0 == 0x2E } }
        func word(_ bytes: [UInt8]) -> UInt64 { bytes.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) } }
        // Every byte in every place among bytes next to the marks, and random words.
        for filler: UInt8 in [0x00, 0x2B, 0x2F, 0x41, 0xAC, 0xFF] {
            for place in 0..<8 {
                for byte in UInt8(0)...255 {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[place] = byte
                    #expect(Tokenizer13a.hasRuleMark(word(bytes)) == plain(bytes), "\(bytes)")
                }
            }
        }
        var generator = SplitMix(seed: 29)
        for _ in 0..<20000 {
            let bytes = (0..<8).map { _ in UInt8.random(in: 0x28...0x31, using: &generator) | (Bool.random(using: &generator) ? 0x80 : 0) }
            #expect(Tokenizer13a.hasRuleMark(word(bytes)) == plain(bytes), "\(bytes)")
        }
    }

    @Test("13a's eight-byte test for where a replacement may start says what a test of each byte says")
    func replacementStarts() {
        func plain(_ bytes: [UInt8]) -> Bool { bytes.contains { $0 == 0x3C || $0 == 0x0A || $0 == 0x26 } }
        // Every byte in every place of lines of 1 to 19 bytes, among bytes next to the marks.
        for filler: UInt8 in [0x00, 0x09, 0x25, 0x3B, 0x3D, 0x8A, 0xBC, 0xFF] {
            for count in 1..<20 {
                for place in 0..<count {
                    for byte in UInt8(0)...255 {
                        var bytes = [UInt8](repeating: filler, count: count)
                        bytes[place] = byte
                        #expect(bytes.withUnsafeBufferPointer { Tokenizer13a.hasReplacementStart($0) } == plain(bytes), "\(bytes)")
                    }
                }
            }
        }
        #expect(![UInt8]().withUnsafeBufferPointer { Tokenizer13a.hasReplacementStart($0) })
    }

    @Test("Words are split at white space of any length in bytes")
    func split() {
        #expect(PythonText.words(Array(" a\u{3000}bé\u{A0}\u{2003}c\u{1F600} ".utf8)) == ["a", "bé", "c\u{1F600}"])
    }

    @Test("13a as sacreBLEU tokenizes (outputs of sacreBLEU 2.6.0)")
    func tokenizer13a() {
        #expect(Tokenizer13a.tokens("a &lt;b&gt; &amp;quot; c-\nd 3.5, 4-5 e.f")
            == ["a", "<", "b", ">", "&", "quot", ";", "cd", "3.5", ",", "4", "-", "5", "e", ".", "f"])
        // Python replaces literally, also before a combining mark.
        #expect(Tokenizer13a.tokens("Tom &amp;\u{301} Jerry <skipped>\u{301} x-\n\u{301}y")
            == ["Tom", "&", "\u{301}", "Jerry", "\u{301}", "x\u{301}y"])
    }
}
