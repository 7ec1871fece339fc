/// Python's `str.split()` and `str.isspace()`, which sacreBLEU's tokenization rests on. The tokenizers
/// work on a text's UTF-8 bytes: every mark they look for is ASCII, and a word made from a run of bytes
/// needs no re-encoding.
enum PythonText {
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        // ASCII without a property lookup: tab to carriage return, the separators 0x1C–0x1F, space.
        if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) || (0x1C...0x1F).contains(value) }
        // Beyond ASCII, Unicode's white space (the property `isWhitespace` looks up, slowly) is these
        // nineteen scalars, a set Unicode keeps stable.
        switch value {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// The scalar whose UTF-8 encoding starts at `index` (of a valid encoding, as a String's is), and
    /// the number of its bytes.
    static func scalar(_ utf8: [UInt8], at index: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = UInt32(utf8[index])
        if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = lead & (0x7F >> length)
        for offset in 1..<length { value = value << 6 | UInt32(utf8[index + offset] & 0x3F) }
        return (Unicode.Scalar(value)!, length)
    }

    /// `text.split()` of UTF-8 bytes: the byte ranges of the runs of non-space characters.
    ///
    /// Most bytes are ASCII letters, marks or digits (0x21–0x7E): a word's are skipped eight at a
    /// time, the first byte outside that range told by the lowest bit of a mask (each byte's top
    /// bit: below 0x21 by a subtraction, above 0x7E by an addition or its own top bit; a borrow or
    /// carry only flags bytes above one already flagged). Control bytes that are not white space
    /// and scalars beyond ASCII are then looked at one by one.
    static func split(_ utf8: [UInt8]) -> [Range<Int>] {
        var words: [Range<Int>] = []
        words.reserveCapacity(utf8.count / 4 + 1)  // about a word per 4 bytes or fewer: few regrowths
        utf8.withUnsafeBufferPointer { bytes in
            let count = bytes.count
            guard let base = bytes.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            /// Whether the character at `index` is white space, and its length in bytes.
            @inline(__always) func space(at index: Int) -> (space: Bool, length: Int) {
                let byte = bytes[index]
                if byte < 0x80 {
                    // isSpace of ASCII as one bit test: tab to carriage return, 0x1C–0x1F and space.
                    return (byte <= 0x20 && (0x1_F000_3E00 as UInt64) >> UInt64(byte) & 1 != 0, 1)
                }
                let (scalar, length) = scalar(utf8, at: index)
                return (isSpace(scalar), length)
            }
            /// Where the word that goes on at `index` ends (the next white space, or the end), and
            /// the length of that white space (0 at the end): the space that ends most words is
            /// told at once, and is not looked at again.
            @inline(__always) func wordEnd(from index: Int) -> (end: Int, spaceLength: Int) {
                var index = index
                while true {
                    while index &+ 8 <= count {
                        // (The first byte in the lowest bits on any machine, for `trailingZeroBitCount`.)
                        let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                        let stops = ((x &- 0x2121_2121_2121_2121) & ~x | (x &+ 0x0101_0101_0101_0101) | x) & 0x8080_8080_8080_8080
                        if stops != 0 {
                            index &+= stops.trailingZeroBitCount &>> 3
                            if bytes[index] == 0x20 { return (index, 1) }
                            break
                        }
                        index &+= 8
                    }
                    while index < count && bytes[index] &- 0x21 < 0x5E { index &+= 1 }
                    if index >= count { return (count, 0) }
                    let (isSpace, length) = space(at: index)
                    if isSpace { return (index, length) }
                    index &+= length
                }
            }
            var index = 0
            while index < count {
                // Between words: white space skipped.
                let (isSpace, length) = space(at: index)
                if isSpace { index &+= length; continue }
                let start = index
                let (end, spaceLength) = wordEnd(from: index &+ length)
                words.append(start..<end)
                index = end &+ spaceLength
            }
        }
        return words
    }

    /// The words of `split(utf8)` as strings.
    static func words(_ utf8: [UInt8]) -> [String] {
        split(utf8).map { String(decoding: utf8[$0], as: UTF8.self) }
    }
}
