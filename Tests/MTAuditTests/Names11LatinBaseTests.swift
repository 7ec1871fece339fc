@testable import MTAudit
import MTAuditText
import Testing

/// A name key's base written in one pass over its bytes (`latinBase`, which `base` takes for a
/// key below U+0180 that is not its own base) against the steps `base` takes for any key.
@Suite("A Latin key's base, written in one pass, is the one made step by step")
struct Names11LatinBaseTests {
    /// `base` as it reads a key in steps: the full stops dropped, a final "'s" (two characters),
    /// then every mark stripped.
    static func plainBase(_ key: String) -> String {
        let dot = UInt8(ascii: "."), utf8 = key.utf8
        var key = utf8.contains(dot) ? String(decoding: utf8.filter { $0 != dot }, as: UTF8.self) : key
        if utf8.count >= 2, key.utf8.last == UInt8(ascii: "s"), key.utf8.dropLast().last == UInt8(ascii: "'") { key = String(key.dropLast(2)) }
        return Normalizer.strippingMarks(key)
    }

    /// Pieces in and out of ASCII and below U+0180, stops, possessives, marks, other scripts.
    static let pieces = ["a", "k", "s", "'", "'s", ".", "u.s", "é", "ß", "ł", "ŀ", "ſ", "æ", "ø", "ĳ", "ñ", "\u{301}", "\u{AD}", "\u{B7}",
                         "й", "ё", "ά", "\r", "\n", "\r\n", " ", "-", "0", "ǆ", "ſt", "ﬁ", "\u{600}", "\u{17F}", "\u{180}", "\u{7F}"]

    @Test("Each generated key's base is the plain one, and the one-pass writer takes every key below U+0180")
    func latinBaseAsPlain() {
        var random = SplitMix(seed: 11_002)
        var written = 0
        for round in 0..<20_000 {
            let key = (0..<Int.random(in: 0...6, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
            let plain = Self.plainBase(key)
            #expect(base(key) == plain, "\(round): \(Array(key.unicodeScalars))")
            var bytes = Array(key.utf8)
            let fast = bytes.withUnsafeMutableBufferPointer { latinBase(of: UnsafeBufferPointer($0)) }
            if key.unicodeScalars.allSatisfy({ $0.value < 0x180 }) {
                #expect(fast == plain, "\(round): \(Array(key.unicodeScalars))")
                written += 1
            } else {
                #expect(fast == nil, "\(round): \(Array(key.unicodeScalars))")
            }
        }
        #expect(written > 2000)
    }

    /// The scalars said to be no nonspacing mark are none, every one of the ranges; and marks
    /// stripped with them kept unasked are those `Normalizer` strips, for words of several scripts.
    @Test("Marks stripped with Greek and Cyrillic letters kept unasked are Normalizer's")
    func strippingMarksAsNormalizer() {
        for value in UInt32(0)..<0x600 {
            guard let scalar = Unicode.Scalar(value), cannotBeNonspacingMark(scalar) else { continue }
            #expect(scalar.properties.generalCategory != .nonspacingMark, "U+\(String(value, radix: 16))")
        }
        let pieces = ["а", "й", "ё", "Й", "ї", "ά", "ΐ", "ω", "ϊ", "\u{301}", "\u{483}", "\u{488}", "é", "a", "ß", "ḯ", "ש", "\u{5B4}",
                      "ك", "\u{64E}", "ǆ", "ﬁ", "中", "\u{300}", "Ꙋ", "\u{A66F}", "ӂ", "Ԥ", "ԯ"]
        var random = SplitMix(seed: 11_006)
        for _ in 0..<5000 {
            let text = (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            #expect(strippingMarks(text) == Normalizer.strippingMarks(text), "\(Array(text.unicodeScalars))")
        }
    }
}
