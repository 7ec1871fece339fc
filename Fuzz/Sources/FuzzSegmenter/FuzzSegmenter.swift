import FuzzSupport
import MTAuditText

nonisolated(unsafe) private var segmenter: Segmenter? = try? Segmenter()
/// The same segmenter with every segment from ICU: its shortcuts for ASCII must cut alike.
nonisolated(unsafe) private var icuSegmenter: Segmenter? = {
    let segmenter = try? Segmenter()
    segmenter?.usesShortcuts = false
    return segmenter
}()

/// Any valid text through the segmenter: paragraphs, sentences and words in order, inside the text,
/// with UTF-8 ranges that match their scalar spans, and the same as ICU alone makes them.
@main
enum FuzzSegmenter {
    /// SwiftPM renames an executable's entry point, so libFuzzer's own `main` is bypassed: start its driver here.
    static func main() {
        FuzzerDriver.run(fuzzSegmenter)
    }
}

/// The entry libFuzzer's objects name; the driver is handed the same function.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt { fuzzSegmenter(data, size) }

func fuzzSegmenter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    guard let segmenter, let text = try? TextDecoder.decodeUTF8(UnsafeBufferPointer(start: data, count: size)) else { return 0 }
    let scalars = Array(text.unicodeScalars)
    let utf8 = Array(text.utf8)
    let segmentation = segmenter.segment(text)
    if let icuSegmenter {
        let icu = icuSegmenter.segment(text)
        precondition(segmentation.sentences == icu.sentences && segmentation.words == icu.words, "the shortcuts cut as ICU does")
    }
    for segments in [segmentation.paragraphs, segmentation.sentences, segmentation.words.map(\.segment)] {
        var end = 0
        for segment in segments {
            precondition(segment.span.start >= end && segment.span.start <= segment.span.end, "in order")
            precondition(segment.span.end <= scalars.count && segment.utf8.upperBound <= utf8.count, "inside the text")
            let bySpan = String(String.UnicodeScalarView(scalars[segment.span.start..<segment.span.end]))
            precondition(Array(bySpan.utf8) == Array(utf8[segment.utf8]), "UTF-8 range matches the span")
            end = segment.span.end
        }
    }
    return 0
}
