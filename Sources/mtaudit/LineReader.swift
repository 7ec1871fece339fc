import Foundation

/// Reads a file (or standard input for "-") line by line in chunks, never holding more than one line
/// of at most `maximumLineBytes` (plus one chunk). A longer line is skipped to its line break unread
/// and reported by its length, so a hostile 50 MB line costs no more memory than a short one.
final class LineReader {
    /// One line, without its line break, numbered from 1.
    enum Line {
        case bytes([UInt8], number: Int)
        /// A line over the limit, skipped: how many bytes it held (without its line break).
        case tooLong(byteCount: Int, number: Int)
    }

    static let chunkSize = 1 << 16

    let maximumLineBytes: Int
    /// The input's size in bytes when it is a regular file (for progress); nil for a pipe.
    let totalBytes: Int?
    /// Bytes read so far.
    private(set) var bytesRead = 0

    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var chunk: [UInt8]
    private var chunkStart = 0
    private var chunkEnd = 0
    private var atEnd = false
    private var lineNumber = 0

    init(path: String, maximumLineBytes: Int) throws {
        self.maximumLineBytes = maximumLineBytes
        chunk = [UInt8](repeating: 0, count: Self.chunkSize)
        if path == "-" {
            descriptor = STDIN_FILENO
            ownsDescriptor = false
        } else {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                throw ToolFailure("\(path): is a directory, not a feed file")
            }
            let opened = open(path, O_RDONLY)
            guard opened >= 0 else {
                throw ToolFailure("\(path): cannot open: \(String(cString: strerror(errno)))")
            }
            descriptor = opened
            ownsDescriptor = true
        }
        var status = stat()
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG {
            totalBytes = Int(status.st_size)
        } else {
            totalBytes = nil
        }
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// The next line; nil at the end of the input.
    func next() -> Line? {
        var line: [UInt8] = []
        var length = 0
        var sawAnything = false
        while true {
            if chunkStart == chunkEnd {
                if atEnd || !refill() {
                    guard sawAnything else { return nil }
                    return finish(line, length: length)
                }
            }
            sawAnything = true
            let newline = bufferedNewline()
            let end = newline ?? chunkEnd
            let piece = end - chunkStart
            if length + piece - 1 <= maximumLineBytes {  // - 1: room for a CR before the LF
                line.append(contentsOf: chunk[chunkStart..<end])
            } else if !line.isEmpty {
                line = []  // over the limit: drop what was kept and only count from here on
            }
            length += piece
            chunkStart = newline.map { $0 + 1 } ?? chunkEnd
            if newline != nil { return finish(line, length: length) }
        }
    }

    /// Whether `next()` would return at once: a file can always be read; a pipe or terminal only when
    /// a whole line is already in the buffer (reading more might wait for the writer).
    var hasLineReady: Bool { totalBytes != nil || bufferedNewline() != nil }

    /// Where the next line break in the buffer is, if it holds one.
    private func bufferedNewline() -> Int? {
        let available = chunkEnd - chunkStart
        guard available > 0 else { return nil }
        return chunk.withUnsafeBufferPointer { buffer -> Int? in
            guard let found = memchr(buffer.baseAddress! + chunkStart, 0x0A, available) else { return nil }
            return buffer.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    private func finish(_ line: [UInt8], length: Int) -> Line {
        lineNumber += 1
        var count = length
        var bytes = line
        if count > 0, count == bytes.count, bytes[count - 1] == 0x0D {
            bytes.removeLast()
            count -= 1
        }
        if count > maximumLineBytes { return .tooLong(byteCount: count, number: lineNumber) }
        return .bytes(bytes, number: lineNumber)
    }

    /// Reads the next chunk; false at the end of the input or on a read error.
    private func refill() -> Bool {
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, Self.chunkSize) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 {
                atEnd = true
                return false
            }
            chunkStart = 0
            chunkEnd = count
            bytesRead += count
            return true
        }
    }
}
