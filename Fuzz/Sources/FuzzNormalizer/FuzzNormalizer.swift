import FuzzSupport
import MTAuditText

/// Any valid text through the matching form: the offset map must be non-decreasing, inside the
/// original, one entry per scalar, and every span it gives back must lie inside the original.
@main
enum FuzzNormalizer {
    /// SwiftPM renames an executable's entry point, so libFuzzer's own `main` is bypassed: start its driver here.
    static func main() {
        FuzzerDriver.run(fuzzNormalizer)
    }
}

/// The entry libFuzzer's objects name; the driver is handed the same function.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt { fuzzNormalizer(data, size) }

func fuzzNormalizer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    guard let text = try? TextDecoder.decodeUTF8(UnsafeBufferPointer(start: data, count: size)) else { return 0 }
    let original = text.unicodeScalars.count
    let matching = Normalizer.matchingForm(of: text)
    precondition(matching.origin.count == matching.text.unicodeScalars.count, "one origin a scalar")
    precondition(matching.originalCount == original, "original count")
    var previous: Int32 = 0
    for origin in matching.origin {
        precondition(origin >= previous && Int(origin) <= original, "origins rise inside the original")
        previous = origin
    }
    let count = matching.origin.count
    for (start, end) in [(0, count), (0, count / 2), (count / 2, count), (count / 3, count / 3)] {
        let span = matching.originalSpan(of: start..<end)
        precondition(span.start >= 0 && span.start <= span.end && span.end <= original, "span inside the original")
    }
    for form in [Normalizer.Form.nfc, .nfd] {
        let mapped = Normalizer.mapped(text, to: form)
        precondition(mapped.origin.count == mapped.text.unicodeScalars.count)
        _ = Normalizer.normalize(text, to: form)
    }
    _ = Normalizer.matchingKey(text)
    return 0
}
