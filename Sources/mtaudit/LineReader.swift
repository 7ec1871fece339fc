import Foundation

/// Reads a file (or standard input for "-") line by line with `getline`, without holding it whole.
final class LineReader {
    private let stream: UnsafeMutablePointer<FILE>
    private let ownsStream: Bool
    private var buffer: UnsafeMutablePointer<CChar>?
    private var capacity = 0
    private var lineNumber = 0

    init(path: String) throws {
        if path == "-" {
            guard let input = fdopen(0, "rb") else { throw ToolFailure("cannot read standard input") }
            stream = input
            ownsStream = false
        } else {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                throw ToolFailure("\(path): is a directory, not a feed file")
            }
            guard let opened = fopen(path, "rb") else {
                throw ToolFailure("\(path): cannot open: \(String(cString: strerror(errno)))")
            }
            stream = opened
            ownsStream = true
        }
    }

    deinit {
        free(buffer)
        if ownsStream { fclose(stream) }
    }

    /// The next line without its line break, and its number from 1; nil at the end.
    func next() -> ([UInt8], Int)? {
        let length = getline(&buffer, &capacity, stream)
        guard length >= 0, let buffer else { return nil }
        lineNumber += 1
        var count = length
        if count > 0, buffer[count - 1] == 0x0A { count -= 1 }
        if count > 0, buffer[count - 1] == 0x0D { count -= 1 }
        let bytes = UnsafeRawBufferPointer(start: buffer, count: count)
        return (Array(bytes), lineNumber)
    }
}
