/// Bytes that stay where they are for the life of the program: data compiled into the binary (a
/// `StaticString`, read in place), or a buffer this program made and keeps.
///
/// The tables of the word lists are built by `LexiconEmbedder` at build time and compiled in as
/// string literals, so they are read where they lie, with no parsing or hashing at start-up; the
/// same tables built at run time (from lists given in code, or by the tests) are held in blobs of
/// the other kind. Tables compare by their bytes.
public struct Blob: @unchecked Sendable, Equatable {
    public let buffer: UnsafeRawBufferPointer
    /// The owner of a buffer made at run time; nil for static data.
    private let owner: Owner?

    private final class Owner {
        let buffer: UnsafeMutableRawBufferPointer
        init(_ buffer: UnsafeMutableRawBufferPointer) { self.buffer = buffer }
        deinit { buffer.deallocate() }
    }

    /// A copy of `bytes`, aligned for any scalar.
    public init(_ bytes: [UInt8]) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        bytes.withUnsafeBytes { buffer.copyMemory(from: $0) }
        self.init(buffer: UnsafeRawBufferPointer(rebasing: buffer[..<bytes.count]), owner: Owner(buffer))
    }

    /// The bytes of a string literal, in place (a copy of a literal of one scalar, which Swift may
    /// hold as that scalar rather than as bytes).
    public init(_ string: StaticString) {
        guard string.hasPointerRepresentation else {
            self.init(string.withUTF8Buffer { Array($0) })
            return
        }
        self.init(buffer: UnsafeRawBufferPointer(start: string.utf8Start, count: string.utf8CodeUnitCount), owner: nil)
    }

    private init(buffer: UnsafeRawBufferPointer, owner: Owner?) { (self.buffer, self.owner) = (buffer, owner) }

    public var count: Int { buffer.count }

    /// The first byte; the buffer of a blob is never without an address.
    @inlinable public var base: UnsafeRawPointer { buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 16)! }

    public static func == (a: Blob, b: Blob) -> Bool { a.buffer.elementsEqual(b.buffer) }
}

/// Unsigned integers written in a fixed number of bytes, seven bits a byte (the eighth clear), the
/// low bits first: ASCII, so that a Swift string literal can hold them and the binary can carry a
/// table as the bytes it is read from. A byte's eighth bit would make the literal invalid UTF-8.
public enum Septets {
    /// Appends `value` in `width` bytes.
    public static func append(_ value: UInt64, width: Int, to bytes: inout [UInt8]) {
        precondition(width >= 1 && width <= 9 && (width == 9 || value >> (7 * width) == 0), "\(value) does not fit \(width) septets")
        for index in 0..<width { bytes.append(UInt8(truncatingIfNeeded: value >> (7 * index)) & 0x7F) }
    }

    /// The value written in `width` bytes at `pointer`.
    @inlinable public static func read(_ pointer: UnsafeRawPointer, width: Int) -> UInt64 {
        var value: UInt64 = 0
        for index in 0..<width { value |= UInt64(pointer.load(fromByteOffset: index, as: UInt8.self)) << (7 * index) }
        return value
    }

    /// The value written in four bytes at `pointer` (28 bits).
    @inlinable public static func read4(_ pointer: UnsafeRawPointer) -> UInt32 {
        let word = UInt32(littleEndian: pointer.loadUnaligned(as: UInt32.self))
        return word & 0x7F | word >> 1 & 0x3F80 | word >> 2 & 0x1F_C000 | word >> 3 & 0xFE0_0000
    }

    /// The low 56 bits of `value` spread over eight bytes as `append` writes them, read as one
    /// little-endian integer: equal values spread equally, so a spread key is compared in place.
    @inlinable public static func spread56(_ value: UInt64) -> UInt64 {
        var spread: UInt64 = 0
        for index in 0..<8 { spread |= (value >> (7 * index) & 0x7F) << (8 * index) }
        return spread
    }

    /// `count` values of `width` bytes.
    public static func encode(_ values: some Sequence<UInt64>, width: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        for value in values { append(value, width: width, to: &bytes) }
        return bytes
    }

    /// The values of `width` bytes in `blob`.
    public static func decode(_ blob: Blob, width: Int) -> [UInt64] {
        precondition(blob.count % width == 0)
        return (0..<(blob.count / width)).map { read(blob.base + $0 * width, width: width) }
    }
}
