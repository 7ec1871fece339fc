/// The word edit distance of hypotheses against one reference of at most `Bits.bitWidth` words (64
/// for `UInt64`, 128 for `UInt128`: TER takes the narrowest that holds the reference), by Myers' bit-vector
/// algorithm (Hyyrö's formulation for whole texts): a row of the edit-distance matrix is held as two
/// bit sets, where it goes up and where it goes down from one reference word to the next, and the
/// next row follows from a few word-wide operations instead of a loop over the reference.
///
/// TER scores every candidate shift by the edit distance of the shifted words, and all candidates of
/// a round have the same length and share their first words with the unshifted ones; the rows of
/// the unshifted words are kept, so a candidate starts from the row of its first moved word. The
/// distances are those of the full matrix, so this stands in for TER's beam only where the beam's
/// distances are the full matrix's: where it covers the whole matrix, or where every path of the
/// round's cost stays inside it (`TranslationEditRate` checks both).
///
/// `Bits`'s requirements are on the extension, not the type: the runtime builds the metadata of
/// the type (and of its rows' array storage) from their mangled names, and would check a
/// constrained type's conformances then, a search of every conformance record (~0.5M instructions
/// once a process for each width). The type is used only where `Bits` is `UInt64` or `UInt128`.
struct BitVectorEditDistance<Bits> {
    /// Where a row goes up (`increases`) and down (`decreases`) by one from reference word to word.
    struct Row {
        var increases: Bits
        var decreases: Bits
    }

    /// For each word id, the reference positions that hold it.
    private let positions: [Bits]
    private let mask: Bits
    /// The rows of the unshifted words: row i after their first i words.
    private var rows: [Row] = []
}

extension BitVectorEditDistance where Bits: FixedWidthInteger & UnsignedInteger {
    /// The low `count` bits set (all of them for a full width): a row's bits for a reference of
    /// `count` words.
    @inline(__always)
    static func lowBits(_ count: Int) -> Bits { count == Bits.bitWidth ? ~0 : (1 &<< count) &- 1 }

    /// The reference's bit vectors, with no words yet (`setWords`).
    init(reference: [UInt32]) {
        precondition(reference.count <= Bits.bitWidth)
        var positions = [Bits](filledWith: 0, count: Int(reference.max() ?? 0) + 1)
        // Written unchecked (no test of uniqueness a word); the shifts are by less than the width, so
        // masking shifts (`&<<`) are the plain ones with no test of their count.
        positions.withUnsafeMutableBufferPointer { positions in
            for (index, word) in reference.enumerated() { positions[Int(word)] |= 1 &<< index }
        }
        self.positions = positions
        mask = Self.lowBits(reference.count)
    }

    /// The bit vectors of a reference of `count` words whose positions are known already (for each
    /// word number, the positions that hold it: `EditRateReference.positions`, made once for every
    /// version): the table shared, not made again; no words yet (`setWords`).
    init(positions: [Bits], count: Int) {
        precondition(count <= Bits.bitWidth)
        self.positions = positions
        mask = Self.lowBits(count)
    }

    init(words: [UInt32], reference: [UInt32]) {
        self.init(reference: reference)
        setWords(words)
    }

    /// Makes `words` the unshifted words: their rows, in the buffer of the last ones (every round
    /// of a search has as many words), written unchecked. `keeping`: how many of the words are the
    /// last unshifted words' (a shift keeps the words before its block or target), whose rows are
    /// kept (row i depends on the first i words alone); ignored where the last words were not as many.
    mutating func setWords(_ words: [UInt32], keeping kept: Int = 0) {
        var kept = kept
        if rows.count != words.count + 1 {
            rows = Array(filledWith: Row(increases: 0, decreases: 0), count: words.count + 1)
            kept = 0
        }
        precondition(kept >= 0 && kept <= words.count)
        let mask = mask
        words.withUnsafeBufferPointer { words in
        positions.withUnsafeBufferPointer { positions in
            rows.withUnsafeMutableBufferPointer { rows in
                // Row 0: the distance of no words to the first j reference words is j, rising all along.
                if kept == 0 { rows[0] = Row(increases: mask, decreases: 0) }
                var row = rows[kept]
                for index in kept..<words.count {
                    let word = Int(words[index])
                    row = Self.next(row, equal: word < positions.count ? positions[word] : 0)
                    rows[index &+ 1] = row
                }
            }
        }
        }
    }

    /// The edit distance of `words` to `reference` (of at most `Bits.bitWidth` words), with no
    /// search made: the bit sets of the reference's words in a temporary buffer, and the rows
    /// kept only one at a time. The distance `init(words:reference:)` finds.
    static func distance(_ words: [UInt32], reference: [UInt32]) -> Int {
        precondition(reference.count <= Bits.bitWidth)
        let mask: Bits = Self.lowBits(reference.count)
        let vocabulary = Int(reference.max() ?? 0) + 1
        let row = withUnsafeTemporaryAllocation(of: Bits.self, capacity: vocabulary) { positions in
            positions.initialize(repeating: 0)
            for (index, word) in reference.enumerated() { positions[Int(word)] |= 1 &<< index }
            return words.withUnsafeBufferPointer { words in
                var row = Row(increases: mask, decreases: 0)
                for word in words {
                    row = next(row, equal: Int(word) < vocabulary ? positions[Int(word)] : 0)
                }
                return row
            }
        }
        return words.count + (row.increases & mask).nonzeroBitCount - (row.decreases & mask).nonzeroBitCount
    }

    /// `distance(words, reference:)` from the reference's positions (`init(positions:count:)`'s), known
    /// already: no table made.
    static func distance(_ words: UnsafeBufferPointer<UInt32>, positions: [Bits], count: Int) -> Int {
        precondition(count <= Bits.bitWidth)
        let mask: Bits = Self.lowBits(count)
        let row = positions.withUnsafeBufferPointer { positions in
            var row = Row(increases: mask, decreases: 0)
            for word in words {
                row = next(row, equal: Int(word) < positions.count ? positions[Int(word)] : 0)
            }
            return row
        }
        return words.count + (row.increases & mask).nonzeroBitCount - (row.decreases & mask).nonzeroBitCount
    }

    /// `distance(words, positions:count:)`, with the rows after each of the words' first i (0 to all)
    /// written into `rows` (room for one more than the words), as `setWords` makes them: a search that
    /// follows takes them (`setRows`) rather than make them again.
    static func distance(_ words: UnsafeBufferPointer<UInt32>, positions: [Bits], count: Int,
                         rows: UnsafeMutableBufferPointer<Row>) -> Int {
        precondition(count <= Bits.bitWidth && rows.count > words.count)
        let mask: Bits = Self.lowBits(count)
        let row = positions.withUnsafeBufferPointer { positions in
            var row = Row(increases: mask, decreases: 0)
            rows[0] = row
            for index in words.indices {
                let word = Int(words[index])
                row = next(row, equal: word < positions.count ? positions[word] : 0)
                rows[index &+ 1] = row
            }
            return row
        }
        return words.count + (row.increases & mask).nonzeroBitCount - (row.decreases & mask).nonzeroBitCount
    }

    /// Makes the words whose rows `rows` are (`distance(_:positions:count:rows:)`'s, one more than
    /// the words) the unshifted words, their rows copied, not made again.
    mutating func setRows(_ rows: UnsafeBufferPointer<Row>) {
        self.rows = Array(rows)
    }

    /// The edit distance of the unshifted words to the reference.
    var distance: Int {
        let row = rows[rows.count - 1]
        return rows.count - 1 + (row.increases & mask).nonzeroBitCount - (row.decreases & mask).nonzeroBitCount
    }

    /// The reference positions that hold `word`, as bits (position j: bit j).
    func referencePositions(of word: UInt32) -> Bits {
        Int(word) < positions.count ? positions[Int(word)] : 0
    }

    /// The row after `row` for one more hypothesis word.
    private static func next(_ row: Row, matching positions: [Bits], _ word: UInt32) -> Row {
        next(row, equal: Int(word) < positions.count ? positions[Int(word)] : 0)
    }

    /// The row after `row` for one more hypothesis word, found at the reference positions `equal`.
    @inline(__always)
    private static func next(_ row: Row, equal: Bits) -> Row {
        let (up, down) = (row.increases, row.decreases)
        let vertical = equal | down
        let horizontal = (((equal & up) &+ up) ^ up) | equal
        // Across the hypothesis word: +1 in the first column (one more word to delete), hence the 1.
        let horizontalUp = (down | ~(horizontal | up)) << 1 | 1
        let horizontalDown = (up & horizontal) << 1
        return Row(increases: horizontalDown | ~(vertical | horizontalUp), decreases: horizontalUp & vertical)
    }

    /// The full matrix's cell (i, j): the distance of the unshifted words' first i to the reference's
    /// first j, the row's first column (i) plus its ups less its downs before column j.
    func cost(_ i: Int, _ j: Int) -> Int {
        let before: Bits = Self.lowBits(j)
        return i + (rows[i].increases & before).nonzeroBitCount - (rows[i].decreases & before).nonzeroBitCount
    }

    /// A walk back along the unshifted words' trace from the last cell, as
    /// `TranslationEditRate.alignment` makes it: `operation(i, j)` is
    /// `TranslationEditRate.operation(words, reference, i, j, cost: cost)`, for cells each one
    /// operation from the one before (the first the last cell). The walk keeps the cost of the
    /// cell it is at, so that a step reads one cell off the rows, not three.
    struct TraceWalk {
        let vectors: BitVectorEditDistance
        /// The cost of the cell the walk is at.
        var cost: Int

        mutating func operation(_ words: [UInt32], _ reference: [UInt32], _ i: Int, _ j: Int) -> TranslationEditRate.Operation {
            if i == 0 { cost = j - 1; return .insert }
            if j == 0 { cost = i - 1; return .delete }
            let above = vectors.rows[i - 1], here = vectors.rows[i]
            let bit: Bits = 1 &<< (j &- 1), through = bit | (bit &- 1)
            // (i - 1, j) counted off row i - 1; (i - 1, j - 1) and (i, j - 1) one step left of it and of here.
            let up = i - 1 + (above.increases & through).nonzeroBitCount - (above.decreases & through).nonzeroBitCount
            let diagonal = up - (above.increases & bit != 0 ? 1 : 0) + (above.decreases & bit != 0 ? 1 : 0)
            let left = cost - (here.increases & bit != 0 ? 1 : 0) + (here.decreases & bit != 0 ? 1 : 0)
            let same = words[i - 1] == reference[j - 1]
            var best = diagonal + (same ? 0 : 1)
            var operation: TranslationEditRate.Operation = same ? .match : .substitute
            var next = diagonal
            if up + 1 < best { best = up + 1; operation = .delete; next = up }
            if left + 1 < best { operation = .insert; next = left }
            cost = next
            return operation
        }
    }

    /// A walk along the unshifted words' trace, from the last cell: the plain way `trace` reads it in one
    /// loop, kept as the tests' reference for `trace` (the search itself calls `trace`).
    var traceWalk: TraceWalk { TraceWalk(vectors: self, cost: distance) }

    /// The unshifted words' trace, walked back once from the last cell with `TraceWalk`'s operations,
    /// written as TER's shift search reads it, into one buffer (one array made for a search, not
    /// three): for each reference position the hypothesis position it meets
    /// (`TranslationEditRate.alignment`'s `align`), from `spans[0]`; then for each position of the
    /// hypothesis (and one past its last), the first position at or after it that is in error (its
    /// length if none is), from `spans[referenceCount]`; then the same for the reference, from
    /// `spans[referenceCount + words.count + 1]`. The reference's positions in error are returned as bits.
    ///
    /// A step reads its three neighbours' costs off single bits, not counts of bits (the build
    /// has no instruction for those): the cell above is the cell's cost less the step between the
    /// two rows at its column, which `next` makes on the way (`horizontalUp`/`horizontalDown` before
    /// their shift) and which is made again here from the row above and the word's positions. Every
    /// position of both sides is passed once, so every entry is written, none filled first.
    func trace(_ words: [UInt32], referenceCount: Int, into spans: inout [Int]) -> Bits {
        let count = words.count
        precondition(rows.count == count + 1 && referenceCount <= Bits.bitWidth)
        let size = referenceCount + count + 1 + referenceCount + 1
        if spans.count != size { spans = Array(filledWith: 0, count: size) }
        var refErrors: Bits = 0
        var cost = distance
        words.withUnsafeBufferPointer { words in
        positions.withUnsafeBufferPointer { positions in
        rows.withUnsafeBufferPointer { rows in
        spans.withUnsafeMutableBufferPointer { spans in
            let align = spans.baseAddress!, hypAfter = align + referenceCount, refAfter = hypAfter + count + 1
            var i = count, j = referenceCount
            hypAfter[i] = i
            refAfter[j] = j
            while i > 0 && j > 0 {
                let above = rows[i &- 1], here = rows[i]
                let word = Int(words[i &- 1])
                let equal = word < positions.count ? positions[word] : 0
                let bit: Bits = 1 &<< (j &- 1)
                let horizontal = (((equal & above.increases) &+ above.increases) ^ above.increases) | equal
                let stepUp = (above.decreases | ~(horizontal | above.increases)) & bit != 0
                let stepDown = above.increases & horizontal & bit != 0
                // (i - 1, j) from (i, j) by the step between the rows; (i - 1, j - 1) and (i, j - 1)
                // one column left of it and of here.
                let up = cost &- (stepUp ? 1 : 0) &+ (stepDown ? 1 : 0)
                let diagonal = up &- (above.increases & bit != 0 ? 1 : 0) &+ (above.decreases & bit != 0 ? 1 : 0)
                let left = cost &- (here.increases & bit != 0 ? 1 : 0) &+ (here.decreases & bit != 0 ? 1 : 0)
                let same = equal & bit != 0
                // `TranslationEditRate.operation`'s choice: a match or substitution first, then a
                // deletion, then an insertion, each only when strictly cheaper.
                var best = diagonal &+ (same ? 0 : 1)
                var deletes = false, inserts = false
                if up &+ 1 < best { best = up &+ 1; deletes = true }
                if left &+ 1 < best { inserts = true }
                if inserts {  // a reference word without a hypothesis word
                    j &-= 1
                    align[j] = i &- 1
                    refAfter[j] = j
                    refErrors |= bit
                    cost = left
                } else if deletes {  // a hypothesis word without a reference word
                    i &-= 1
                    hypAfter[i] = i
                    cost = up
                } else {
                    i &-= 1
                    j &-= 1
                    align[j] = i
                    if same {
                        hypAfter[i] = hypAfter[i &+ 1]
                        refAfter[j] = refAfter[j &+ 1]
                    } else {
                        hypAfter[i] = i
                        refAfter[j] = j
                        refErrors |= bit
                    }
                    cost = diagonal
                }
            }
            // The first row or column: the words left on the other side, inserted or deleted.
            while j > 0 {
                j &-= 1
                align[j] = -1
                refAfter[j] = j
                refErrors |= 1 &<< j
            }
            while i > 0 {
                i &-= 1
                hypAfter[i] = i
            }
        }
        }
        }
        }
        return refErrors
    }

    /// The edit distance of `hypothesis` (as long as the unshifted words, and equal to them in the
    /// first `sharedRows` words) to the reference.
    func distance(_ hypothesis: [UInt32], sharedRows: Int) -> Int {
        var row = rows[sharedRows]
        for word in hypothesis[sharedRows...] { row = Self.next(row, matching: positions, word) }
        // The last column: the hypothesis length (the first column) plus the ups, less the downs.
        return hypothesis.count + (row.increases & mask).nonzeroBitCount - (row.decreases & mask).nonzeroBitCount
    }

    /// The edit distance to the reference of the unshifted words with the block of `length` at
    /// `start` moved to `target`, as `TranslationEditRate.perform` moves it (Python's clamped slices),
    /// without making the moved words: the rows go on from the row of the words before the block or
    /// the target (shared with the unshifted words) over the other three runs the move joins.
    ///
    /// The third run is the unshifted words' own last words, at their own positions: where the row
    /// before it is the unshifted words' row there, the rows after it are theirs too, and the
    /// distance is the unshifted words' (`distance`), with the run not gone over. The runs are read
    /// through buffers (no test of an array's bounds or uniqueness a word).
    func distance(_ words: [UInt32], shifting start: Int, length: Int, to target: Int) -> Int {
        let end = words.count
        // (The rows are read unchecked below: they must be the unshifted words', one a word and the first.)
        precondition(rows.count == end + 1, "the rows of the unshifted words")
        func clamped(_ from: Int, _ to: Int) -> Range<Int> {
            let a = min(max(0, from), end), b = min(max(0, to), end)
            return a < b ? a..<b : a..<a
        }
        // The first run, from 0, is the shared rows.
        let runs: (Range<Int>, Range<Int>, Range<Int>)
        let sharedRows: Int
        if target < start {
            sharedRows = clamped(0, target).count
            runs = (clamped(start, start + length), clamped(target, start), clamped(start + length, end))
        } else if target > start + length {
            sharedRows = clamped(0, start).count
            runs = (clamped(start + length, target), clamped(start, start + length), clamped(target, end))
        } else {
            sharedRows = clamped(0, start).count
            runs = (clamped(start + length, length + target), clamped(start, start + length), clamped(length + target, end))
        }
        let count = sharedRows + runs.0.count + runs.1.count + runs.2.count
        return words.withUnsafeBufferPointer { words in
            positions.withUnsafeBufferPointer { positions in
                rows.withUnsafeBufferPointer { rows in
                    @inline(__always) func step(_ row: Row, _ index: Int) -> Row {
                        let word = Int(words[index])
                        return Self.next(row, equal: word < positions.count ? positions[word] : 0)
                    }
                    var row = rows[sharedRows]
                    for index in runs.0 { row = step(row, index) }
                    for index in runs.1 { row = step(row, index) }
                    // The third run starts where the unshifted words are again: at the same row, the same distance.
                    let here = sharedRows + runs.0.count + runs.1.count
                    if count == end && runs.2.lowerBound == here {
                        let kept = rows[here]
                        if kept.increases == row.increases && kept.decreases == row.decreases {
                            let last = rows[end]
                            return end + (last.increases & mask).nonzeroBitCount - (last.decreases & mask).nonzeroBitCount
                        }
                    }
                    for index in runs.2 { row = step(row, index) }
                    return count + (row.increases & mask).nonzeroBitCount - (row.decreases & mask).nonzeroBitCount
                }
            }
        }
    }
}
