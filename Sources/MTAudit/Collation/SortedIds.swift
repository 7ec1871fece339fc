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

    /// Calls `body` with each id of the union of sorted sets `a` and `b`, in increasing order, once
    /// each: the one merge walk of the aligner's two-sentence entries, whether they keep the ids or
    /// only their summed weights.
    @inline(__always)
    static func forEachInUnion(_ a: UnsafeBufferPointer<Int32>, _ b: UnsafeBufferPointer<Int32>, _ body: (Int32) -> Void) {
        var i = 0, j = 0
        while i < a.count && j < b.count {
            let x = a[i], y = b[j]
            body(x <= y ? x : y)
            if x <= y { i += 1 }
            if y <= x { j += 1 }
        }
        while i < a.count { body(a[i]); i += 1 }
        while j < b.count { body(b[j]); j += 1 }
    }

    /// The distinct values, sorted. `values` is consumed: sorted in its own buffer when the caller is
    /// done with it, rather than in a copy.
    static func sortedUnique(_ values: consuming [Int32]) -> [Int32] {
        var sorted = values
        let count = sorted.count
        guard count > 1 else { return sorted }
        // In place through the buffer (every index is in bounds), duplicates dropped as they are
        // written back.
        let write = sorted.withUnsafeMutableBufferPointer { buffer in
            if count <= 32 {
                // A sentence's few ids: an insertion sort, where `sort()` ran its general sort.
                for i in 1..<count {
                    let value = buffer[i]
                    var j = i
                    while j > 0, buffer[j - 1] > value { buffer[j] = buffer[j - 1]; j -= 1 }
                    buffer[j] = value
                }
            } else {
                buffer.sort()
            }
            var write = 1
            for i in 1..<count where buffer[i] != buffer[write - 1] { buffer[write] = buffer[i]; write += 1 }
            return write
        }
        if write < count { sorted.removeLast(count - write) }
        return sorted
    }
}
