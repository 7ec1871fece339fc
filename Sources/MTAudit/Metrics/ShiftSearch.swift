/// TER's search for the shift that lowers the edit distance most, round after round on one pair
/// (sacreBLEU's `_shift`, Tercom's heuristics): what depends on the reference alone, and on the
/// hypothesis's length, which shifts keep, is made once for all rounds, and each round refills the
/// same buffers.
///
/// Where the beam covers the whole matrix (references of up to about 25 words, the beam's width:
/// most sentence pairs; the bit vectors themselves hold up to `Bits.bitWidth`), the unshifted words
/// and every candidate are scored by bit vectors, and the trace is read off the bit vectors' rows.
/// So are they, for references the bit vectors hold, in a round whose words are close enough to the reference
/// that every path of their cost lies inside the beam (`TranslationEditRate.costWithinBeam`): the
/// beam's distance and trace are then the full matrix's, and a candidate that the bit vectors
/// score above that cost would lengthen the words' distance in the beam too. Elsewhere the words
/// are scored by the beam's matrix, and a candidate goes to the beam only if the full matrix's
/// distance (bit vectors), which is never above the beam's, leaves it a chance to be the best.
///
/// `Bits` is the bit vectors' word: `UInt64` for references of up to 64 words (and for those of
/// more than 128, which no bit vectors hold), `UInt128` for 65 to 128 words, whose candidates the
/// bit vectors' bound then spares the beam's rows (~32K instructions each), as it does for shorter
/// references. The two widths' distances are the same (the full matrix's). Its requirements are on
/// the extension, not the type, as `BitVectorEditDistance`'s are (the runtime would check them when
/// it builds the type's metadata from its mangled name, to destroy a search).
struct ShiftSearch<Bits> {
    /// A shift of the block of `length` words at `start` to `target`, and how much it lowers the distance.
    struct Candidate {
        let gain: Int
        let length: Int
        let start: Int
        let target: Int

        /// Tercom's preference: most gain, then the longest block, the earliest block, the earliest target.
        func isBetter(than other: Candidate) -> Bool {
            if gain != other.gain { return gain > other.gain }
            if length != other.length { return length > other.length }
            if start != other.start { return start < other.start }
            if target != other.target { return target < other.target }
            return false
        }
    }

    private typealias TER = TranslationEditRate

    private let ref: [UInt32]
    /// The hypothesis's length, every round's.
    private let count: Int
    /// The reference positions of word w: `positions[firsts[w]..<firsts[w + 1]]`, in order; for
    /// references of more than `Bits.bitWidth` words (shorter ones have them as the bit vectors' bit sets).
    private let firsts: [Int], positions: [Int]
    /// The full matrix's distances, for references of up to `Bits.bitWidth` words.
    private var bitVectors: BitVectorEditDistance<Bits>?
    /// Whether the beam covers the whole matrix, so that the bit vectors' distances are TER's.
    private let exact: Bool
    /// The highest full distance of a round's words at which the bit vectors' distances and trace
    /// are the beam's all the same (`TranslationEditRate.costWithinBeam`).
    private let costWithinBeam: Int
    /// The round's alignment and, for each position of the hypothesis and of the reference, the
    /// first error at or after it (what a block needs to be a candidate, in one read), one after
    /// another as `BitVectorEditDistance.trace` writes them.
    private var spans: [Int] = []
    /// `TranslationEditRate.alignment`'s buffers, in rounds scored by the beam's matrix.
    private var align: [Int] = [], refErrors: [Bool] = [], hypErrors: [Bool] = []
    /// The beam's matrix of the last round's words, and how many of its rows (after row 0) hold
    /// for this round's words: those of the words before the last shift's block or target (so do
    /// the bit vectors' rows).
    private var matrix: TER.Matrix?, matrixRows = 0
    /// Buffers for the beam's candidates.
    private var shifted: [UInt32] = [], rows = TER.DistanceRows()
    /// The least distance any order of the words can have (`lowestDistance`), made at the first
    /// round (shifts only reorder the words); -1 before it.
    private var leastDistance = -1
}

extension ShiftSearch where Bits: FixedWidthInteger & UnsignedInteger {
    /// `leastDistance`: `lowestDistance` of the words, where known already (-1 where not).
    /// `positions`: the bit vectors' table of the reference, where made already for every version
    /// (`EditRateReference.positions`), for a reference the bit vectors hold; nil to make it here.
    init(count: Int, reference ref: [UInt32], leastDistance: Int = -1, positions: [Bits]? = nil) {
        // Every property made first, then each set once: set one by one around an early return, the
        // struct was built in a temporary, copied out and destroyed (~1K instructions a search).
        let bitVectors = ref.count > Bits.bitWidth ? nil
            : positions.map { BitVectorEditDistance<Bits>(positions: $0, count: ref.count) } ?? BitVectorEditDistance<Bits>(reference: ref)
        let (firsts, positions) = bitVectors == nil ? Self.referencePositions(ref) : ([], [])
        self.ref = ref
        self.count = count
        self.firsts = firsts
        self.positions = positions
        self.exact = bitVectors != nil && TER.beamCoversMatrix(count: count, columns: ref.count + 1)
        self.costWithinBeam = TER.costWithinBeam(count: count, columns: ref.count + 1)
        self.bitVectors = bitVectors
        self.leastDistance = leastDistance
    }

    /// The rows of the first round's words (`BitVectorEditDistance.distance(_:positions:count:rows:)`'s),
    /// made already: its bit vectors start from them, with none made again.
    mutating func setFirstRows(_ rows: UnsafeBufferPointer<BitVectorEditDistance<Bits>.Row>) {
        precondition(bitVectors != nil && rows.count == count + 1)
        bitVectors!.setRows(rows)
        matrixRows = count
    }

    /// The reference positions of each word (`firsts` and `positions`), for references the bit
    /// vectors do not hold.
    private static func referencePositions(_ ref: [UInt32]) -> (firsts: [Int], positions: [Int]) {
        let vocabulary = Int(ref.max() ?? 0) + 1
        // Each word's count, summed into where its positions end, then (filled from the last
        // position back) where they begin; the last entry stays the reference's length.
        var firsts = [Int](filledWith: 0, count: vocabulary + 1)
        for word in ref { firsts[Int(word)] += 1 }
        for word in 0..<vocabulary { firsts[word + 1] += firsts[word] }
        var positions = [Int](filledWith: 0, count: ref.count)
        for index in ref.indices.reversed() {
            let word = Int(ref[index])
            firsts[word] -= 1
            positions[firsts[word]] = index
        }
        return (firsts, positions)
    }

    /// The edit distance of `words` before any shift; the shift that lowers it most (nil if none
    /// does, or nothing is in error), and the candidates counted so far. `prunes: false` scores
    /// every candidate, in the beam where it does not cover the matrix (the plain search, for tests).
    mutating func bestShift(_ words: [UInt32], checked: Int, prunes: Bool) -> (distance: Int, best: Candidate?, checked: Int) {
        precondition(words.count == count)
        let before: Int, matrix: TER.Matrix?
        // `fullBefore`: the full matrix's distance of the unshifted words, where known.
        var fullBefore = 0
        if bitVectors != nil {
            // The rows of the words before the last shift's block or target are the last round's.
            bitVectors!.setWords(words, keeping: matrixRows)
            fullBefore = bitVectors!.distance
        }
        // The bit vectors stand for the beam this round (and every round after: shifts only lower
        // the distance). The beam's matrix of an earlier round is dropped, its rows no longer this
        // round's words'.
        let exactRound = exact || (prunes && bitVectors != nil && fullBefore <= costWithinBeam)
        if exactRound {
            (before, matrix) = (fullBefore, nil)
            self.matrix = nil
        } else if self.matrix == nil {
            (before, self.matrix) = TER.editDistance(words, ref)
            matrix = self.matrix
        } else {
            before = TER.editDistance(words, ref, into: &self.matrix!, fromRow: matrixRows + 1)
            matrix = self.matrix
        }
        // No edits, no errors: every candidate would be passed over below.
        // (The next round, if any, made afresh: no shift is known to keep its first words.)
        if before == 0 { matrixRows = 0; return (0, nil, checked) }
        // No shift can lower a distance that no order of the words goes below: the round would
        // find no gain, and the search would stop with this distance (its count of candidates
        // is then read no more).
        if prunes {
            if leastDistance < 0 { leastDistance = Self.lowestDistance(words, ref) }
            if before <= leastDistance { matrixRows = 0; return (before, nil, checked) }
        }
        // A local copy: the closures below read it while `align` and the errors, also stored
        // properties, are passed inout (which a generic struct's accesses must not overlap).
        let ref = ref
        let vectors = bitVectors
        // `nearErrors`: the reference positions that a block of at most `maximumShiftSize` words
        // from there could reach a reference word in error from (all, where not known as bits).
        var nearErrors: Bits = ~0
        if let matrix {
            TER.alignment(words, ref, align: &align, refErrors: &refErrors, hypErrors: &hypErrors) { i, j in matrix.operation(i, j) }
            spans.removeAll(keepingCapacity: true)
            spans.append(contentsOf: align)
            Self.appendFirstErrors(hypErrors, to: &spans)
            Self.appendFirstErrors(refErrors, to: &spans)
        } else {
            nearErrors = vectors!.trace(words, referenceCount: ref.count, into: &spans)
            for _ in 1..<TER.maximumShiftSize { nearErrors |= nearErrors >> 1 }
        }
        // `spans`' parts: the alignment, from 0; the first errors after the hypothesis's positions,
        // from `hypFirstErrors`; the reference's, from `refFirstErrors`.
        let spans = spans, hypFirstErrors = ref.count, refFirstErrors = ref.count + count + 1
        let bounds = prunes && vectors != nil
        // d(words, shifted) ≤ 2 × moved and d(shifted, ref) ≥ `leastDistance` (full matrix).
        let leastDistance = leastDistance
        var checked = checked
        var best: Candidate?
        /// Whether a candidate whose gain is at most `bound` could be the best so far.
        /// (None can while the bound is no gain: such a best would stop the search as no best does.)
        func couldBeBest(_ bound: Int, _ length: Int, _ start: Int, _ target: Int) -> Bool {
            guard let best else { return bound > 0 }
            return Candidate(gain: bound, length: length, start: start, target: target).isBetter(than: best)
        }
        // The matching runs of words in the hypothesis and the reference, not too far apart, each
        // prefix of a run on its own, by hypothesis start, then reference start, then length; a
        // hypothesis word meets only the reference positions of its word.
        search: for start in 0..<count {
            // The word's reference positions: the bits of `mask`, or `positions[index..<end]`.
            // No block from here holds a hypothesis word in error.
            if spans[hypFirstErrors + start] - start >= TER.maximumShiftSize { continue }
            let word = words[start]
            var mask: Bits = 0, index = 0, end = 0
            if let vectors {
                mask = vectors.referencePositions(of: word) & nearErrors
            } else if Int(word) + 1 < firsts.count {
                (index, end) = (firsts[Int(word)], firsts[Int(word) + 1])
            }
            refStarts: while true {
                let refStart: Int
                if mask != 0 {
                    refStart = mask.trailingZeroBitCount
                    mask &= mask &- 1
                } else if index < end {
                    refStart = positions[index]
                    index += 1
                } else {
                    break
                }
                if refStart - start > TER.maximumShiftDistance { break }
                if start - refStart > TER.maximumShiftDistance { continue }
                // The lengths whose block holds a word in error on both sides (from the first that
                // does) and does not hold the hypothesis word the block's first reference word is
                // aligned with (up to the last that does not): the others are passed over, and
                // counted as no candidates. Most blocks, those of words aligned where they are, have
                // none, and are passed over without being matched word by word.
                let firstLength = max(spans[hypFirstErrors + start] - start, spans[refFirstErrors + refStart] - refStart) + 1
                var lastLength = min(TER.maximumShiftSize, count - start, ref.count - refStart)
                if start <= spans[refStart] { lastLength = min(lastLength, spans[refStart] - start) }
                if firstLength > lastLength { continue }
                var length = 0
                while length < firstLength - 1 {
                    if words[start + length] != ref[refStart + length] { continue refStarts }
                    length += 1
                }
                while length < lastLength && words[start + length] == ref[refStart + length] {
                    length += 1
                    var previous = -1
                    for offset in -1..<length {
                        let target: Int
                        if refStart + offset == -1 {
                            target = 0
                        } else if spans[refStart + offset] != TER.unaligned {
                            target = spans[refStart + offset] + 1
                        } else {
                            break
                        }
                        if target == previous { continue }
                        previous = target
                        checked += 1
                        // Skipped unscored when even its largest possible gain would not make it the best.
                        if bounds {
                            // Moving a block of `length` words is undone by deleting and reinserting
                            // it, and equally by deleting and reinserting the words it jumps over, so
                            // the shifted words are at most twice the smaller of the two from the
                            // unshifted ones, and by the triangle inequality their distance to the
                            // reference at most that much lower (the full matrix's distances: the
                            // beam's are no metric, but never below them).
                            var moved = length
                            if target < start { moved = min(moved, start - target) }
                            if target > start + length { moved = min(moved, min(target, count) - (start + length)) }
                            let bound = before - max(fullBefore - 2 * moved, leastDistance)
                            if !couldBeBest(bound, length, start, target) { continue }
                        }
                        let distance: Int
                        if exactRound {
                            distance = vectors!.distance(words, shifting: start, length: length, to: target)
                        } else {
                            if bounds {
                                let full = vectors!.distance(words, shifting: start, length: length, to: target)
                                if !couldBeBest(before - full, length, start, target) { continue }
                            }
                            TER.perform(words, start: start, length: length, target: target, into: &shifted)
                            // The shifted words agree with the unshifted ones up to the block or the target.
                            distance = TER.distance(shifted, ref, from: matrix!, sharedRows: min(start, target), rows: &rows)
                        }
                        let candidate = Candidate(gain: before - distance, length: length, start: start, target: target)
                        if best == nil || candidate.isBetter(than: best!) { best = candidate }
                    }
                    if checked >= TER.maximumShiftCandidates { break search }
                }
            }
        }
        matrixRows = best.map { min($0.start, $0.target) } ?? 0
        return (before, best, checked)
    }

    /// For each position of `errors` (and one past the last), the first position at or after it
    /// that is in error (`errors.count` if none is), appended to `spans`.
    private static func appendFirstErrors(_ errors: [Bool], to spans: inout [Int]) {
        let first = spans.count
        spans.append(contentsOf: repeatElement(errors.count, count: errors.count + 1))
        for index in errors.indices.reversed() {
            spans[first + index] = errors[index] ? index : spans[first + index + 1]
        }
    }

    /// A lower bound on the edit distance to `ref` of `words` in any order: the longer length less
    /// the words the two have in common, counted as often as both have them. An alignment of m
    /// matches between texts of n and n′ words makes max(n, n′) − m edits at least, and its
    /// matches are common words, as many of each as both have at most.
    static func lowestDistance(_ words: [UInt32], _ ref: [UInt32]) -> Int {
        let size = Int(max(words.max() ?? 0, ref.max() ?? 0)) + 1
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: size) { counts in
            counts.initialize(repeating: 0)
            for word in ref { counts[Int(word)] &+= 1 }
            var common = 0
            for word in words where counts[Int(word)] > 0 {
                counts[Int(word)] &-= 1
                common &+= 1
            }
            return max(words.count, ref.count) - common
        }
    }
}
