/// sacreBLEU's clipped n-gram matches: for each order up to a maximum, how many n-grams two sequences
/// (a text's characters or words, as small integers) share, each counted as often as both have it.
///
/// The positions of both sequences are sorted together by the n-gram of the maximum order that
/// starts there (shorter near a sequence's end), by a radix sort on the elements: the n-grams of every
/// order then lie in runs of equal prefixes, and one pass over the sorted positions adds, for each
/// run, the smaller of the two sequences' counts. No hashing and no comparison sort.
enum SharedNGrams {
    /// `hyp` and `ref` hold numbers below `alphabetSize`.
    static func matches(_ hyp: [UInt32], _ ref: [UInt32], alphabetSize: Int, maximumOrder: Int) -> [Int] {
        var matches = [Int](repeating: 0, count: maximumOrder)
        if hyp.isEmpty || ref.isEmpty { return matches }
        // Both sequences one after the other, each element plus one and each sequence followed by
        // `maximumOrder` zeros: an n-gram near a sequence's end reads zeros (sorting first) where it
        // has no elements, and no n-gram runs into the other sequence.
        let refStart = hyp.count + maximumOrder
        var padded = [Int](repeating: 0, count: refStart + ref.count + maximumOrder)
        for (index, element) in hyp.enumerated() { padded[index] = Int(element) + 1 }
        for (index, element) in ref.enumerated() { padded[refStart + index] = Int(element) + 1 }
        let positions = Array(0..<hyp.count) + Array(refStart..<refStart + ref.count)
        var order = positions, sorted = positions
        var counts = [Int](repeating: 0, count: alphabetSize + 2)
        padded.withUnsafeBufferPointer { padded in
        order.withUnsafeMutableBufferPointer { order in
        sorted.withUnsafeMutableBufferPointer { sorted in
        counts.withUnsafeMutableBufferPointer { counts in
            var order = order, sorted = sorted
            // Least significant place first, each pass a stable counting sort (from one buffer into
            // the other and back: the last pass's is the order's when the passes are even).
            for place in (0..<maximumOrder).reversed() {
                counts.update(repeating: 0)
                for position in order { counts[padded[position + place] + 1] += 1 }
                for index in 1..<counts.count { counts[index] += counts[index - 1] }
                for position in order {
                    let key = padded[position + place]
                    sorted[counts[key]] = position
                    counts[key] += 1
                }
                swap(&order, &sorted)
            }
        }
        }
        }
        }
        if maximumOrder % 2 == 1 { order = sorted }
        // Runs: the run of an n-gram of order k ends where the next position shares fewer than k
        // elements with it; a position adds itself to the runs of the orders it has elements for.
        var hypInRun = [Int](repeating: 0, count: maximumOrder), refInRun = hypInRun
        var previous = -1
        for position in order {
            var shared = 0
            if previous >= 0 {
                while shared < maximumOrder && padded[position + shared] != 0 && padded[previous + shared] == padded[position + shared] {
                    shared += 1
                }
            }
            for k in shared..<maximumOrder where hypInRun[k] > 0 || refInRun[k] > 0 {
                matches[k] += min(hypInRun[k], refInRun[k])
                hypInRun[k] = 0
                refInRun[k] = 0
            }
            var k = 0
            while k < maximumOrder && padded[position + k] != 0 {
                if position < refStart { hypInRun[k] += 1 } else { refInRun[k] += 1 }
                k += 1
            }
            previous = position
        }
        for k in 0..<maximumOrder { matches[k] += min(hypInRun[k], refInRun[k]) }
        return matches
    }
}
