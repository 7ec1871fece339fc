@testable import MTAudit
import MTAuditText
import Testing

/// The screens that let the name and lexicon rules skip work must agree with the work they skip.
@Suite("Name and lexicon screens")
struct Names7ScreenTests {
    /// Texts made of lexicon forms of every structured kind, cut words and punctuation between them:
    /// forms whole and broken, at sentence ends, after joiners, possessive and capitalized.
    private static func texts(count: Int, language: String) -> [String] {
        var generator = SplitMix(seed: 0x4E61_6D37)
        var forms: [String] = []
        for kind in FormStarts.structuredKinds {
            for entry in Lexicons.builtIn.structuredEntries(kind) {
                for field in LexiconKind.fields(of: kind) { forms += entry.forms(field, language: language) }
            }
        }
        let fillers = ["the", "The", "of", "in", "and", "-", "–", ".", ",", "'s", "’s", "Sino", "US", "U.S.", "cat", "sat", "on",
                       "mat", "Gen.", "Lt.", "d'", "l'", "said", "New", "South", "United", "Secretary", "General", "(", ")"]
        return (0..<count).map { _ in
            var words: [String] = []
            for _ in 0..<Int.random(in: 1...14, using: &generator) {
                switch Int.random(in: 0..<4, using: &generator) {
                case 0:
                    // A form's words without its last one: its start and no more.
                    let form = forms.randomElement(using: &generator)!
                    words.append(form.split(separator: " ").dropLast().joined(separator: " "))
                case 1: words.append(forms.randomElement(using: &generator)!)
                default: words.append(fillers.randomElement(using: &generator)!)
                }
            }
            var text = ""
            for word in words {
                // Joined with a space, or none (a joiner's neighbour), now and then a sentence's end.
                if !text.isEmpty {
                    text += Int.random(in: 0..<8, using: &generator) == 0 ? ". " : (Int.random(in: 0..<5, using: &generator) == 0 ? "" : " ")
                }
                text += word
            }
            return text
        }
    }

    /// The mentions of one kind found with every word tried: each word marked for the kind, its
    /// candidates looked up by its key (no number given), every word listed.
    private static func plainMentions(in document: Document, phrases: LexiconPhrases, slot: Int) -> [LexiconPhrases.Mention] {
        let tokens = document.tokens
        let marks = tokens.map { $0.isWordLike ? UInt64(1) << UInt64(slot) : 0 }
        let marked = tokens.indices.filter { tokens[$0].isWordLike }
        return marks.withUnsafeBufferPointer { marks in
            marked.withUnsafeBufferPointer { marked in
                phrases.mentions(in: document, marks: marks, marked: marked, bit: 1 << UInt64(slot), starting: [])
            }
        }
    }

    private static func described(_ mentions: [LexiconPhrases.Mention]) -> [String] {
        mentions.map { "\($0.tokens) \($0.sentence) \($0.ids.sorted()) \($0.field)" }
    }

    @Test("The mentions found at the marked words are those found by trying every word")
    func markedMentions() throws {
        let segmenter = try Segmenter()
        // Forms of several words among those found: the screen's case (a start that needs its next word).
        var found = 0, longer = 0
        defer {
            #expect(found > 1_000)
            #expect(longer > 100)
        }
        for language in ["en", "fr", "und"] {
            let starts = FormStarts.of(.builtIn, language: language)
            for (number, text) in Self.texts(count: 600, language: language == "und" ? "en" : language).enumerated() {
                let document = Document(id: "\(language)-\(number)", text: text, segmenter: segmenter)
                let mentions = starts.mentions(in: document)
                for slot in FormStarts.structuredKinds.indices {
                    let plain = Self.plainMentions(in: document, phrases: starts.phrases(at: slot), slot: slot)
                    #expect(Self.described(mentions[slot]) == Self.described(plain), "\(language) \(FormStarts.structuredKinds[slot]): \(text)")
                    found += plain.count
                    longer += plain.filter { $0.tokens.count > 1 }.count
                }
            }
        }
    }

    @Test("A key turned away by its bytes has another base than the one asked")
    func cannotBeBase() {
        var generator = SplitMix(seed: 0x6261_7365)
        let parts = ["a", "b", "k", "ko", "koln", "köln", "ko\u{0308}ln", "e\u{0301}", "é", ".", "'s", "'", "s", "7", "3m", "한",
                     "ǆ", "ﬁ", "Ж", "ž", "ł", "ß", "u.s", "zoe", "zoë", "\u{0301}", "\u{1100}\u{1161}", "각"]
        var keys: [String] = []
        for _ in 0..<4_000 {
            keys.append((0..<Int.random(in: 0...4, using: &generator)).map { _ in parts.randomElement(using: &generator)! }.joined())
        }
        let bases = keys.map(base)
        for key in keys {
            let bytes = Array(key.utf8)
            for asked in bases.prefix(300) + [base(key), "", "k", "ko"] {
                let turnedAway = bytes.withUnsafeBufferPointer {
                    NameRuns.cannotBeBase(of: $0, first: asked.utf8.first, count: asked.utf8.count)
                }
                if turnedAway { #expect(!KeyNumbering.equal(base(key), asked), "\(key.debugDescription) for \(asked.debugDescription)") }
            }
        }
    }
}
