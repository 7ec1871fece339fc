import MTAudit
import MTAuditText
import Testing

@Suite("Word lists and letter models")
struct LanguageDataTests {
    let frequencies = WordFrequencies.builtIn

    @Test("Every list loads, in matching form, with sensible frequencies")
    func lists() {
        #expect(frequencies.languages.contains("en") && frequencies.languages.contains("de"))
        #expect(frequencies.zipf("the", in: "en") > 7)
        #expect(frequencies.zipf("nicht", in: "de") > 6)
        #expect(frequencies.zipf("nicht", in: "en") == 0)
        #expect(frequencies.zipf("strasse", in: "de") > 3, "ß is folded as the matching form folds it")
    }

    @Test("Words are found by their bytes, and a key not in NFC as its NFC form")
    func lookUps() {
        for language in frequencies.languages {
            // Found by comparing bytes, the listed words must be in NFC.
            let unnormalized = frequencies.words(in: language).filter { !Normalizer.isNormalized($0, form: .nfc) }
            #expect(unnormalized.isEmpty, "\(language): \(unnormalized.prefix(5))")
        }
        #expect(frequencies.zipf("über", in: "de") > 5)
        #expect(frequencies.zipf("u\u{308}ber", in: "de") == frequencies.zipf("über", in: "de"))
        #expect(frequencies.zipf("", in: "de") == 0)
        #expect(!frequencies.knows("EN") && frequencies.knows("en"))
    }

    @Test("A text's language is guessed from its words", arguments: [
        ("the council approved the plan on tuesday", "en"),
        ("der rat hat den plan am dienstag gebilligt", "de"),
        ("le conseil a approuvé le projet mardi", "fr"),
        ("rada zatwierdziła plan we wtorek", "pl"),
    ])
    func guess(text: String, language: String) {
        #expect(frequencies.likelyLanguage(of: text.split(separator: " ").map(String.init)) == language)
    }

    @Test("No guess for words of no listed language")
    func noGuess() {
        #expect(frequencies.likelyLanguage(of: ["xqzt", "vvbrk", "plorf"]) == nil)
    }

    @Test("Unlisted words look like their language letter by letter")
    func trigrams() {
        let model = TrigramLanguageModel.builtIn
        #expect(model.bestAlternative(to: "en", for: "wirtschaftsstandort")?.language == "de")
        #expect((model.bestAlternative(to: "en", for: "uncharacteristically")?.margin ?? 1) <= 0)
    }

    @Test("Alphabets: é is English, ż is not")
    func alphabets() {
        let english = WordFrequencies.builtInAlphabet(of: "en")
        #expect(english.contains("é") && english.contains("a"))
        #expect(!english.contains("ż"))
        #expect(WordFrequencies.builtInAlphabet(of: "pl").contains("ż"))
    }

    @Test("An alphabet read from the table's bytes is the one its words' letters make")
    func alphabetsFromBytes() {
        let frequencies = WordFrequencies.builtIn
        for language in ["en", "pl", "tr", "xx"] {
            // Plainly: the distinct letters of each word as a String, counted in a dictionary.
            var counts: [Unicode.Scalar: Int] = [:]
            for word in frequencies.words(in: language) {
                for scalar in Set(word.unicodeScalars) { counts[scalar, default: 0] += 1 }
            }
            let expected = Set(counts.filter { $0.value >= 5 && $0.key.properties.isAlphabetic }.keys)
            #expect(frequencies.alphabet(of: language) == expected, "\(language)")
        }
    }
}
