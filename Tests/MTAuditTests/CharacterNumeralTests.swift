@testable import MTAudit
import Testing

@Suite("Numerals in Chinese and Japanese characters")
struct CharacterNumeralTests {
    let words = NumberWords.cached(Lexicons.builtIn.entries(.numberWords, language: "zh") + ["兆=×1000000000000"])

    @Test("Values", arguments: [
        ("一千二百", 1200.0), ("三百五十万", 3_500_000), ("十五", 15), ("二十一", 21), ("一百零五", 105),
        ("二〇二四", 2024), ("一九八九", 1989), ("十万", 100_000), ("两千", 2000), ("一万二千", 12_000),
        ("一万二千亿", 1_200_000_000_000), ("億2000万", 120_000_000), ("万亿", 1e12),
    ])
    func value(written: String, expected: Double) {
        let lead: Double? = written.hasPrefix("億") ? 1 : written == "万亿" ? 126 : nil
        let expectedValue = written == "万亿" ? 126e12 : expected
        #expect(words.characterNumeral(written.unicodeScalars, lead: lead) == expectedValue)
    }

    @Test("No single number: two digits side by side, a large unit with nothing before it, a word character")
    func notNumbers() {
        for written in ["三四", "七八百", "十七八", "万一", "一一", "一起"] {
            #expect(words.characterNumeral(written.unicodeScalars) == nil, "\(written)")
        }
    }
}
