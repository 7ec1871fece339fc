import FuzzSupport
import MTAuditText

/// Any bytes, strict UTF-8 and charset detection: an error or a text, never a crash; strict UTF-8
/// must agree with `firstInvalidUTF8` and give back the same bytes.
@main
enum FuzzDecoder {
    /// SwiftPM renames an executable's entry point, so libFuzzer's own `main` is bypassed: start its driver here.
    static func main() {
        FuzzerDriver.run(fuzzDecoder)
    }
}

/// The entry libFuzzer's objects name; the driver is handed the same function.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt { fuzzDecoder(data, size) }

func fuzzDecoder(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let invalid = TextDecoder.firstInvalidUTF8(bytes)
    do {
        let text = try TextDecoder(encoding: .utf8).decode(bytes).text
        precondition(invalid == nil, "decoded what firstInvalidUTF8 refuses")
        precondition(Array(text.utf8) == Array(bytes) || Array(text.utf8) == Array(bytes.dropFirst(3)), "UTF-8 round trip")
    } catch {
        precondition(invalid != nil || size >= 0)
    }
    _ = try? TextDecoder(encoding: .auto).decode(bytes)
    _ = try? TextDecoder(encoding: .named("windows-1252")).decode(bytes)
    return 0
}
