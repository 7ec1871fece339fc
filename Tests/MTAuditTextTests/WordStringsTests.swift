import Testing
@testable import MTAuditText

@Suite("Word strings kept from text to text")
struct WordStringsTests {
    @Test("Each word's text and key are what decoding and folding it give, met once or again, in a small table or none")
    func sameAsMade() {
        var words = ["the", "The", "THE", ".", ",", "a", "I", "’", "“", "Straße", "İstanbul", "ﬁne", "Ｆｕｌｌ", "東京",
                     "exactly8", "exactly15bytes!", "sixteen-bytes-xx", "a much longer word than fifteen", "naïve",
                     "e\u{301}", "Ǆemal", "1,000.5", "don't", "x"]
        words += (0..<3000).map { "w\($0)" } + (0..<500).map { "W\($0)É" }
        for slotCount in [1024, 4, 1, 0] {
            let strings = Segmenter.WordStrings(slotCount: slotCount)
            for round in 0..<3 {
                for word in (round == 1 ? words.reversed() : words) {
                    var bytes = word
                    let (text, key) = bytes.withUTF8 { strings.strings(of: $0) }
                    #expect(text == word && text.utf8.elementsEqual(word.utf8), "\(word)")
                    #expect(key == Normalizer.matchingKey(word), "\(word)")
                }
            }
        }
    }
}
