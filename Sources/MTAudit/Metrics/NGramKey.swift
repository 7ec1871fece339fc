/// An n-gram packed into 128 bits, exactly: up to six Unicode scalars (21 bits each) or up to four
/// word ids (32 bits each), each stored plus one (so that "a" and "a\0" differ and 0 marks an empty
/// place). The first element takes the highest bits: keys sort as their elements do, so a list of
/// keys sorted in full is sorted by every prefix too (what `SortedNGrams` rests on). Counting these
/// is much faster than counting strings.
struct NGramKey: Comparable {
    var bits: UInt128 = 0

    static func < (a: NGramKey, b: NGramKey) -> Bool { a.bits < b.bits }

    /// How elements are packed: `capacity` elements of `width` bits, the first highest.
    struct Layout {
        let width: Int
        let capacity: Int

        static let scalars = Layout(width: 21, capacity: 6)
        static let words = Layout(width: 32, capacity: 4)

        /// Where element `index` starts.
        func shift(_ index: Int) -> Int { width * (capacity - 1 - index) }

        /// The bits of the first `order` elements.
        func prefixMask(_ order: Int) -> NGramKey {
            NGramKey(bits: order <= 0 ? 0 : ~0 << shift(order - 1))
        }
    }

    init(bits: UInt128) { self.bits = bits }

    /// This n-gram with `element` put before its first, its last element dropped if it is full.
    func prepending(_ element: UInt32, _ layout: Layout) -> NGramKey {
        NGramKey(bits: (UInt128(element) + 1) << layout.shift(0) | bits >> layout.width)
    }

    func masked(_ mask: NGramKey) -> NGramKey { NGramKey(bits: bits & mask.bits) }
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
