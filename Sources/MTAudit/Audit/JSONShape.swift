import Foundation

/// A quick pass over a JSON text before it is decoded: it refuses nesting deeper than a limit (so a
/// line of 100,000 `[` never reaches a recursive parser) and an object that names a key twice (which
/// a decoder would silently resolve to one of the values). It does not validate the JSON otherwise:
/// on malformed input it stops without complaint and leaves the verdict to the decoder.
///
/// Runs in one linear pass with memory proportional to the nesting and the keys of open objects.
enum JSONShape {
    enum Problem: Equatable {
        case tooDeep(limit: Int, byteOffset: Int)
        case duplicateKey(String)
    }

    private struct Level {
        let isObject: Bool
        var expectingKey: Bool
        var keys: Set<[UInt8]> = []
    }

    static func check(_ bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) -> Problem? {
        var stack: [Level] = []
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if stack.count >= maximumDepth { return .tooDeep(limit: maximumDepth, byteOffset: index) }
                let isObject = byte == UInt8(ascii: "{")
                stack.append(Level(isObject: isObject, expectingKey: isObject))
                index += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if stack.popLast() == nil { return nil }
                index += 1
            case UInt8(ascii: ","):
                if let last = stack.indices.last, stack[last].isObject { stack[last].expectingKey = true }
                index += 1
            case UInt8(ascii: "\""):
                let start = index + 1
                var end = start
                var escaped = false
                while end < count, bytes[end] != UInt8(ascii: "\"") {
                    if bytes[end] == UInt8(ascii: "\\") {
                        escaped = true
                        end += 1
                    }
                    end += 1
                }
                if end >= count { return nil }  // an unterminated string: the decoder will say so
                if let last = stack.indices.last, stack[last].isObject, stack[last].expectingKey {
                    stack[last].expectingKey = false
                    let raw = Array(bytes[start..<end])
                    let key = escaped ? unescaped(bytes[(start - 1)...end]) ?? raw : raw
                    if !stack[last].keys.insert(key).inserted {
                        return .duplicateKey(String(decoding: key, as: UTF8.self))
                    }
                }
                index = end + 1
            default:
                index += 1
            }
        }
        return nil
    }

    /// A quoted key with escapes, decoded to its UTF-8 bytes; nil when the escapes are bad.
    private static func unescaped(_ quoted: Slice<UnsafeBufferPointer<UInt8>>) -> [UInt8]? {
        guard let value = try? JSONSerialization.jsonObject(with: Data(quoted), options: [.fragmentsAllowed]),
              let string = value as? String else { return nil }
        return Array(string.utf8)
    }
}
