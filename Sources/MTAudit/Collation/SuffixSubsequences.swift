/// The length of the longest common subsequence of every pair of suffixes `a[i...]` and `b[j...]` of
/// two word sequences (by their numbers) past a shared beginning, for `b`'s suffix of at most 64
/// words: what `TokenAligner`'s walk asks at each step, from one machine word per suffix of `a`
/// rather than a table cell per pair of words.
///
/// The bit-parallel computation of Crochemore, Iliopoulos, Pinzon and Reid ("A fast and practical
/// bit-vector algorithm for the longest common subsequence problem", 2001), run on both sequences
/// reversed, so that prefixes of the reversed sequences are the suffixes asked about. After reading
/// the first p words of reversed `a`, bit k of the row is 0 exactly where the longest common
/// subsequence with the first k + 1 words of reversed `b` is one longer than with the first k: so
/// the length for the first q words of reversed `b` is the number of zeros among the row's low q bits.
struct SuffixSubsequences {
    /// By p, the number of `a`'s last words read: the row after reading them.
    private let rows: [UInt64]
    private let countA: Int
    private let countB: Int

    /// `a[start...]` against `b[start...]`, numbers from 0 on (a numbering's); `b.count - start` must
    /// be at most 64.
    init(_ a: [Int], _ b: [Int], from start: Int) {
        self = a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in SuffixSubsequences(a, b, from: start) } }
    }

    /// `init(_:_:from:)` of numbers held in buffers (`TokenAligner`'s), read unchecked at places
    /// below their counts.
    init(_ a: UnsafeBufferPointer<Int>, _ b: UnsafeBufferPointer<Int>, from start: Int) {
        precondition(b.count - start <= 64, "a suffix of at most 64 words")
        (countA, countB) = (a.count, b.count)
        // Where each number stands in reversed `b`, as a mask of bits (numbers above every one of
        // `b`'s match nothing). (The masks in a temporary allocation, on the stack for a short
        // sentence's numbers, and the rows written once into their array: no array grown.)
        var largest = 0
        for k in start..<b.count where b[k] > largest { largest = b[k] }
        let rowCount = a.count - start + 1
        rows = withUnsafeTemporaryAllocation(of: UInt64.self, capacity: largest + 1) { masks in
            masks.initialize(repeating: 0)
            for k in 0..<(b.count - start) {
                let number = b[b.count - 1 - k]
                precondition(number >= 0, "word numbers from 0 on")
                masks[number] |= 1 << UInt64(k)
            }
            return [UInt64](unsafeUninitializedCapacity: rowCount) { rows, initialized in
                var row: UInt64 = ~0
                rows[0] = row
                for p in stride(from: 1, through: a.count - start, by: 1) {
                    let number = a[a.count - p]
                    precondition(number >= 0, "word numbers from 0 on")
                    let mask = number <= largest ? masks[number] : 0
                    let matched = row & mask
                    row = (row &+ matched) | (row & ~mask)
                    rows[p] = row
                }
                initialized = rowCount
            }
        }
    }

    /// The length of the longest common subsequence of `a[i...]` and `b[j...]` (`i` and `j` at least
    /// `start`, at most the counts).
    func length(_ i: Int, _ j: Int) -> Int {
        let q = countB - j
        let low: UInt64 = q == 64 ? ~0 : (1 << UInt64(q)) &- 1
        return q - (rows[countA - i] & low).nonzeroBitCount
    }
}
