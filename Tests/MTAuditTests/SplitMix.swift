@testable import MTAudit

/// A small deterministic generator (SplitMix64), so that a failure can be replayed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension RandomNumberGenerator {
    /// A random sequence of word numbers: a count drawn from `counts`, then each number from `values`
    /// (the draws in that order, as the tests that spelled it out made them).
    mutating func words(_ counts: ClosedRange<Int>, of values: ClosedRange<UInt32>) -> [UInt32] {
        (0..<Int.random(in: counts, using: &self)).map { _ in UInt32.random(in: values, using: &self) }
    }
}

/// The vocabulary of the aligner's generated texts: common words, names, numbers, accented and
/// made-up words.
let alignerTestVocabulary = ["the", "council", "approved", "harbour", "budget", "after", "a", "long", "debate", "Inchkeith",
                             "ferry", "1998", "Tromsø", "naïve", "said", "would", "zorblat", "Qwixen", "in", "of", "storms"]

extension RandomNumberGenerator {
    /// A text of a count drawn from `sentences` sentences, each `opener`, then words drawn by
    /// `words(_:of:)` from `vocabulary` (a count drawn from `words`), and a period (the draws in that
    /// order, as the tests that spelled it out made them).
    mutating func text(sentences: ClosedRange<Int>, words: ClosedRange<Int>, of vocabulary: [String] = alignerTestVocabulary,
                       opener: String = "X") -> String {
        (0..<Int.random(in: sentences, using: &self)).map { _ in
            opener + " " + self.words(words, of: 0...UInt32(vocabulary.count - 1)).map { vocabulary[Int($0)] }.joined(separator: " ") + "."
        }.joined(separator: " ")
    }
}

extension RandomNumberGenerator {
    /// `count` words of `pool` laid in a text of random ASCII bytes (control characters and NUL
    /// too), with up to two bytes between them, and each word's bytes: the metrics' word tables
    /// meet words that differ in one byte, or in their length alone.
    mutating func byteWords(_ pool: [[UInt8]], count: Int) -> (ByteWords, [[UInt8]]) {
        var bytes: [UInt8] = [], ranges: [Range<Int>] = [], strings: [[UInt8]] = []
        for _ in 0..<count {
            let word = pool[Int.random(in: 0..<pool.count, using: &self)]
            for _ in 0..<Int.random(in: 0...2, using: &self) { bytes.append(UInt8.random(in: 0...127, using: &self)) }
            ranges.append(bytes.count..<bytes.count + word.count)
            bytes.append(contentsOf: word)
            strings.append(word)
        }
        return (ByteWords(utf8: bytes, ranges: ranges, isASCII: true), strings)
    }
}
