/// What a name key tells of its edit distance to another before the distance is computed: its
/// length in Unicode scalars and the set of its scalars, folded into 32 bits (the scalar's value
/// modulo 32, where the 26 lower-case ASCII letters of most keys fall on bits of their own). A name
/// rule that compares one name with every name of a long text (`NameEvidence`'s self evidence)
/// screens each pair by these and computes the distance only for the few that can reach its
/// threshold. (Eight bytes: the length a name's entry held before, and no more.)
///
/// Both are lower bounds on the Levenshtein distance that `NameRuns.similarity` divides by the longer
/// length: the difference of the lengths (each edit changes the length by one at most); and the
/// scalars of one key that the other lacks (each must be substituted or deleted, one edit apiece).
/// Folding scalars into 32 bits only merges some, which can only lower the count of those lacked: a
/// bit one key has and the other lacks stands for a scalar of the first that the second lacks, and
/// distinct bits for distinct scalars.
struct NameScreen {
    /// The key's length in Unicode scalars.
    let length: Int32
    /// A bit for each scalar of the key, its value modulo 32.
    let letters: UInt32

    init(_ key: String) {
        var length: Int32 = 0, letters: UInt32 = 0
        // An ASCII key's scalars are its bytes, read in place (most keys); another's through its scalars.
        let ascii = key.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            for byte in bytes {
                guard byte < 0x80 else { return false }
                letters |= 1 << UInt32(byte & 31)
            }
            length = Int32(bytes.count)
            return true
        }
        if ascii != true {
            (length, letters) = (0, 0)
            for scalar in key.unicodeScalars {
                length += 1
                letters |= 1 << (scalar.value & 31)
            }
        }
        (self.length, self.letters) = (length, letters)
    }

    /// False when `NameRuns.similarity` of the two keys is surely below `threshold` (by more than the
    /// 1e-9 the name rules allow a ratio); true when it may reach it. Two keys of which one is empty
    /// are never ruled out (the similarity's own rule for them decides).
    func mayReach(_ other: NameScreen, threshold: Double) -> Bool {
        let longer = Int(max(length, other.length)), shorter = Int(min(length, other.length))
        guard shorter > 0 else { return true }
        let bound = max(longer - shorter, (letters & ~other.letters).nonzeroBitCount, (other.letters & ~letters).nonzeroBitCount)
        return 1 - Double(bound) / Double(longer) >= threshold - 1e-9
    }
}
