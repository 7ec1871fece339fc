/// Numbers the characters (scalars) of texts for chrF, white space removed: each distinct scalar one
/// small number (0, 1, 2, … in order of first appearance), so that n-grams of characters are sorted
/// by counting (`SharedNGrams`) over a few dozen numbers instead of 21-bit scalars.
struct CharacterNumbering {
    /// ASCII scalars' numbers plus one (0: not seen yet); others in a dictionary.
    private var ascii = [UInt32](repeating: 0, count: 128)
    private var others: [UInt32: UInt32] = [:]
    private(set) var count = 0

    /// The text's scalars, white space removed, as numbers.
    mutating func ids(_ text: String) -> [UInt32] {
        ids(MetricText(text))
    }

    /// The text's scalars, white space removed (those of its words at white space), as numbers.
    /// ASCII is numbered from the table, read and written unchecked, into a buffer of the text's
    /// length in bytes (no more scalars than bytes).
    mutating func ids(_ text: MetricText) -> [UInt32] {
        let bytes = text.utf8, spaceWords = text.spaceWords
        // The tables taken out of `self` while they are written (and put back after), unshared.
        var count = self.count, ascii: [UInt32] = [], others: [UInt32: UInt32] = [:]
        swap(&ascii, &self.ascii)
        swap(&others, &self.others)
        defer {
            swap(&ascii, &self.ascii)
            swap(&others, &self.others)
            self.count = count
        }
        return ascii.withUnsafeMutableBufferPointer { ascii in
            bytes.withUnsafeBufferPointer { utf8 in
                [UInt32](unsafeUninitializedCapacity: utf8.count) { ids, written in
                    var next = 0
                    for range in spaceWords {
                        var index = range.lowerBound
                        while index < range.upperBound {
                            let byte = utf8[index]
                            if byte < 0x80 {
                                if ascii[Int(byte)] == 0 { count &+= 1; ascii[Int(byte)] = UInt32(count) }
                                ids[next] = ascii[Int(byte)] &- 1
                                index &+= 1
                            } else {
                                let (scalar, length) = PythonText.scalar(bytes, at: index)
                                if let id = others[scalar.value] {
                                    ids[next] = id
                                } else {
                                    others[scalar.value] = UInt32(count)
                                    ids[next] = UInt32(count)
                                    count &+= 1
                                }
                                index &+= length
                            }
                            next &+= 1
                        }
                    }
                    written = next
                }
            }
        }
    }
}
