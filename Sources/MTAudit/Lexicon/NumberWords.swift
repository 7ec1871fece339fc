import MTAuditText

/// The `number-words` lexicon read for use: each word's value, or the factor it multiplies by.
struct NumberWords: Sendable {
    enum Meaning: Sendable {
        case value(Double)
        case multiplier(Double)
    }

    private var meanings: [String: Meaning] = [:]
    /// The words of `meanings`: most words of a text are no number word, and are told so by a bit.
    private var filter = KeyFilter([])

    /// From entries "word=value" and "word=×factor"; malformed entries are skipped (the lexicon
    /// tests check the built-in ones).
    init(_ entries: [String]) {
        meanings.reserveCapacity(entries.count)
        for entry in entries {
            guard let parts = Self.parts(of: entry) else { continue }
            let key = Normalizer.matchingKey(parts[0])
            if parts[1].hasPrefix("×"), let factor = Double(parts[1].dropFirst()) {
                meanings[key] = .multiplier(factor)
            } else if let value = Double(parts[1]) {
                meanings[key] = .value(value)
            }
        }
        filter = KeyFilter(meanings.keys)
    }

    /// An entry's word and value, on either side of its first "=": cut at the "=" byte, where the
    /// entry's characters are those of its scalars around it (a character walk, as `split` takes,
    /// cost about 2,000 instructions an entry, most of the reading of the lexicon); else, and for an
    /// entry without a word or a value, as `split` cuts it. Nil unless two parts.
    static func parts(of entry: String) -> [String]? {
        let scalars = entry.unicodeScalars
        if let equals = scalars.firstIndex(of: "="), equals != scalars.startIndex {
            let after = scalars.index(after: equals)
            let before = scalars[scalars.index(before: equals)]
            // A scalar that joins what follows it into its character (a prepended mark) before, or
            // one beyond ASCII that may join the "=" (a combining mark) after, leaves it to `split`.
            if !isPrepend(before), after == scalars.endIndex || scalars[after].isASCII || scalars[after] == "×" {
                guard after != scalars.endIndex else { return nil }
                return [String(scalars[..<equals]), String(scalars[after...])]
            }
        }
        let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
        return parts.count == 2 ? parts : nil
    }

    /// Whether `scalar` is one of Unicode's prepended concatenation marks or other scalars that
    /// join the character after them (Grapheme_Cluster_Break=Prepend), or beyond the scripts
    /// checked: a scalar at 0x600 or above that is not a letter of the common blocks is answered yes,
    /// and its entry cut by `split`.
    private static func isPrepend(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x600 { return false }
        // Han, kana, Hangul and the like, which number words beyond Latin, Greek and Cyrillic are
        // written in: no prepended mark among them.
        if (0x2E80..<0xA000).contains(value) || (0xAC00..<0xD7A4).contains(value) { return false }
        return true
    }

    var isEmpty: Bool { meanings.isEmpty }

    /// The number words of `lexicons` for `language`, read once for these lexicons.
    static func cached(_ lexicons: Lexicons, language: String) -> NumberWords {
        lexicons.derived.numberWords.value(language) { NumberWords(lexicons.entries(.numberWords, language: language)) }
    }

    subscript(key: String) -> Meaning? { filter.mayContain(key) ? meanings[key] : nil }

    /// The meaning of `key`, whose FNV-1a hash (`FNV1a.hash`, a document's `keyHashes`) is `hash`:
    /// the filter read by the hash, with no pass over the key's bytes.
    func meaning(of key: String, hash: UInt64) -> Meaning? {
        filter.mayContain(slot: KeyFilter.slot(hash: hash)) ? meanings[key] : nil
    }

    /// The number words the filter would wrongly turn away (none: a test checks).
    func filteredOut() -> [String] { meanings.keys.filter { !filter.mayContain($0) } }

    /// Whether `scalar` is a number word of one character ("三", "万").
    func isNumeralCharacter(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x80 && meanings[String(scalar)] != nil }

    /// Whether `scalar` is a unit of ten thousand or more ("万", "亿").
    func isLargeUnit(_ scalar: Unicode.Scalar) -> Bool {
        if case .multiplier(let factor)? = meanings[String(scalar)] { return factor >= 10_000 }
        return false
    }

    /// The value of a numeral written in characters that are each a number word of one character, in
    /// the Chinese and Japanese way: digits before units within a group of ten thousand ("三百五十"
    /// is 350), groups before 万, 亿 or 兆 ("三百五十万" is 3,500,000; "一万二千亿" and "126万亿" multiply
    /// the whole amount by the larger unit), a unit alone counting once ("十五" is 15), digits in a row
    /// read in place ("二〇二四" is 2024), decimal digits among them ("1億2000万"). `lead` is a value
    /// in digits before the characters ("3万"). Nil unless every character is a number word or a
    /// digit, and for what is no single number: two digits side by side without a unit ("三四天",
    /// three or four days; "七八百"), or a large unit with nothing before it ("万一", in case).
    func characterNumeral(_ scalars: some Collection<Unicode.Scalar>, lead: Double? = nil) -> Double? {
        guard !scalars.isEmpty else { return nil }
        var total = 0.0, group = 0.0, largest = 0.0
        var digit: Double? = lead
        // Digits in a row without a unit: how many, and whether one is a zero (a year, "二〇二四").
        var streak = 0, streakHasZero = false, streaks: [(length: Int, zero: Bool)] = []
        func endStreak() {
            if streak > 0 { streaks.append((streak, streakHasZero)) }
            streak = 0
            streakHasZero = false
        }
        for scalar in scalars {
            let meaning: Meaning?
            if scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue {
                meaning = .value(value)
            } else {
                meaning = meanings[String(scalar)]
            }
            switch meaning {
            case .value(let value)?:
                digit = (digit ?? 0) * 10 + value
                if scalar.value >= 0x80 {  // characters, not the digits 0–9
                    streak += 1
                    if value == 0 { streakHasZero = true }
                }
            case .multiplier(let factor)? where factor >= 10_000:
                endStreak()
                let amount = group + (digit ?? 0)
                if amount == 0 && total == 0 { return nil }
                if factor > largest {
                    total = (total + amount) * factor
                    largest = factor
                } else {
                    total += (amount == 0 ? 1 : amount) * factor
                }
                group = 0
                digit = nil
            case .multiplier(let factor)?:
                endStreak()
                group += (digit ?? 1) * factor
                digit = nil
            case nil:
                return nil
            }
        }
        endStreak()
        if streaks.contains(where: { $0.length == 2 && !$0.zero }) { return nil }
        return total + group + (digit ?? 0)
    }
}
