import Testing
@testable import MTAuditText

@Suite("Normalization and the matching form")
struct NormalizerTests {
    @Test("NFC composes and NFD decomposes")
    func nfcAndNFD() {
        let decomposed = "Cafe\u{301} Zu\u{308}rich"
        let composed = Normalizer.normalize(decomposed, to: .nfc)
        #expect(composed.unicodeScalars.count == decomposed.unicodeScalars.count - 2)
        #expect(composed == "Café Zürich")
        #expect(Normalizer.normalize(composed, to: .nfd).unicodeScalars.elementsEqual(decomposed.unicodeScalars))
        #expect(Normalizer.isNormalized(composed, form: .nfc))
        #expect(!Normalizer.isNormalized(decomposed, form: .nfc))
    }

    @Test("The matching form folds case, compatibility forms, quotes, dashes and white space")
    func matchingForm() {
        let matching = Normalizer.matchingForm(of: "Straße “Quoted” — ﬁne\u{00A0}\u{00A0}‘it’s’ «oui»")
        #expect(matching.text == "strasse \"quoted\" - fine 'it's' \"oui\"")
    }

    @Test("NFC and NFD texts have the same matching form")
    func matchingIgnoresNormalization() {
        let nfc = "Ångström café"
        let nfd = Normalizer.normalize(nfc, to: .nfd)
        #expect(Normalizer.matchingForm(of: nfc).text == Normalizer.matchingForm(of: nfd).text)
        #expect(Normalizer.matchingKey("CAFÉ") == Normalizer.matchingKey("cafe\u{301}"))
    }

    @Test("The table's matching keys are ICU's matching forms, for every tabulated scalar among others")
    func matchingKeyTable() {
        var scalars: [Unicode.Scalar] = []
        for value in UInt32(0)..<0x530 { scalars.append(Unicode.Scalar(value)!) }
        for value in UInt32(0x2000)..<0x2070 { scalars.append(Unicode.Scalar(value)!) }
        // Letters that compose with a following mark, white space to collapse, folded quotes.
        let neighbours: [String] = ["", "a", "E", " ", "\t", "\u{A0}", "\u{2003}", "`", "’", "ß", "\u{301}", "\u{AD}", "ſ"]
        var tabulated = 0
        for scalar in scalars {
            for before in neighbours {
                for after in neighbours {
                    let text = before + String(scalar) + after
                    guard let key = MatchingKeyTable.shared.key(of: text) else { continue }
                    tabulated += 1
                    #expect(key == Normalizer.matchingForm(of: text).text, "\(text.debugDescription)")
                }
            }
        }
        #expect(tabulated > 100_000)
        #expect(Normalizer.matchingKey("Straße “Quoted” —\u{A0}\u{A0}«OUI»") == "strasse \"quoted\" - \"oui\"")
    }

    @Test("Every matching-form range maps back to the original text that produced it", arguments: [
        "Plain ASCII text, nothing to fold.",
        "Straße “Quoted” — ﬁne  É\u{301}x",
        "Cafe\u{301} au lait 😀 👩‍👩‍👧 done",
        "東京で「会議」が開かれた。",
        "שלום עולם — مرحبا بالعالم",
        "Ⅻ ㎞ ﬃ",
    ])
    func originMap(text: String) {
        let matching = Normalizer.matchingForm(of: text)
        let scalars = Array(text.unicodeScalars)
        #expect(matching.origin.count == matching.text.unicodeScalars.count)
        #expect(zip(matching.origin, matching.origin.dropFirst()).allSatisfy { $0 <= $1 })
        // Each matching-form scalar maps into the text; folding the original slice gives it back.
        let folded = Array(matching.text.unicodeScalars)
        var index = 0
        while index < folded.count {
            var end = index + 1
            while end < folded.count, matching.origin[end] == matching.origin[index] { end += 1 }
            let span = matching.originalSpan(of: index..<end)
            #expect(span.start >= 0 && span.end <= scalars.count && !span.isEmpty)
            let slice = String(String.UnicodeScalarView(scalars[span.range]))
            let refolded = Normalizer.matchingForm(of: slice).text
            let piece = String(String.UnicodeScalarView(folded[index..<end]))
            #expect(refolded == piece || piece == " ", "\(slice.debugDescription) → \(refolded) vs \(piece)")
            index = end
        }
        #expect(matching.originalSpan(of: 0..<folded.count) == TextSpan(start: 0, end: scalars.count))
    }

    @Test("A word found in the matching form maps back to its exact original span")
    func wordMapsBack() {
        let text = "😀 He met Ge\u{301}ne\u{301}ral “KERRY” in Zürich."
        let matching = Normalizer.matchingForm(of: text)
        let folded = Array(matching.text.unicodeScalars)
        let needle = Array("kerry".unicodeScalars)
        let start = (0...(folded.count - needle.count)).first { Array(folded[$0..<$0 + needle.count]) == needle }!
        let span = matching.originalSpan(of: start..<start + needle.count)
        let original = String(String.UnicodeScalarView(Array(text.unicodeScalars)[span.range]))
        #expect(original == "KERRY")
    }
}
