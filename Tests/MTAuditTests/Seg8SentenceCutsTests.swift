@testable import MTAuditText
import Testing

@Suite("ASCII paragraphs cut into sentences without ICU, as ICU cuts them")
struct Seg8SentenceCutsTests {
    /// Locales with suppressions of their own (English, German, French, Spanish, Italian, Portuguese,
    /// Russian), one that inherits English's, and locales with none.
    static let locales = ["en", "de", "fr", "es", "it", "pt", "ru", "en_US", "nl", "fi", "ja", "en_US_POSIX"]

    static let words = ["the", "cat", "Sat", "John", "U", "S", "e", "g", "etc", "a", "I", "No", "x", "Mr", "Dr", "A",
                        "B", "ok", "OK", "vs", "pp", "Ph", "D", "12", "3", "1999", "5th", "z", "Hd", "v", "Chr", "k", "u"]
    static let marks = [". ", ".", "!", "?", " ", "  ", "\t", "\u{0B}", "\u{0C}", "\n", "\r\n", ", ", ",", "-", ":", ";",
                        "\"", "'", "(", ")", "[", "]", "{", "}", "...", "?!", ". . ", "#", "$", "%", "&", "*", "/",
                        "@", "_", "~", "`", "|", "<", ">", "=", "+", "^", "\\"]

    /// A text of words, marks and the locale's abbreviations (whole, or cut anywhere), of printable
    /// ASCII and controls, or of a few characters that the rules treat apart, by `round`.
    static func text(_ round: Int, abbreviations: [String], using generator: inout SplitMix) -> String {
        func pick<T>(_ array: [T]) -> T { array[Int(generator.next() % UInt64(array.count))] }
        var text = ""
        switch round % 3 {
        case 0:
            for _ in 0..<(1 + Int(generator.next() % 25)) {
                switch generator.next() % 10 {
                case 0..<4: text += pick(words)
                case 4 where !abbreviations.isEmpty: text += pick(abbreviations)
                default: text += pick(marks)
                }
            }
        case 1:
            let alphabet = Array("aZ.!? \t\u{0B}\u{0C},-:;\"'()[]{}1#Uu\n").map(String.init)
            for _ in 0..<(1 + Int(generator.next() % 20)) {
                if generator.next() % 6 == 0 {
                    text += String(UnicodeScalar(UInt8(generator.next() % 32)))
                } else {
                    text += pick(alphabet)
                }
            }
        default:
            for _ in 0..<(1 + Int(generator.next() % 30)) {
                if generator.next() % 4 == 0, !abbreviations.isEmpty {
                    let entry = Array(pick(abbreviations))
                    let cut = Int(generator.next() % UInt64(entry.count + 1))
                    text += String(generator.next() % 2 == 0 ? entry[..<cut] : entry[cut...])
                } else if generator.next() % 3 == 0 {
                    text += pick([" ", ".", "x"])
                } else {
                    text += String(UnicodeScalar(UInt8(32 + generator.next() % 95)))
                }
            }
        }
        return text
    }

    @Test("The boundaries found without ICU are ICU's, in every locale the probe lets through")
    func boundariesAsICU() throws {
        var checked = 0
        for locale in Self.locales {
            let segmenter = try Segmenter(locale: locale)
            guard segmenter.asciiSentenceCutsHold else { continue }
            let abbreviations = SentenceSuppressionsProbe.asciiEntries(locale: locale)
            var generator = SplitMix(seed: 8)
            for round in 0..<30_000 {
                let text = Self.text(round, abbreviations: abbreviations, using: &generator)
                let (icu, ascii) = segmenter.sentenceBoundaries(of: text)
                #expect(ascii == icu, "\(locale): \(text.debugDescription)")
                checked += 1
            }
        }
        #expect(checked >= 9 * 30_000)
    }

    @Test("Sentences cut without ICU are those cut with it, non-ASCII paragraphs left to ICU")
    func sentencesAsICU() throws {
        let accented = ["é", "Ça", "”", "日本。", "\u{00A0}", "…"]
        for locale in ["en", "de", "fr", "el", "ja"] {
            let fast = try Segmenter(locale: locale), slow = try Segmenter(locale: locale)
            slow.usesShortcuts = false
            let abbreviations = SentenceSuppressionsProbe.asciiEntries(locale: locale)
            var generator = SplitMix(seed: 88)
            for round in 0..<5_000 {
                var text = Self.text(round, abbreviations: abbreviations, using: &generator)
                if round % 5 == 0 { text += accented[round / 5 % accented.count] + Self.text(round, abbreviations: abbreviations, using: &generator) }
                if round % 7 == 0 { text += "\n\n" + Self.text(round + 1, abbreviations: abbreviations, using: &generator) }
                #expect(fast.segment(text).sentences == slow.segment(text).sentences, "\(locale): \(text.debugDescription)")
            }
        }
    }

    /// A paragraph that ends inside an abbreviation of several parts ("z. B" of "z. B."): ICU 72's
    /// filtered iterator drops the break there too (its forward look runs into the text's end).
    @Test("A paragraph ending inside an abbreviation is cut as ICU cuts it")
    func endingInsideAbbreviations() throws {
        var checked = 0
        for locale in Self.locales {
            let segmenter = try Segmenter(locale: locale)
            guard segmenter.asciiSentenceCutsHold else { continue }
            for entry in SentenceSuppressionsProbe.asciiEntries(locale: locale) where entry.dropLast().contains(".") {
                let bytes = Array(entry.utf8)
                for length in 1...bytes.count {
                    let text = "It was so. Then " + String(decoding: bytes[..<length], as: UTF8.self)
                    let (icu, ascii) = segmenter.sentenceBoundaries(of: text)
                    #expect(ascii == icu, "\(locale): \(text.debugDescription)")
                    checked += 1
                }
            }
        }
        #expect(checked > 100)
    }

    @Test("ASCII words cut by one table of byte kinds are the words ICU cuts")
    func asciiWordsAsICU() throws {
        let fast = try Segmenter(), slow = try Segmenter()
        slow.usesShortcuts = false
        let abbreviations = SentenceSuppressionsProbe.asciiEntries(locale: "en")
        var generator = SplitMix(seed: 888)
        for round in 0..<6_000 {
            let text = Self.text(round, abbreviations: abbreviations, using: &generator)
            #expect(fast.segment(text).words == slow.segment(text).words, "\(text.debugDescription)")
        }
    }

    @Test("The probe lets the shortcut through where ICU's rules and suppressions are read, and not in Greek")
    func probe() throws {
        for locale in ["en", "de", "fr", "es", "it", "pt", "ru", "nl", "fi"] {
            #expect(try Segmenter(locale: locale).asciiSentenceCutsHold, "\(locale)")
        }
        #expect(try !Segmenter(locale: "el").asciiSentenceCutsHold, "Greek ends a question at ;")
        #expect(SentenceSuppressionsProbe.asciiEntries(locale: "en").contains("Mr."))
        #expect(SentenceSuppressionsProbe.asciiEntries(locale: "nl").isEmpty, "a bundle of the default locale's counts as none")
    }

    @Test("Suppressions are matched as ICU's filtered iterator matches them")
    func suppressionsAsICU() throws {
        // "U." goes forwards beside "U.S.", and "z." stands for "z. B." backwards: a break after
        // "U. " holds, one after "z. " before "B." does not (nor before "B" at the text's end, still
        // on the way to "z. B."); nothing reads "S." backwards, so "U.S. " breaks. (As ICU 72 does.)
        let suppressions = try #require(Segmenter.SentenceSuppressions(["U.", "U.S.", "U.S.A.", "Mr.", "Ph.D.", "z. B."]))
        func suppressed(_ text: String, at cut: Int) -> Bool {
            var text = text
            return text.withUTF8 { suppressions.suppressesBreak(in: $0, at: cut) }
        }
        #expect(suppressed("Mr. Smith", at: 4))
        #expect(suppressed("XMr. Smith", at: 5), "no word boundary is asked before the abbreviation")
        #expect(!suppressed("Mr.  Smith", at: 5), "one space is skipped, not two")
        #expect(!suppressed("Mr.\tSmith", at: 4))
        #expect(suppressed("Mr.\nSmith", at: 4), "a line break is a space")
        #expect(!suppressed("Mrs. Smith", at: 5))
        #expect(!suppressed("U. Smith", at: 3))
        #expect(!suppressed("U.S. Smith", at: 5))
        #expect(suppressed("z. B. Smith", at: 3))
        #expect(!suppressed("z. Bx", at: 3))
        #expect(suppressed("z. B", at: 3))
        #expect(Segmenter.SentenceSuppressions(["a.", "a."])?.entries == ["a."], "a set")
    }

    @Test("The first of a few bytes, found eight at a time, is the first found one by one")
    func firstIndexOfAny() {
        var generator = SplitMix(seed: 18)
        let alphabet: [UInt8] = [0x41, 0x2E, 0x21, 0x3F, 0x0A, 0xE2, 0x80, 0xA9, 0x20]
        for _ in 0..<3000 {
            let bytes = (0..<Int(generator.next() % 40)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let start = bytes.isEmpty ? 0 : Int(generator.next() % UInt64(bytes.count + 1))
            for (a, b, c) in [(UInt8(0x2E), UInt8(0x21), UInt8(0x3F)), (0x0A, 0xE2, 0xE2)] {
                let plain = bytes[start...].firstIndex { $0 == a || $0 == b || $0 == c } ?? bytes.count
                #expect(bytes.withUnsafeBufferPointer { ByteScan.firstIndex(ofAnyOf: a, b, c, in: $0, from: start) } == plain)
            }
        }
    }

    @Test("An abbreviation of any length or first letter still holds a sentence together")
    func ownAbbreviations() throws {
        let segmenter = try Segmenter(abbreviations: ["Xyzzyplugh.", "q.", "Mr.", "e.g.", "z.Z."])
        let text = "See Xyzzyplugh. Then q. Next e.g. More z.Z. Done. Zyzzyplugh. Last Mr. Smith."
        #expect(segmenter.sentences(in: text).map { String($0.text(in: text)) }
                == ["See Xyzzyplugh. Then q. Next e.g. More z.Z. Done.", "Zyzzyplugh.", "Last Mr. Smith."])
    }

    @Test("Suppressions built by groups match as ICU's builder, pair by pair, makes them match")
    func suppressionsAsBuiltByICU() throws {
        var generator = SplitMix(seed: 808)
        let pieces = ["a", "b", "U", "S", "x", ".", ".", " ", "D", "h"]
        for _ in 0..<300 {
            let list = (0..<(1 + Int(generator.next() % 12))).map { _ in
                (0..<(1 + Int(generator.next() % 5))).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            }
            let plain = PlainSentenceSuppressions(list)
            let built = try #require(Segmenter.SentenceSuppressions(list))
            for _ in 0..<40 {
                let text = (0..<(1 + Int(generator.next() % 12))).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
                var bytes = text
                for cut in 1..<text.utf8.count {
                    let found = bytes.withUTF8 { built.suppressesBreak(in: $0, at: cut) }
                    #expect(found == plain.suppressesBreak(in: text, at: cut), "\(list) \(text.debugDescription) at \(cut)")
                }
            }
        }
    }
}

/// ICU's filtered sentence iterator's suppressions, as its source spells them out (the builder's
/// passes over every pair of abbreviations, tries as sets of strings): the plain way
/// `Segmenter.SentenceSuppressions` is checked against.
struct PlainSentenceSuppressions {
    var backward: [String: Int] = [:]
    var forward: Set<String> = []

    init(_ list: [String]) {
        let strings = Array(Set(list)).sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }.map { Array($0.utf16) }
        var partials = [Int](repeating: 0, count: strings.count)
        for i in strings.indices {
            guard let stop = strings[i].firstIndex(of: 0x2E), stop + 1 != strings[i].count else { continue }
            var sameAs = -1
            for j in strings.indices where j != i && strings[j].count >= stop + 1 && Array(strings[j][...stop]) == Array(strings[i][...stop]) {
                if partials[j] == 0 { partials[j] = 3 } else if partials[j] & 1 != 0 { sameAs = j }
            }
            if sameAs == -1 && partials[i] == 0 {
                backward[String(String(decoding: strings[i][...stop], as: UTF16.self).reversed())] = 1
                partials[i] = 3
            }
        }
        for i in strings.indices {
            let string = String(decoding: strings[i], as: UTF16.self)
            if partials[i] == 0 { backward[String(string.reversed())] = 2 } else { forward.insert(string) }
        }
    }

    /// `breakExceptionAt`, over an ASCII text's characters.
    func suppressesBreak(in text: String, at cut: Int) -> Bool {
        let characters = Array(text).map { $0 == "\n" || $0 == "\r" ? " " : $0 }
        var end = cut
        if end > 0, characters[end - 1] == " " { end -= 1 }
        var best = -1, bestStart = -1
        var read = ""
        var index = end
        while index > 0 {
            index -= 1
            read.append(characters[index])
            guard backward.keys.contains(where: { $0.hasPrefix(read) }) else { break }
            if let value = backward[read] { (best, bestStart) = (value, index) }
            if !backward.keys.contains(where: { $0.hasPrefix(read) && $0 != read }) { break }
        }
        guard bestStart >= 0 else { return false }
        if best == 2 { return true }
        guard !forward.isEmpty else { return false }
        var ahead = ""
        for character in characters[bestStart...] {
            ahead.append(character)
            guard forward.contains(where: { $0.hasPrefix(ahead) }) else { return false }
            if !forward.contains(where: { $0.hasPrefix(ahead) && $0 != ahead }) { return true }
        }
        return true
    }
}

/// The ASCII suppressions ICU reads for a locale, for the tests' texts.
enum SentenceSuppressionsProbe {
    static func asciiEntries(locale: String) -> [String] {
        (Segmenter.SentenceSuppressions.read(locale: locale + "@ss=standard")?.entries ?? [])
            .filter { $0.utf8.allSatisfy { $0 < 0x80 } }
    }
}
