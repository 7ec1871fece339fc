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
}
