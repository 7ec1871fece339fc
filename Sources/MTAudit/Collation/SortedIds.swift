/// Sorted lists of distinct word ids (a sentence's words in `DocumentWords`, the entries of the
/// aligner's flat sets), compared in one walk.
enum SortedIds {
    /// How many ids the sorted lists of distinct ids `a` and `b` share, counted no further than `limit`.
    static func sharedCount(_ a: [Int32], _ b: [Int32], upTo limit: Int = .max) -> Int {
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in sharedCount(a, b, upTo: limit) } }
    }

    /// `sharedCount` of lists read in place (no bounds check per step).
    static func sharedCount(_ a: UnsafeBufferPointer<Int32>, _ b: UnsafeBufferPointer<Int32>, upTo limit: Int = .max) -> Int {
        var i = 0, j = 0, shared = 0
        while i < a.count && j < b.count && shared < limit {
            if a[i] == b[j] { shared += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return shared
    }
}
