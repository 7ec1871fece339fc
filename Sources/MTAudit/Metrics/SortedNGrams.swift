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
        // From the end: each key is the next one with an element put before it, cut to the order.
        let maximum = layout.prefixMask(maximumOrder)
        var keys: [NGramKey] = []
        keys.reserveCapacity(elements.count)
        var key = NGramKey(bits: 0)
        for element in elements.reversed() {
            key = key.prepending(element, layout).masked(maximum)
            keys.append(key)
        }
        keys.sort()
        self.keys = keys
    }

    /// How many n-grams of order `order` the sequence has.
    func count(order: Int) -> Int { max(0, length - order + 1) }

    /// How many n-grams of order `order` two sequences share, each counted as often as both have it:
    /// the sum over n-grams of the smaller count, by one merge of the two lists. Keys too near the end
    /// to hold `order` elements (an empty place as their element number `order`) are passed over.
    static func matches(_ a: SortedNGrams, _ b: SortedNGrams, order: Int) -> Int {
        let prefix = a.layout.prefixMask(order).bits
        let last = prefix & ~a.layout.prefixMask(order - 1).bits
        var i = 0, j = 0, count = 0
        while i < a.keys.count && j < b.keys.count {
            let x = a.keys[i].bits, y = b.keys[j].bits
            if x & last == 0 { i += 1; continue }
            if y & last == 0 { j += 1; continue }
            let xPrefix = x & prefix, yPrefix = y & prefix
            if xPrefix == yPrefix { count += 1; i += 1; j += 1 } else if xPrefix < yPrefix { i += 1 } else { j += 1 }
        }
        return count
    }
}
