import MTAuditText
import Synchronization

/// The `number-words` lexicon read for use: each word's value, or the factor it multiplies by.
struct NumberWords {
    enum Meaning {
        case value(Double)
        case multiplier(Double)
    }

    private var meanings: [String: Meaning] = [:]

    /// From entries "word=value" and "word=×factor"; malformed entries are skipped (the lexicon
    /// tests check the built-in ones).
    init(_ entries: [String]) {
        for entry in entries {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            let key = Normalizer.matchingKey(parts[0])
            if parts[1].hasPrefix("×"), let factor = Double(parts[1].dropFirst()) {
                meanings[key] = .multiplier(factor)
            } else if let value = Double(parts[1]) {
                meanings[key] = .value(value)
            }
        }
    }

    var isEmpty: Bool { meanings.isEmpty }

    /// The number words of `entries`, read once per process for each distinct list.
    static func cached(_ entries: [String]) -> NumberWords {
        let key = entries.joined(separator: "\u{1F}")
        if let known = cache.withLock({ $0[key] }) { return known.words }
        let words = NumberWords(entries)
        cache.withLock { $0[key] = Boxed(words: words) }
        return words
    }

    private struct Boxed: @unchecked Sendable { let words: NumberWords }
    private static let cache = Mutex<[String: Boxed]>([:])

    subscript(key: String) -> Meaning? { meanings[key] }

    /// The value of a numeral written in characters that are each a number word of one character, in
    /// the Chinese and Japanese way: digits before units within a group of ten thousand ("三百五十"
    /// is 350), groups before 万 or 亿 ("三百五十万" is 3,500,000), a unit alone counting once ("十五"
    /// is 15), digits in a row read in place ("二〇二四" is 2024). `lead` is a value in digits before
    /// the characters ("3万"). Nil unless every character is a number word.
    func characterNumeral(_ scalars: some Collection<Unicode.Scalar>, lead: Double? = nil) -> Double? {
        guard !scalars.isEmpty else { return nil }
        var total = 0.0, group = 0.0
        var digit: Double? = lead
        for scalar in scalars {
            switch meanings[String(scalar)] {
            case .value(let value)?:
                digit = (digit ?? 0) * 10 + value
            case .multiplier(let factor)? where factor >= 10_000:
                group += digit ?? 0
                total += (group == 0 ? 1 : group) * factor
                group = 0
                digit = nil
            case .multiplier(let factor)?:
                group += (digit ?? 1) * factor
                digit = nil
            case nil:
                return nil
            }
        }
        return total + group + (digit ?? 0)
    }
}
