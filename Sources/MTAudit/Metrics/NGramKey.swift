/// An n-gram packed into 128 bits, exactly: up to six Unicode scalars (21 bits each) or up to four
/// word ids (32 bits each), each stored plus one (so that "a" and "a\0" differ and 0 marks an empty
/// place). The first element takes the highest bits: keys sort as their elements do, so a list of
/// keys sorted in full is sorted by every prefix too (what `SortedNGrams` rests on). Counting these
/// is much faster than counting strings.
struct NGramKey: Comparable {
    var high: UInt64 = 0
    var low: UInt64 = 0

    static func < (a: NGramKey, b: NGramKey) -> Bool { (a.high, a.low) < (b.high, b.low) }

    /// How elements are packed: `perHalf` elements of `width` bits in each 64-bit half.
    struct Layout {
        let width: UInt64
        let perHalf: Int

        static let scalars = Layout(width: 21, perHalf: 3)
        static let words = Layout(width: 32, perHalf: 2)

        var capacity: Int { 2 * perHalf }

        /// Where element `index` (of a half) starts.
        func shift(_ index: Int) -> UInt64 { width * UInt64(perHalf - 1 - index) }

        /// The bits of the first `order` elements.
        func prefixMask(_ order: Int) -> NGramKey {
            func mask(_ count: Int) -> UInt64 {
                count <= 0 ? 0 : count >= perHalf ? ~0 : ~0 << shift(count - 1)
            }
            return NGramKey(high: mask(order), low: mask(order - perHalf))
        }
    }

    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The first `layout.capacity` (at most) of `elements`.
    init(_ elements: ArraySlice<UInt32>, _ layout: Layout) {
        for (index, element) in elements.prefix(layout.capacity).enumerated() {
            let value = UInt64(element) + 1
            if index < layout.perHalf {
                high |= value << layout.shift(index)
            } else {
                low |= value << layout.shift(index - layout.perHalf)
            }
        }
    }

    /// Up to six scalars.
    init(scalars: ArraySlice<UInt32>) { self.init(scalars, .scalars) }

    /// Up to four word ids.
    init(ids: ArraySlice<UInt32>) { self.init(ids, .words) }

    func masked(_ mask: NGramKey) -> NGramKey { NGramKey(high: high & mask.high, low: low & mask.low) }
}

/// Gives each distinct word a number, so that word n-grams pack into an `NGramKey`. Words are told
/// apart as Swift compares strings (canonically equivalent spellings are one word).
struct WordNumbering {
    private var ids: [String: UInt32]

    /// Room for `capacity` words without growing.
    init(capacity: Int = 0) { ids = Dictionary(minimumCapacity: capacity) }

    mutating func ids(_ words: [String]) -> [UInt32] {
        words.map { word in
            if let id = ids[word] { return id }
            let id = UInt32(ids.count)
            ids[word] = id
            return id
        }
    }
}
