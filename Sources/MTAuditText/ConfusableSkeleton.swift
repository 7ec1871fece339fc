import CICU

/// UTS #39 confusable skeletons through ICU's spoof checker: two strings that look alike have the same
/// skeleton, so Cyrillic "Хі" and Latin "Xi" compare equal while "Xi" and "Xu" do not.
///
/// Not thread-safe: keep one per task or thread.
public final class ConfusableSkeleton {
    private let handle: OpaquePointer

    public init() throws(TextError) {
        var status: Int32 = 0
        guard let handle = cicu_spoof_open(&status) else {
            throw .icu(operation: "opening the confusables checker", status: ICUCall.statusName(status))
        }
        self.handle = handle
    }

    deinit { cicu_spoof_close(handle) }

    /// The skeleton of `text`; on an ICU failure, the text unchanged.
    public func skeleton(of text: String) -> String {
        ICUCall.withUTF8(text) { bytes, length in
            (try? ICUCall.string(operation: "confusable skeleton", initialCapacity: Int(length) * 2 + 16) {
                out, capacity, status in
                cicu_spoof_skeleton_utf8(handle, bytes, length, out, capacity, status)
            }) ?? text
        }
    }

    /// True when the two look alike (equal skeletons).
    public func areConfusable(_ a: String, _ b: String) -> Bool { skeleton(of: a) == skeleton(of: b) }
}

/// The ICU this binary is linked with.
public enum ICUInfo {
    public static var version: String { String(cString: cicu_icu_version()) }
}
