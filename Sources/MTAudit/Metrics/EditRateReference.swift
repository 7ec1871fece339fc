/// TER's reference prepared once for every version of it (a source's, kept in its document's memo):
/// its words numbered (`WordVocabulary`), and, where the bit vectors hold it (up to 64 words, numbered
/// by bytes), what the search's first round reads of the reference alone: each word's positions as bits
/// (`BitVectorEditDistance`'s table) and how often the reference has it (`ShiftSearch.lowestDistance`'s
/// counts). Each version's TER made both again from the reference's numbers (~1.5K instructions and
/// an allocation a pair), though they are the same for every version.
///
/// Immutable and `Sendable`, a class: read by every audit of the source, on any thread.
final class EditRateReference: Sendable {
    /// The reference's words numbered.
    let vocabulary: WordVocabulary
    /// For each word number below `vocabulary.count`, the reference positions that hold it, as bits
    /// (position j: bit j); empty where the reference has more than 64 words or its words are numbered
    /// as strings with each hypothesis's (`vocabulary.ids` empty), or none at all.
    let positions: [UInt64]
    /// For each word number below `vocabulary.count`, how many times the reference has it (empty
    /// where `positions` is).
    let counts: [Int32]

    init(_ vocabulary: WordVocabulary) {
        self.vocabulary = vocabulary
        let ids = vocabulary.ids
        guard !ids.isEmpty && ids.count <= UInt64.bitWidth else {
            (positions, counts) = ([], [])
            return
        }
        var positions = [UInt64](filledWith: 0, count: vocabulary.count), counts = [Int32](filledWith: 0, count: vocabulary.count)
        // Written through buffers: no test of the arrays' uniqueness at each word.
        positions.withUnsafeMutableBufferPointer { positions in
            counts.withUnsafeMutableBufferPointer { counts in
                for (index, word) in ids.enumerated() {
                    positions[Int(word)] |= 1 &<< UInt64(index)
                    counts[Int(word)] &+= 1
                }
            }
        }
        (self.positions, self.counts) = (positions, counts)
    }

    /// Whether `ids` are the vocabulary's own numbers (not the reference's words numbered again as
    /// strings), so that `positions` and `counts` are theirs.
    func isVocabularys(_ ids: UnsafeBufferPointer<UInt32>) -> Bool {
        vocabulary.ids.withUnsafeBufferPointer { $0.baseAddress == ids.baseAddress }
    }

    /// `ShiftSearch.lowestDistance(words, ref)` of the reference's own numbers, from `counts`: words
    /// numbered from `vocabulary.count` on (those the reference lacks) have none in common.
    func lowestDistance(_ words: UnsafeBufferPointer<UInt32>) -> Int {
        let size = counts.count
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: size) { left in
            counts.withUnsafeBufferPointer { counts in
                _ = left.initialize(fromContentsOf: counts)
                var common = 0
                for word in words where Int(word) < size && left[Int(word)] > 0 {
                    left[Int(word)] &-= 1
                    common &+= 1
                }
                return max(words.count, vocabulary.ids.count) - common
            }
        }
    }
}
