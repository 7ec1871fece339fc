/// An n-gram packed into 128 bits, exactly: up to six Unicode scalars (21 bits each) or up to four
/// word ids (32 bits each). Counting these is much faster than counting strings.
struct NGramKey: Hashable, Comparable {
    var high: UInt64 = 0
    var low: UInt64 = 0

    static func < (a: NGramKey, b: NGramKey) -> Bool { (a.high, a.low) < (b.high, b.low) }

    /// Up to six scalars.
    init(scalars: ArraySlice<Unicode.Scalar>) {
        var index = 0
        for scalar in scalars {
            let value = UInt64(scalar.value) + 1  // never 0, so "a" and "a\0" differ
            if index < 3 { low |= value << (21 * UInt64(index)) } else { high |= value << (21 * UInt64(index - 3)) }
            index += 1
        }
    }

    /// Up to four word ids.
    init(ids: ArraySlice<UInt32>) {
        var index = 0
        for id in ids {
            let value = UInt64(id) + 1
            if index < 2 { low |= value << (32 * UInt64(index)) } else { high |= value << (32 * UInt64(index - 2)) }
            index += 1
        }
    }
}

/// Gives each distinct word a number, so that word n-grams pack into an `NGramKey`.
struct WordNumbering {
    private var ids: [String: UInt32] = [:]

    mutating func ids(_ words: [String]) -> [UInt32] {
        words.map { word in
            if let id = ids[word] { return id }
            let id = UInt32(ids.count)
            ids[word] = id
            return id
        }
    }
}
