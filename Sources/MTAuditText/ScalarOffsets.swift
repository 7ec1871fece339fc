/// Converts UTF-8 byte offsets of one text into Unicode scalar offsets (the unit of `TextSpan`).
///
/// ICU answers in UTF-8 byte offsets here; a pure-ASCII text needs no table at all.
public struct ScalarOffsets: Sendable {
    /// `scalarAt[b]` is the scalar offset of byte offset `b` (for `b` on a scalar boundary), or nil
    /// when every scalar is one byte.
    private let scalarAt: [Int32]?
    public let utf8Count: Int
    public let scalarCount: Int

    public init(_ text: String) {
        var text = text
        let (table, bytes, scalars) = text.withUTF8 { buffer -> ([Int32]?, Int, Int) in
            // Most texts are ASCII: one scalar a byte, told eight bytes at a time.
            if ByteScan.isASCII(buffer) { return (nil, buffer.count, buffer.count) }
            var scalars = 0
            for byte in buffer where byte & 0xC0 != 0x80 { scalars += 1 }
            if scalars == buffer.count { return (nil, buffer.count, scalars) }
            var table = [Int32](repeating: 0, count: buffer.count + 1)
            var index: Int32 = -1
            for (offset, byte) in buffer.enumerated() {
                if byte & 0xC0 != 0x80 { index += 1 }
                table[offset] = index
            }
            table[buffer.count] = Int32(scalars)
            return (table, buffer.count, scalars)
        }
        self.scalarAt = table
        self.utf8Count = bytes
        self.scalarCount = scalars
    }

    /// The scalar offset of a UTF-8 byte offset on a scalar boundary (0...utf8Count).
    @inline(__always)
    public func scalarOffset(ofByte byte: Int) -> Int {
        guard let scalarAt else { return byte }
        return Int(scalarAt[byte])
    }

    public func span(ofBytes range: Range<Int>) -> TextSpan {
        TextSpan(start: scalarOffset(ofByte: range.lowerBound), end: scalarOffset(ofByte: range.upperBound))
    }

    /// The UTF-8 byte offset where scalar offset `scalar` (0...scalarCount) begins.
    public func byteOffset(ofScalar scalar: Int) -> Int {
        guard let scalarAt else { return scalar }
        if scalar >= scalarCount { return utf8Count }
        // The first byte whose scalar index is `scalar`: a lower bound in a non-decreasing table.
        var low = 0
        var high = utf8Count
        while low < high {
            let mid = (low + high) / 2
            if Int(scalarAt[mid]) < scalar { low = mid + 1 } else { high = mid }
        }
        return low
    }

    public func byteRange(ofScalars range: Range<Int>) -> Range<Int> {
        byteOffset(ofScalar: range.lowerBound)..<byteOffset(ofScalar: range.upperBound)
    }
}
