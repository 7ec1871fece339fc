import MTAuditText

/// Whether two texts can be compared word for word, as rewrites or round trips in one language can,
/// and translations into another language cannot.
public enum Comparability {
    /// Same declared language; or, when a language is undeclared, the same language guessed from the
    /// word lists; or, failing a guess, the same dominant script and a fair share of shared words, or
    /// nothing in common at all (another text in the same language).
    ///
    /// `sourceGuess` and `versionGuess` are the texts' `guessedLanguage`, when the caller has them.
    public static func sameLanguage(_ source: Document, _ version: Document,
                                    sourceGuess: String?? = nil, versionGuess: String?? = nil) -> Bool {
        let a = subtag(source.language)
        let b = subtag(version.language)
        if a != "und" && b != "und" { return a == b }
        // Undeclared: the word lists' guesses, when both texts have one.
        let guessA = a != "und" ? a : (sourceGuess ?? guessedLanguage(of: source))
        let guessB = b != "und" ? b
            : (versionGuess ?? (a == "und" ? guessedLanguage(of: version, sameRowsAs: source, guess: guessA) : guessedLanguage(of: version)))
        if let guessA, let guessB { return guessA == guessB }
        // Texts mostly in different scripts cannot be compared word for word, whatever few words
        // (a name, a caption) they share.
        // Japanese mixes kanji and kana, Korean may mix Hangul and Hanja: one writing system each.
        // A text of digits and marks alone has no script to compare.
        let scripts = (Script.dominant(in: source.text), Script.dominant(in: version.text))
        if scripts.0 != .common, scripts.1 != .common, writingSystem(scripts.0) != writingSystem(scripts.1) { return false }
        // The distinct words of each (their numbering, which the aligner reads too), and how many
        // of the version's the source writes, each looked up by the hash its document keeps.
        let sourceWords = DocumentWords.of(source), versionWords = DocumentWords.of(version)
        let sourceCount = sourceWords.keys.count, versionKeys = versionWords.keys
        guard sourceCount > 0, !versionKeys.isEmpty else { return false }
        var shared = 0
        versionWords.forEachKeyHash { id, hash in
            if sourceWords.ids.number(of: versionKeys[id], hash: hash) != nil { shared += 1 }
        }
        if shared == 0 {
            // Not one word, name or number in common: in the same script that is another text, not a
            // translation (a translation keeps at least names and numbers); in another script, unknown.
            return true
        }
        return Double(shared) >= 0.1 * Double(min(sourceCount, versionKeys.count))
    }

    /// The language of the word lists that `document`'s words most likely belong to.
    public static func guessedLanguage(of document: Document) -> String? {
        document.memo.value(guessKey) {
            // The letter words' rows, each looked up once per document (the detectors read them too).
            let rows = DocumentWordRows.of(document)
            return Guess(language: WordFrequencies.builtIn.likelyLanguage(ofTokenRows: rows.rows, count: rows.letterCount))
        }.language
    }

    private static let guessKey = MemoKey("language-guess")

    /// `guessedLanguage(of: document)`, which is `guess` (`other`'s guessed language) when the two
    /// documents' tokens have the same rows in the word lists: the guess is made of the rows alone.
    /// A version identical to its source (a trivial pair, a copy left untranslated) then takes the
    /// source's guess, kept in its memo for the detectors, and the word lists' listings of its words
    /// are not summed again (about 2,000 instructions for a short sentence); a version of another
    /// length is told apart by the rows' counts.
    private static func guessedLanguage(of document: Document, sameRowsAs other: Document, guess: String?) -> String? {
        guard document.tokenRows == other.tokenRows else { return guessedLanguage(of: document) }
        return document.memo.value(guessKey) { Guess(language: guess) }.language
    }

    /// A guess, boxed so that "no guess" can be kept.
    private struct Guess { let language: String? }

    /// The document's declared language when the word lists know it, else `guess`.
    public static func listedLanguage(of document: Document, guess: String?) -> String? {
        let declared = subtag(document.language)
        return WordFrequencies.builtIn.knows(declared) ? declared : guess
    }

    /// Scripts that one language writes together count as one: Han, Hiragana, Katakana and Hangul.
    static func writingSystem(_ script: Script) -> String {
        ["Hani", "Hira", "Kana", "Hang"].contains(script.shortName) ? "CJK" : script.shortName
    }

    /// The first subtag of `language`, in lower case ("zh" of "zh-Hant"); "und" for none. (The first
    /// piece between hyphens that is not empty, found without splitting the whole tag.)
    static func subtag(_ language: String) -> String {
        // "und", every undeclared document's, compared as a whole (one comparison of a small string's
        // bits) rather than read byte by byte: it is asked for both texts of every pair.
        if language == "und" { return language }
        // An ASCII tag (every real one) by its bytes: there a hyphen is a character of its own, and
        // lower case is ASCII's.
        // Most tags are one subtag in lower case ("en", "und"): their own first subtag, no string made.
        if language.utf8.withContiguousStorageIfAvailable({ !$0.isEmpty && $0.allSatisfy { $0 >= 0x61 && $0 <= 0x7A } }) == true {
            return language
        }
        if let ascii = language.utf8.withContiguousStorageIfAvailable({ bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            let hyphen = UInt8(ascii: "-")
            guard let start = bytes.firstIndex(where: { $0 != hyphen }) else { return "und" }
            let end = bytes[start...].firstIndex(of: hyphen) ?? bytes.endIndex
            return String(unsafeUninitializedCapacity: end - start) { buffer in
                for (offset, byte) in bytes[start..<end].enumerated() {
                    buffer[offset] = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
                }
                return end - start
            }
        }) ?? nil {
            return ascii
        }
        guard let start = language.firstIndex(where: { $0 != "-" }) else { return "und" }
        let rest = language[start...]
        return rest[..<(rest.firstIndex(of: "-") ?? rest.endIndex)].lowercased()
    }
}
