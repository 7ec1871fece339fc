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
        var ids: [UInt32] = []
        ids.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars where !PythonText.isSpace(scalar) {
            let value = scalar.value
            if value < 0x80 {
                if ascii[Int(value)] == 0 { count += 1; ascii[Int(value)] = UInt32(count) }
                ids.append(ascii[Int(value)] - 1)
            } else if let id = others[value] {
                ids.append(id)
            } else {
                others[value] = UInt32(count)
                ids.append(UInt32(count))
                count += 1
            }
        }
        return ids
    }
}
