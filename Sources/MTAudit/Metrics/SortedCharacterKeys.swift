/// A reference's character n-grams for chrF sorted once, so that each hypothesis sorts its own alone:
/// `SharedNGrams.matchLanes` of a hypothesis against the reference, the same matches order for order.
///
/// Why: the radix sort of `SharedNGrams` sorts the positions of both texts together, six passes
/// over every position for each version, though the reference's half is the same for every version
/// of a source. Here each position's n-gram of up to six characters is packed into a 64-bit key,
/// its numbers plus one as digits of 10 bits from the top, so that keys sort as the n-grams do, and
/// two neighbours share as many leading characters as their keys have leading zero bits in common,
/// divided by 10. The reference's keys are sorted when its text is prepared (kept in its document's
/// memo, for every version); a hypothesis's keys are sorted on their own, and the two sorted runs are
/// merged while the runs of equal n-grams are counted, as `SharedNGrams.countRuns16` counts them.
///
/// Where a sequence ends, its n-grams read a padding digit (0 in the hypothesis, 1023 in the
/// reference), which no character's digit and not the other's padding equals: as `SharedNGrams`
/// pads, no n-gram that runs into a padding is shared. Bit 0 of a key marks the reference's.
/// Applies to alphabets of up to 1,022 characters (the two texts' distinct ones) and fewer than
/// `maximumPositions` positions; elsewhere nil, and the caller sorts (`SharedNGrams`).
struct SortedCharacterKeys: Sendable {
    /// The digits of a key: six orders of 10 bits, from the top.
    static let orders = 6
    private static let bits = 10
    private static let top = UInt64(64 - bits)
    private static let keyMask: UInt64 = ~0 << UInt64(64 - orders * bits)
    private static let referencePadding: UInt64 = 1 << UInt64(bits) - 1
    /// The most characters a numbering may have: every number plus one below the reference's padding.
    static let maximumAlphabet = Int(referencePadding) - 1
    /// The most positions of both texts (fewer than 2¹⁵, for 16-bit counts): in longer texts the
    /// buckets are large at every digit, and sorting them digit after digit costs more than the radix
    /// sort of both texts (about as much for texts of 5,000 characters, in `articles.jsonl`).
    static let maximumPositions = 1 << 12
    /// Buckets of up to this many keys are sorted by insertion.
    private static let insertionLimit = 16

    /// The reference's keys, sorted (bit 0 set).
    let keys: [UInt64]

    /// The keys of `reference`'s characters (numbers below `alphabetSize`); nil where the alphabet is
    /// too large for the digits.
    init?(reference: [UInt32], alphabetSize: Int) {
        guard alphabetSize <= Self.maximumAlphabet else { return nil }
        var keys = [UInt64](filledWith: 0, count: reference.count)
        keys.withUnsafeMutableBufferPointer { keys in
            reference.withUnsafeBufferPointer { reference in
                Self.sortedKeys(of: reference, padding: Self.referencePadding, side: 1, alphabetSize: alphabetSize, into: keys)
            }
        }
        self.keys = keys
    }

    /// `SharedNGrams.matchLanes(hypothesis, reference, alphabetSize:maximumOrder:)` of the reference
    /// these keys are of, for orders up to 6; nil where the alphabet or the count of positions is
    /// too large (see the type).
    func matchLanes(_ hypothesis: UnsafeBufferPointer<UInt32>, alphabetSize: Int, maximumOrder: Int) -> SIMD8<UInt32>? {
        precondition(maximumOrder >= 1 && maximumOrder <= Self.orders)
        guard alphabetSize <= Self.maximumAlphabet, hypothesis.count + keys.count < Self.maximumPositions else { return nil }
        if hypothesis.isEmpty || keys.isEmpty { return SIMD8() }
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: hypothesis.count) { hypKeys in
            Self.sortedKeys(of: hypothesis, padding: 0, side: 0, alphabetSize: alphabetSize, into: hypKeys)
            return keys.withUnsafeBufferPointer { refKeys in
                Self.countRuns(UnsafeBufferPointer(hypKeys), refKeys, maximumOrder: maximumOrder)
            }
        }
    }

    /// The keys of `numbers` (below `alphabetSize`), sorted, into `keys` (as many): a sequence's
    /// n-grams read `padding` digits past its end, and its keys have `side` in bit 0.
    ///
    /// Each key is made from the next position's, shifted down one digit with this position's number
    /// plus one on top, from the last position back, and put straight into the bucket of its first
    /// digit (counted first); then each bucket is sorted, by insertion when small, else by its next
    /// digit in turn (`sortBucket`).
    private static func sortedKeys(of numbers: UnsafeBufferPointer<UInt32>, padding: UInt64, side: UInt64,
                                   alphabetSize: Int, into keys: UnsafeMutableBufferPointer<UInt64>) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: alphabetSize + 2) { next in
            // The first digit is a number plus one, 1...alphabetSize: where each one's bucket starts.
            next.update(repeating: 0)
            for number in numbers { next[Int(number) &+ 1] &+= 1 }
            var start: UInt32 = 0
            for digit in 0...alphabetSize {
                let count = next[digit]
                next[digit] = start
                start &+= count
            }
            var key: UInt64 = 0
            for place in 0..<orders { key |= padding << (top &- UInt64(place &* bits)) }
            for index in numbers.indices.reversed() {
                let digit = Int(numbers[index]) &+ 1
                key = (key >> UInt64(bits) | UInt64(digit) << top) & keyMask
                keys[Int(next[digit])] = key | side
                next[digit] &+= 1
            }
            // `next[digit]` is now where the digit's bucket ends.
            var low = 0
            for digit in 1..<(alphabetSize &+ 1) {
                let high = Int(next[digit])
                if high &- low > 1 { sortBucket(keys, low, high, depth: 1, alphabetSize: alphabetSize) }
                low = high
            }
        }
    }

    /// Sorts `keys[low..<high]`, which share their first `depth` digits: by insertion when they are
    /// few, else by a counting pass on the next digit and each new bucket in turn. A digit's bucket
    /// is the digit itself, but the reference's padding's comes after every number plus one.
    private static func sortBucket(_ keys: UnsafeMutableBufferPointer<UInt64>, _ low: Int, _ high: Int, depth: Int,
                                   alphabetSize: Int) {
        // Keys with every digit alike are equal but for their side, whose order counts for nothing.
        if depth >= orders { return }
        if high &- low <= insertionLimit {
            var index = low &+ 1
            while index < high {
                let key = keys[index]
                var hole = index
                while hole > low && keys[hole &- 1] > key {
                    keys[hole] = keys[hole &- 1]
                    hole &-= 1
                }
                keys[hole] = key
                index &+= 1
            }
            return
        }
        let shift = UInt64(64 &- (depth &+ 1) &* bits), buckets = alphabetSize &+ 2
        @inline(__always) func bucket(_ key: UInt64) -> Int {
            let digit = Int(key >> shift & referencePadding)
            return digit == Int(referencePadding) ? buckets &- 1 : digit
        }
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: buckets) { next in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: high &- low) { scratch in
                next.update(repeating: 0)
                for index in low..<high { next[bucket(keys[index])] &+= 1 }
                var offset: UInt32 = 0
                for digit in 0..<buckets {
                    let count = next[digit]
                    next[digit] = offset
                    offset &+= count
                }
                for index in low..<high {
                    let key = keys[index], digit = bucket(key)
                    scratch[Int(next[digit])] = key
                    next[digit] &+= 1
                }
                for index in 0..<(high &- low) { keys[low &+ index] = scratch[index] }
                // `next[digit]` is now where the digit's bucket ends, from `low`.
                var start = low
                for digit in 0..<buckets {
                    let end = low &+ Int(next[digit])
                    if end &- start > 1 { sortBucket(keys, start, end, depth: depth &+ 1, alphabetSize: alphabetSize) }
                    start = end
                }
            }
        }
    }

    /// The matches of each order, from the two sorted runs merged, as `SharedNGrams.countRuns16`
    /// counts them in 16-bit lanes: the runs of the orders past the digits two neighbours share end there.
    private static func countRuns(_ hyp: UnsafeBufferPointer<UInt64>, _ ref: UnsafeBufferPointer<UInt64>,
                                  maximumOrder: Int) -> SIMD8<UInt32> {
        typealias Counts = SIMD8<Int16>
        let lanes = Counts(0, 1, 2, 3, 4, 5, 6, 7)
        var hypInRun = Counts(), refInRun = Counts(), matched = Counts()
        // Looked up, not made at each position (a broadcast and a comparison; a branch): for each
        // count of shared digits (0...6) the lanes whose runs end (all bits set) and those that go
        // on; for each side (bit 0 of a key) what its key adds to the hypothesis's counts and to the
        // reference's. The count is not cut to the maximum order: the lanes past it, whose runs it
        // changes, are cleared at the end.
        let sides = orders &+ 1
        withUnsafeTemporaryAllocation(of: Counts.self, capacity: 2 * sides + 4) { table in
            for shared in 0..<sides {
                let ending = Counts(repeating: -1).replacing(with: 0, where: lanes .< Counts(repeating: Int16(shared)))
                table[shared] = ending
                table[sides &+ shared] = ~ending
            }
            let one = Counts(repeating: 1), increments = 2 &* sides
            (table[increments], table[increments &+ 1], table[increments &+ 2], table[increments &+ 3]) = (one, Counts(), Counts(), one)
            var i = 0, j = 0
            var previous = min(hyp[0], ref[0])
            while i < hyp.count || j < ref.count {
                let key: UInt64
                if j == ref.count || (i < hyp.count && hyp[i] <= ref[j]) {
                    key = hyp[i]
                    i &+= 1
                } else {
                    key = ref[j]
                    j &+= 1
                }
                // The digits the two keys share (the side's bit counts as none): 63 / 10 = 6 when all do.
                let shared = (previous ^ key).leadingZeroBitCount / bits
                let ending = table[shared], going = table[sides &+ shared]
                // (The smaller count written out, not `pointwiseMin`: a second caller of its specialization
                // made the compiler call it, not inline it, in `SharedNGrams.countRuns16` too.)
                matched &+= hypInRun.replacing(with: refInRun, where: refInRun .< hypInRun) & ending
                let side = increments &+ 2 &* Int(truncatingIfNeeded: key & 1)
                hypInRun = hypInRun & going &+ table[side]
                refInRun = refInRun & going &+ table[side &+ 1]
                previous = key
            }
        }
        matched &+= hypInRun.replacing(with: refInRun, where: refInRun .< hypInRun)
        // The lanes past the maximum order counted runs of nothing.
        matched.replace(with: 0, where: lanes .>= Counts(repeating: Int16(truncatingIfNeeded: maximumOrder)))
        return SIMD8<UInt32>(truncatingIfNeeded: matched)
    }
}
