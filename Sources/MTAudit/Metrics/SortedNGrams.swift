/// The n-grams of every order up to some maximum of one sequence (a text's characters or words),
/// for counting the n-grams two sequences share (sacreBLEU's clipped matches) without hashing.
///
/// One key per position holds the longest n-gram that starts there (shorter near the end), and the
/// keys are sorted once. Because `NGramKey` sorts by its first elements first, the same list is in
/// order for the n-grams of every shorter order: masking a key to its first n elements gives the
/// n-gram of order n at that position. So one sort serves all orders, where sorting each order's
/// n-grams would take one sort per order.
struct SortedNGrams {
    /// The number of elements in the sequence.
    let length: Int
    private let layout: NGramKey.Layout
    private let keys: [NGramKey]

    init(_ elements: [UInt32], maximumOrder: Int, layout: NGramKey.Layout) {
        precondition(maximumOrder <= layout.capacity)
        length = elements.count
        self.layout = layout
        var keys: [NGramKey] = []
        keys.reserveCapacity(elements.count)
        for start in elements.indices {
            keys.append(NGramKey(elements[start..<min(start + maximumOrder, elements.count)], layout))
        }
        keys.sort()
        self.keys = keys
    }

    /// How many n-grams of order `order` the sequence has.
    func count(order: Int) -> Int { max(0, length - order + 1) }

    /// How many n-grams of order `order` two sequences share, each counted as often as both have it:
    /// the sum over n-grams of the smaller count, by one merge of the two lists. Keys too near the end
    /// to hold `order` elements (an empty place in their prefix) are passed over.
    static func matches(_ a: SortedNGrams, _ b: SortedNGrams, order: Int) -> Int {
        let mask = a.layout.prefixMask(order)
        let last = a.layout.prefixMask(order - 1)  // the key but its element number `order`
        func isFull(_ key: NGramKey) -> Bool { key.masked(mask) != key.masked(last) }
        var i = 0, j = 0, count = 0
        while i < a.keys.count && j < b.keys.count {
            guard isFull(a.keys[i]) else { i += 1; continue }
            guard isFull(b.keys[j]) else { j += 1; continue }
            let x = a.keys[i].masked(mask), y = b.keys[j].masked(mask)
            if x == y { count += 1; i += 1; j += 1 } else if x < y { i += 1 } else { j += 1 }
        }
        return count
    }
}
