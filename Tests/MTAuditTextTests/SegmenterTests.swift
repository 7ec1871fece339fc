import Testing
@testable import MTAuditText

@Suite("Paragraphs, sentences and words")
struct SegmenterTests {
    private func sentences(_ text: String) throws -> [String] {
        try Segmenter().sentences(in: text).map { String($0.text(in: text)) }
    }

    private func words(_ text: String) throws -> [String] {
        try Segmenter().words(in: text).map { String($0.segment.text(in: text)) }
    }

    @Test("Honorifics and abbreviations do not end sentences")
    func honorifics() throws {
        #expect(try sentences("Mr. Biden met Xi. He said the U.S. would wait. Gen. Lee agreed.")
                == ["Mr. Biden met Xi.", "He said the U.S. would wait.", "Gen. Lee agreed."])
        #expect(try sentences("Dr. Okafor and Sen. Hale spoke to Gov. Rand at St. Mary's. It rained.")
                == ["Dr. Okafor and Sen. Hale spoke to Gov. Rand at St. Mary's.", "It rained."])
        #expect(try sentences("The U.N. envoy, John F. Kennedy Jr., arrived. Talks began.")
                == ["The U.N. envoy, John F. Kennedy Jr., arrived.", "Talks began."])
    }

    @Test("An abbreviation at the end of a sentence before a new paragraph still ends it")
    func abbreviationAtEnd() throws {
        let text = "They moved to the U.S.\n\nThen they left."
        #expect(try sentences(text) == ["They moved to the U.S.", "Then they left."])
    }

    @Test("Paragraphs split at blank lines; wrapped lines stay together")
    func paragraphs() throws {
        let text = "First line\nwraps here.\n\n  Second paragraph.  \n\n\nThird."
        let segmenter = try Segmenter()
        let paragraphs = segmenter.paragraphs(in: text).map { String($0.text(in: text)) }
        #expect(paragraphs == ["First line\nwraps here.", "Second paragraph.", "Third."])
        #expect(try sentences(text) == ["First line\nwraps here.", "Second paragraph.", "Third."])
    }

    @Test("Without blank lines every line is a paragraph")
    func linesAsParagraphs() throws {
        let text = "Headline without stop\nBody sentence one. Body two."
        #expect(try Segmenter().paragraphs(in: text).count == 2)
        #expect(try sentences(text) == ["Headline without stop", "Body sentence one.", "Body two."])
    }

    @Test("Chinese and Japanese sentences and dictionary word breaks")
    func cjk() throws {
        #expect(try sentences("你好世界。今天天气很好！明天呢？") == ["你好世界。", "今天天气很好！", "明天呢？"])
        let chinese = try words("习近平会见了克里。")
        #expect(chinese.count >= 4)
        #expect(chinese.last == "。")
        #expect(chinese.joined() == "习近平会见了克里。")
        let japanese = try Segmenter().words(in: "東京で会議が開かれた")
        #expect(japanese.contains { $0.kind == .ideographic })
        #expect(japanese.count > 3)
    }

    @Test("Thai is split into words by dictionary")
    func thai() throws {
        let thai = try words("ประเทศไทยมีฝนตก")
        #expect(thai.count >= 3)
        #expect(thai.joined() == "ประเทศไทยมีฝนตก")
    }

    @Test("Word kinds: letters, numbers, punctuation, symbols; no white space")
    func kinds() throws {
        let text = "Talks on 12 May cost $1,250.50 — 😀 ok?"
        let segments = try Segmenter().words(in: text)
        let pairs = segments.map { (String($0.segment.text(in: text)), $0.kind) }
        #expect(pairs.contains { $0 == ("Talks", .letters) })
        #expect(pairs.contains { $0 == ("1,250.50", .number) })
        #expect(pairs.contains { $0 == ("—", .punctuation) })
        #expect(pairs.contains { $0 == ("😀", .symbol) })
        #expect(!pairs.contains { $0.0.allSatisfy(\.isWhitespace) })
    }

    @Test("Right-to-left text segments in logical order")
    func rightToLeft() throws {
        #expect(try words("שלום עולם.") == ["שלום", "עולם", "."])
        #expect(try sentences("قال الوزير إن المحادثات مستمرة. وأضاف أنها مثمرة.").count == 2)
    }

    @Test("Spans are scalar offsets that slice the original text exactly", arguments: [
        "Mr. Biden met Xi. He said …",
        "😀 Cafe\u{301} crème. 👩‍👩‍👧 family!",
        "東京で「会議」が開かれた。次は大阪。",
        "שלום עולם. مرحبا بالعالم.",
        "e\u{301}e\u{301}e\u{301} a\u{308}\u{304} Zalgo",
    ])
    func spansMapBack(text: String) throws {
        let segmentation = try Segmenter().segment(text)
        let scalars = Array(text.unicodeScalars)
        for segment in segmentation.paragraphs + segmentation.sentences + segmentation.words.map(\.segment) {
            let bySpan = String(String.UnicodeScalarView(scalars[segment.span.range]))
            #expect(bySpan == String(segment.text(in: text)))
        }
        #expect(segmentation.offsets.scalarCount == scalars.count)
        for word in segmentation.words {
            #expect(segmentation.offsets.byteRange(ofScalars: word.span.range) == word.utf8)
        }
    }

    @Test("A paragraph taken for one sentence without ICU is what ICU makes of it")
    func oneSentenceShortcut() throws {
        // Every text of up to four pieces: letters, digits, each sentence terminator, closers, spaces,
        // line breaks, an abbreviation and a non-ASCII word, in every order.
        let pieces = ["Hi", "we", "3", " ", ".", "!", "?", ")", "(", "\"", "'", "\n", "\n\n", "Mr.", "é", ",", ";"]
        var taken = 0
        // Every piece count up to four in English; up to three in locales with sentence rules of their
        // own (the shortcut holds for every locale, unlike the word probe's).
        for (locale, length) in [("en", 4), ("de", 3), ("el", 3), ("fi", 3), ("ja", 3), ("en_US_POSIX", 3)] {
            let fast = try Segmenter(locale: locale), slow = try Segmenter(locale: locale)
            slow.usesShortcuts = false
            var texts = [""]
            for _ in 1...length {
                texts = texts.flatMap { text in pieces.map { text + $0 } }
                for text in texts {
                    let expected = slow.segment(text).sentences, found = fast.segment(text).sentences
                    #expect(found == expected, "\(locale): \(text.debugDescription)")
                    if text.utf8.withContiguousStorageIfAvailable(Segmenter.isOneSentence) == true { taken += 1 }
                }
            }
        }
        #expect(taken > 1000)
        // Non-ASCII letters, marks, spaces, quotes and every kind of terminator and separator among
        // ASCII sentences, in every order of three.
        let other = ["Ça", "日本", " ", ". ", "é.", "。", "！", "？", "।", "\u{2024}", "\u{FE52}", "\u{FF0E}", "\u{0085}",
                     "\u{2028}", "…", "”", "«", "»", "\u{00A0}", "\u{037E}", "؟", "·", "e\u{0301}", "Ab.", "\n"]
        var otherTaken = 0
        for locale in ["en", "de", "el", "ja", "zh", "ar", "hi"] {
            let fast = try Segmenter(locale: locale), slow = try Segmenter(locale: locale)
            slow.usesShortcuts = false
            var texts = [""]
            for _ in 1...3 {
                texts = texts.flatMap { text in other.map { text + $0 } }
                for text in texts {
                    let expected = slow.segment(text).sentences, found = fast.segment(text).sentences
                    #expect(found == expected, "\(locale): \(text.debugDescription)")
                    if text.utf8.contains(where: { $0 >= 0x80 }),
                       text.utf8.withContiguousStorageIfAvailable(Segmenter.isOneSentence) == true { otherTaken += 1 }
                }
            }
        }
        #expect(otherTaken > 1000)
        #expect(try Segmenter().asciiSentenceRulesHold)
        #expect(try !Segmenter(locale: "el").asciiSentenceRulesHold, "Greek ends a question at ;")
    }

    @Test("An ASCII text cut into words without ICU is cut as ICU cuts it")
    func asciiWordShortcut() throws {
        // Every text of up to four pieces: letters, digits, the characters that join them (". ' , ;"),
        // spaces and line breaks, and a few that never join, in every order.
        let pieces = ["Ab", "c", "7", "42", ".", "'", ",", ";", " ", "  ", "\n", "\r\n", "\t", "-", "!", "$"]
        let fast = try Segmenter(), slow = try Segmenter()
        slow.usesShortcuts = false
        #expect(fast.asciiWordRulesHold)
        #expect(try !Segmenter(locale: "en_US_POSIX").asciiWordRulesHold)
        var texts = [""]
        for _ in 1...4 {
            texts = texts.flatMap { text in pieces.map { text + $0 } }
            for text in texts {
                #expect(fast.segment(text).words == slow.segment(text).words, "\(text.debugDescription)")
            }
        }
        // Every printable ASCII character between letters, between digits, after and before them, and
        // doubled, in locales that tailor the word rules (colon in Finnish and Swedish, full stop in
        // POSIX), where the probe must turn the shortcut off or agree.
        let characters = (0x21..<0x7F).map { String(UnicodeScalar(UInt8($0))) }
        let contexts = characters.map { c in "a\(c)b 1\(c)2 a\(c) \(c)a \(c)\(c) x.y\(c)z 3\(c)5.0" }
        for locale in ["en", "de", "fi", "sv", "en_US_POSIX", "zh"] {
            let fast = try Segmenter(locale: locale), slow = try Segmenter(locale: locale)
            slow.usesShortcuts = false
            for text in contexts + [Segmenter.asciiWordProbe] {
                #expect(fast.segment(text).words == slow.segment(text).words, "\(locale): \(text.debugDescription)")
            }
        }
    }

    @Test("A segmentation lent in the segmenter's arrays is the one it makes, text after text")
    func lentSegmentation() throws {
        let lender = try Segmenter(), maker = try Segmenter()
        let texts = ["The cat sat on the mat.", "", "Dr. Smith arrived.\n\nHe left! Did he?", "東京は日本の首都です。",
                     String(repeating: "Long text, many words. ", count: 500), "x", "The cat sat on the mat."]
        var kept: [Segmentation] = []
        for text in texts {
            let made = maker.segment(text)
            let lent = lender.withSegmentation(of: text) { segmentation in
                kept.append(segmentation)
                return segmentation
            }
            #expect(lent.paragraphs == made.paragraphs && lent.sentences == made.sentences && lent.words == made.words)
        }
        // Copies kept past the lending are not overwritten by the next text.
        for (text, segmentation) in zip(texts, kept) {
            #expect(segmentation.words == maker.segment(text).words)
        }
    }
}
