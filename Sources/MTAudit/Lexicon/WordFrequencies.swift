import Synchronization

/// How common words are in each language, from `Lexicons/words/<lang>.txt` (Zipf frequencies: 3 is
/// once per million words, 6 once per thousand). Only words of Zipf 3.0 or more are listed.
public struct WordFrequencies: Sendable {
    /// Zipf frequency by matching-form word, per language subtag.
    private let lists: [String: [String: Float]]

    /// The languages listed, sorted once (guesses go through them for every text).
    public let languages: [String]

    public init(lists: [String: [String: Float]]) {
        self.lists = lists
        languages = lists.keys.sorted()
    }

    /// The lists compiled in from `Lexicons/words/`, read on first use.
    public static let builtIn = WordFrequencies(lists: Dictionary(uniqueKeysWithValues: EmbeddedWordLists.files.map { file in
        (String(file.name.prefix { $0 != "." }), parse(file.text))
    }))


    /// The alphabet of a built-in list, made on first use for each language.
    public static func builtInAlphabet(of language: String) -> Set<Unicode.Scalar> {
        alphabets.withLock { cache in
            if let alphabet = cache[language] { return alphabet }
            let alphabet = builtIn.alphabet(of: language)
            cache[language] = alphabet
            return alphabet
        }
    }

    private static let alphabets = Mutex<[String: Set<Unicode.Scalar>]>([:])

    /// The letters of a language: those in at least five of its listed words ("é" is English, "ż" is not).
    public func alphabet(of language: String) -> Set<Unicode.Scalar> {
        var counts: [Unicode.Scalar: Int] = [:]
        for word in lists[language]?.keys ?? [:].keys {
            for scalar in Set(word.unicodeScalars) where scalar.properties.isAlphabetic { counts[scalar, default: 0] += 1 }
        }
        return Set(counts.filter { $0.value >= 5 }.keys)
    }

    /// The Zipf frequency of `word` (a matching-form key) in `language`; 0 when it is not listed.
    public func zipf(_ word: String, in language: String) -> Float { lists[language]?[word] ?? 0 }

    public func knows(_ language: String) -> Bool { lists[language] != nil }

    /// The listed words of `language`, in matching form.
    public func words(in language: String) -> Dictionary<String, Float>.Keys { (lists[language] ?? [:]).keys }

    /// The listed language `words` most likely belong to: the one where they are most frequent in
    /// sum (Zipf frequencies, 0 for an unlisted word), when at least half of them are listed there.
    /// Summing frequencies rather than counting hits keeps English text English, though the German
    /// list also holds "the" and "and" from the web.
    public func likelyLanguage(of words: [String]) -> String? {
        guard !words.isEmpty else { return nil }
        var best: (language: String, score: Float, hits: Int)?
        for language in languages {
            let list = lists[language]!
            var score: Float = 0
            var hits = 0
            for word in words {
                if let zipf = list[word] { score += zipf; hits += 1 }
            }
            if score > best?.score ?? 0 { best = (language, score, hits) }
        }
        guard let best, best.hits * 2 >= words.count else { return nil }
        return best.language
    }

    /// Reads "word<TAB>zipf" lines, whose words are already in matching form (see
    /// `Scripts/make-word-frequencies.py`). Byte by byte: the lists hold half a million lines.
    static func parse(_ text: String) -> [String: Float] {
        var list: [String: Float] = [:]
        list.reserveCapacity(40_000)
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                defer { start = end + 1 }
                guard bytes[start] != UInt8(ascii: "#") else { continue }
                var tab = start
                while tab < end, bytes[tab] != 0x09 { tab += 1 }
                guard tab < end else { continue }
                var zipf: Float = 0
                var scale: Float = 0
                for byte in bytes[(tab + 1)..<end] {
                    if byte == UInt8(ascii: ".") { scale = 1 } else if byte >= 0x30 && byte <= 0x39 {
                        if scale == 0 { zipf = zipf * 10 + Float(byte - 0x30) } else { scale /= 10; zipf += Float(byte - 0x30) * scale }
                    }
                }
                let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<tab]), as: UTF8.self)
                if list[word] == nil { list[word] = zipf }
            }
        }
        return list
    }
}
