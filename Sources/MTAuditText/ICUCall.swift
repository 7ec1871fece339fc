import CICU

/// Helpers for the shim's "write at most `capacity` bytes, return what is needed" calls.
enum ICUCall {
    static func statusName(_ status: Int32) -> String { String(cString: cicu_status_name(status)) }

    /// Runs `body` on `text`'s UTF-8 bytes (contiguous, possibly empty).
    @inline(__always)
    static func withUTF8<R>(_ text: String, _ body: (UnsafePointer<UInt8>?, Int64) throws -> R) rethrows -> R {
        var text = text
        return try text.withUTF8 { buffer in try body(buffer.baseAddress, Int64(buffer.count)) }
    }

    /// Builds a string from a shim call that writes UTF-8, retrying once with the size it asks for.
    static func string(
        operation: String, initialCapacity: Int,
        _ call: (UnsafeMutablePointer<UInt8>, Int64, UnsafeMutablePointer<Int32>) -> Int64
    ) throws -> String {
        var capacity = max(16, initialCapacity)
        for _ in 0..<2 {
            var status: Int32 = 0
            var needed: Int64 = 0
            let result = String(unsafeUninitializedCapacity: capacity) { buffer in
                needed = call(buffer.baseAddress!, Int64(buffer.count), &status)
                return status == CICU_OK ? Int(needed) : 0
            }
            if status == CICU_OK { return result }
            if status != CICU_E_BUFFER_TOO_SMALL {
                throw TextError.icu(operation: operation, status: statusName(status))
            }
            capacity = Int(needed) + 16
        }
        throw TextError.icu(operation: operation, status: "buffer too small")
    }
}

