/// sacreBLEU's clipped n-gram matches: for each order up to a maximum, how many n-grams two sequences
/// (a text's characters or words, as small integers) share, each counted as often as both have it.
///
/// The positions of both sequences are sorted together by the n-gram of the maximum order that
/// starts there (shorter near a sequence's end), by a radix sort on the elements: the n-grams of every
/// order then lie in runs of equal prefixes, and one pass over the sorted positions adds, for each
/// run, the smaller of the two sequences' counts. No hashing and no comparison sort; and no counting
/// pass per place: the elements read at a place are those of both sequences but the first few of
/// each, so each place's counts follow from one histogram.
enum SharedNGrams {
    /// A count per order (lane k: order k + 1), updated for all orders at once.
    private typealias Lanes = SIMD8<UInt32>

    /// `hyp` and `ref` hold numbers below `alphabetSize`. Positions, elements and counts are 32-bit
    /// and added without overflow checks (texts are far below 2³² characters), in one buffer.
    static func matches(_ hyp: [UInt32], _ ref: [UInt32], alphabetSize: Int, maximumOrder: Int) -> [Int] {
        let matches = matchLanes(hyp, ref, alphabetSize: alphabetSize, maximumOrder: maximumOrder)
        return (0..<maximumOrder).map { Int(matches[$0]) }
    }

    /// `matches` in the lanes of a vector (lane k: order k + 1; 0 past the maximum order): no array made.
    static func matchLanes(_ hyp: [UInt32], _ ref: [UInt32], alphabetSize: Int, maximumOrder: Int) -> SIMD8<UInt32> {
        hyp.withUnsafeBufferPointer { hyp in
            ref.withUnsafeBufferPointer { ref in
                matchLanes(hyp, ref, alphabetSize: alphabetSize, maximumOrder: maximumOrder)
            }
        }
    }

    /// `matchLanes` of numbers the caller holds in buffers (a version's, numbered into temporary
    /// memory with no array made).
    static func matchLanes(_ hyp: UnsafeBufferPointer<UInt32>, _ ref: UnsafeBufferPointer<UInt32>,
                           alphabetSize: Int, maximumOrder: Int) -> SIMD8<UInt32> {
        precondition(maximumOrder <= Lanes.scalarCount, "orders beyond \(Lanes.scalarCount) are not supported")
        if hyp.isEmpty || ref.isEmpty { return Lanes() }
        // Both sequences one after the other, each element plus one and each sequence followed by
        // `maximumOrder` times its padding (0 after the hypothesis, `refPadding` after the
        // reference): an n-gram near a sequence's end reads its padding where it has no elements,
        // and no n-gram runs into the other sequence.
        // Then, in the same buffer (one allocation), the positions to sort, the buffer each pass
        // sorts into, the histogram of the elements (plus one) of both sequences, and the counts of
        // each element at a place.
        let refStart = hyp.count + maximumOrder
        let paddedCount = refStart + ref.count + maximumOrder, total = hyp.count + ref.count
        // 0 for the hypothesis's padding, then each element plus one, then the reference's padding.
        let keys = alphabetSize + 2
        let refPadding = UInt32(truncatingIfNeeded: alphabetSize + 1)
        // Uninitialized but for the padding and the histogram: every other element is written before
        // it is read. Temporary: on the stack when it is small (a sentence's), no allocation.
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: paddedCount + 2 * total + keys + keys + 1) { all in
            UnsafeMutableBufferPointer(rebasing: all[hyp.count..<refStart]).update(repeating: 0)
            UnsafeMutableBufferPointer(rebasing: all[(refStart + ref.count)..<paddedCount]).update(repeating: refPadding)
            let histogram = UnsafeMutableBufferPointer(rebasing: all[(paddedCount + 2 * total)..<(paddedCount + 2 * total + keys)])
            histogram.update(repeating: 0)
            for (index, element) in hyp.enumerated() { all[index] = element &+ 1; histogram[Int(element) &+ 1] &+= 1 }
            for (index, element) in ref.enumerated() { all[refStart + index] = element &+ 1; histogram[Int(element) &+ 1] &+= 1 }
            let padded = UnsafeBufferPointer(rebasing: all[0..<paddedCount])
            let scratch = UnsafeMutableBufferPointer(rebasing: all[paddedCount...])
            var order = UnsafeMutableBufferPointer(rebasing: scratch[0..<total])
            var sorted = UnsafeMutableBufferPointer(rebasing: scratch[total..<2 * total])
            let counts = UnsafeMutableBufferPointer(rebasing: scratch[(2 * total + keys)...])
            for index in 0..<hyp.count { order[index] = UInt32(truncatingIfNeeded: index) }
            for index in 0..<ref.count { order[hyp.count + index] = UInt32(truncatingIfNeeded: refStart + index) }
            // Least significant place first, each pass a stable counting sort from one buffer into
            // the other.
            for place in (0..<maximumOrder).reversed() {
                // At this place a sequence of n elements reads its elements from the place-th on and
                // min(place, n) times its padding: each key's count, one place up, then summed into
                // where the key's positions begin.
                counts[0] = 0
                for key in 0..<keys { counts[key &+ 1] = histogram[key] }
                for index in 0..<min(place, hyp.count) {
                    counts[Int(padded[index]) &+ 1] &-= 1
                    counts[1] &+= 1
                }
                for index in refStart..<refStart + min(place, ref.count) {
                    counts[Int(padded[index]) &+ 1] &-= 1
                    counts[Int(refPadding) &+ 1] &+= 1
                }
                for index in 1...keys { counts[index] &+= counts[index - 1] }
                for position in order {
                    let key = Int(padded[Int(position) &+ place])
                    sorted[Int(counts[key])] = position
                    counts[key] &+= 1
                }
                swap(&order, &sorted)
            }
            // Counts fit 16-bit lanes when there are fewer positions than 2¹⁵: no run and no
            // order's matches count more.
            if total < 1 << 15 {
                return countRuns16(UnsafeBufferPointer(order), padded, refStart: refStart, maximumOrder: maximumOrder)
            }
            // A long text's positions lie in blocks by their first element (the last place sorted),
            // and every run of every order ends where a block does: each block's matches are counted
            // on their own, in 16-bit lanes when it holds fewer than 2¹⁵ positions (all but the
            // commonest letters'), and added. The same runs, the same sums.
            var matched = Lanes(), start = 0
            for key in 0..<keys where histogram[key] > 0 {
                let block = UnsafeBufferPointer(rebasing: UnsafeBufferPointer(order)[start..<start + Int(histogram[key])])
                matched &+= block.count < 1 << 15 ? countRuns16(block, padded, refStart: refStart, maximumOrder: maximumOrder)
                    : countRuns32(block, padded, refStart: refStart, maximumOrder: maximumOrder)
                start += block.count
            }
            return matched
        }
    }

    /// The matches of each order, from the positions sorted by their n-grams (`order`), counted
    /// in 16-bit lanes (lane k: order k + 1; one SSE register, whose minimum is one instruction):
    /// for fewer than 2¹⁵ positions, so that no count overflows. `countRuns32` is the same pass in
    /// 32-bit lanes, for more (written out twice: made generic over the lanes, it runs at half the speed).
    ///
    /// Runs: the run of an n-gram of order k ends where the next position shares fewer than k
    /// elements with it. Each order's count of hypothesis and reference positions in its current
    /// run, and its matches so far. Every position counts in every order: where a sequence ends,
    /// its n-grams read its own padding, which no element and not the other's padding equals, so
    /// such an n-gram's run holds positions of one sequence alone, and adds no match.
    private static func countRuns16(_ order: UnsafeBufferPointer<UInt32>, _ padded: UnsafeBufferPointer<UInt32>,
                                    refStart: Int, maximumOrder: Int) -> SIMD8<UInt32> {
        precondition(order.count < 1 << 15)
        typealias Counts = SIMD8<Int16>
        let lanes = Counts(0, 1, 2, 3, 4, 5, 6, 7)
        var hypInRun = Counts(), refInRun = Counts(), matched = Counts()
        // Looked up, not made at each position (a broadcast and a comparison; a branch): for each
        // count of shared elements (0...8) the lanes whose runs end (all bits set) and those that go
        // on; for each side (0: the hypothesis, 1: the reference) what its position adds to the
        // hypothesis's counts and to the reference's.
        return withUnsafeTemporaryAllocation(of: Counts.self, capacity: 2 * 9 + 4) { table in
            for shared in 0...8 {
                let ending = Counts(repeating: -1).replacing(with: 0, where: lanes .< Counts(repeating: Int16(shared)))
                table[shared] = ending
                table[9 &+ shared] = ~ending
            }
            let one = Counts(repeating: 1)
            (table[18], table[19], table[20], table[21]) = (one, Counts(), Counts(), one)
            var previous = Int(order[0])
            for position in order {
                let position = Int(position)
                let shared = sharedCount(padded, previous, position, maximumOrder: maximumOrder)
                // The runs of the orders past those shared end: their matches are counted, and they
                // start again at 0.
                let ending = table[shared], going = table[9 &+ shared]
                matched &+= pointwiseMin(hypInRun, refInRun) & ending
                let side = position < refStart ? 18 : 20
                hypInRun = hypInRun & going &+ table[side]
                refInRun = refInRun & going &+ table[side &+ 1]
                previous = position
            }
            matched &+= pointwiseMin(hypInRun, refInRun)
            // The lanes past the maximum order counted runs of nothing.
            matched.replace(with: 0, where: lanes .>= Counts(repeating: Int16(truncatingIfNeeded: maximumOrder)))
            return SIMD8<UInt32>(truncatingIfNeeded: matched)
        }
    }

    /// How many elements (at most `maximumOrder`) the n-grams at positions `a` and `b` of `padded`
    /// share from their start: compared two at a time, as one 64-bit number each (the first element
    /// in the low half), the first that differs told by the lowest bit set in their difference. Half
    /// the comparisons and branches of comparing each element (neighbours in the sorted order share
    /// several). The last pair of an odd order reads one element past the n-gram; at the last
    /// position of the reference that is the element just past `padded`, which `matchLanes`'s one
    /// allocation holds (its sort buffers follow), and whatever it is the count is cut to the order.
    @inline(__always)
    private static func sharedCount(_ padded: UnsafeBufferPointer<UInt32>, _ a: Int, _ b: Int, maximumOrder: Int) -> Int {
        let raw = UnsafeRawPointer(padded.baseAddress!)
        var shared = 0
        while true {
            let difference = raw.loadUnaligned(fromByteOffset: (a &+ shared) &* 4, as: UInt64.self)
                ^ raw.loadUnaligned(fromByteOffset: (b &+ shared) &* 4, as: UInt64.self)
            if difference != 0 {
                shared &+= difference.trailingZeroBitCount &>> 5
                break
            }
            shared &+= 2
            if shared >= maximumOrder { break }
        }
        return min(shared, maximumOrder)
    }

    /// `countRuns16` in 32-bit lanes, for 2¹⁵ positions or more.
    private static func countRuns32(_ order: UnsafeBufferPointer<UInt32>, _ padded: UnsafeBufferPointer<UInt32>,
                                    refStart: Int, maximumOrder: Int) -> SIMD8<UInt32> {
        typealias Counts = SIMD8<UInt32>
        let lanes = Counts(0, 1, 2, 3, 4, 5, 6, 7)
        var hypInRun = Counts(), refInRun = Counts(), matched = Counts()
        let one = Counts(repeating: 1)
        var previous = Int(order[0])
        for position in order {
            let position = Int(position)
            let shared = sharedCount(padded, previous, position, maximumOrder: maximumOrder)
            let ending = lanes .>= Counts(repeating: UInt32(truncatingIfNeeded: shared))
            matched &+= pointwiseMin(hypInRun, refInRun).replacing(with: 0, where: .!ending)
            hypInRun.replace(with: 0, where: ending)
            refInRun.replace(with: 0, where: ending)
            if position < refStart { hypInRun &+= one } else { refInRun &+= one }
            previous = position
        }
        matched &+= pointwiseMin(hypInRun, refInRun)
        matched.replace(with: 0, where: lanes .>= Counts(repeating: UInt32(truncatingIfNeeded: maximumOrder)))
        return matched
    }
}
