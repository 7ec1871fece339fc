import FuzzSupport
import MTAudit

/// Any bytes as a feed line: a record or a `FeedError`, never a crash or a hang; a record's texts
/// respect the size limit.
@main
enum FuzzFeedLine {
    /// SwiftPM renames an executable's entry point, so libFuzzer's own `main` is bypassed: start its driver here.
    static func main() {
        FuzzerDriver.run(fuzzFeedLine)
    }
}

/// The entry libFuzzer's objects name; the driver is handed the same function.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt { fuzzFeedLine(data, size) }

func fuzzFeedLine(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    do {
        let record = try FeedRecord.parse(bytes, maximumTextBytes: 4096)
        precondition(record.source.text.utf8.count <= 4096)
        precondition(record.versions.allSatisfy { $0.text.utf8.count <= 4096 })
    } catch {
        precondition(!error.message.isEmpty && error.message.count < 400, "a short message")
    }
    return 0
}
