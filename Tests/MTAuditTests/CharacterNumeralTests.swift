@testable import MTAudit
import Testing

@Suite("Numerals in Chinese and Japanese characters")
struct CharacterNumeralTests {
    let words = NumberWords(Lexicons.builtIn.entries(.numberWords, language: "zh") + ["兆=×1000000000000"])

    @Test("Values", arguments: [
        ("一千二百", nil, 1200.0), ("三百五十万", nil, 3_500_000), ("十五", nil, 15), ("二十一", nil, 21), ("一百零五", nil, 105),
        ("二〇二四", nil, 2024), ("一九八九", nil, 1989), ("十万", nil, 100_000), ("两千", nil, 2000), ("一万二千", nil, 12_000),
        ("一万二千亿", nil, 1_200_000_000_000), ("億2000万", 1, 120_000_000), ("万亿", 126, 126e12),
    ] as [(String, Double?, Double)])
    func value(written: String, lead: Double?, expected: Double) {
        #expect(words.characterNumeral(written.unicodeScalars, lead: lead) == expected)
    }

    @Test("No single number: two digits side by side, a large unit with nothing before it, a word character")
    func notNumbers() {
        for written in ["三四", "七八百", "十七八", "万一", "一一", "一起"] {
            #expect(words.characterNumeral(written.unicodeScalars) == nil, "\(written)")
        }
    }

    /// `NumberMismatchDetector.isDecimalDigit` answers some ranges without a property look-up: it
    /// must agree with the look-up on every scalar.
    @Test("Decimal digits: the shortcut agrees with Unicode's numeric type on every scalar")
    func decimalDigits() {
        let disagreeing = (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter {
            NumberMismatchDetector.isDecimalDigit($0) != ($0.properties.numericType == .decimal)
        }
        #expect(disagreeing.isEmpty, "\(disagreeing.prefix(10).map { String($0.value, radix: 16) })")
    }
}
