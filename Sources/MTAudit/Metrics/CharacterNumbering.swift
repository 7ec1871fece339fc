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
    mutating func ids(_ text: MetricText) -> [UInt32] {
        let utf8 = text.utf8
        var ids: [UInt32] = []
        ids.reserveCapacity(utf8.count)
        for range in text.spaceWords {
            var index = range.lowerBound
            while index < range.upperBound {
                let value: UInt32
                if utf8[index] < 0x80 {
                    value = UInt32(utf8[index])
                    index += 1
                } else {
                    let (scalar, length) = PythonText.scalar(utf8, at: index)
                    value = scalar.value
                    index += length
                }
                ids.append(id(value))
            }
        }
        return ids
    }

    private mutating func id(_ value: UInt32) -> UInt32 {
        if value < 0x80 {
            if ascii[Int(value)] == 0 { count += 1; ascii[Int(value)] = UInt32(count) }
            return ascii[Int(value)] - 1
        } else if let id = others[value] {
            return id
        } else {
            others[value] = UInt32(count)
            count += 1
            return UInt32(count - 1)
        }
    }
}
