import Foundation

/// Writes to standard output with `write(2)`, so that a reader that went away (EPIPE) ends the run
/// quietly instead of killing the process.
enum StandardOutput {
    /// Ignore SIGPIPE: a closed pipe then shows up as EPIPE from `write`.
    static func ignoreBrokenPipes() { signal(SIGPIPE, SIG_IGN) }

    /// Writes all of `bytes`; false when standard output is closed.
    @discardableResult
    static func write(_ bytes: [UInt8]) -> Bool { write(bytes[...]) }

    /// Writes all of `bytes` (a line of a batch's buffer); false when standard output is closed.
    @discardableResult
    static func write(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }
}
