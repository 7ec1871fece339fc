import Foundation
import MTAudit

/// Draws a feed's progress on standard error, over one line, at most four times a second. Silent
/// unless enabled (by default: when standard error is a terminal). Used from one thread at a time.
final class ProgressMeter: @unchecked Sendable {
    static let interval = 0.25

    let enabled: Bool
    private let totalBytes: Int?
    private let started = Date()
    private var lastDrawn: Date?
    private var progress = FeedProgress()
    private var lineShown = false

    /// `forced` is --progress (true), --no-progress (false) or neither (nil: a terminal decides).
    init(forced: Bool?, totalBytes: Int?) {
        enabled = forced ?? (isatty(STDERR_FILENO) == 1)
        self.totalBytes = totalBytes
    }

    func record(_ answer: FeedAnswer, byteCount: Int) {
        guard enabled else { return }
        progress.record(answer, byteCount: byteCount)
        let now = Date()
        if let lastDrawn, now.timeIntervalSince(lastDrawn) < Self.interval { return }
        draw(now)
    }

    /// Takes the line away so that a message can be printed in its place; the next draw puts it back.
    func clear() {
        guard enabled, lineShown else { return }
        write("\r\u{1B}[K")
        lineShown = false
    }

    /// The last figures, on a line of their own.
    func finish() {
        guard enabled else { return }
        draw(Date())
        write("\n")
    }

    private func draw(_ now: Date) {
        lastDrawn = now
        write("\r\u{1B}[K" + progress.line(elapsed: now.timeIntervalSince(started), totalBytes: totalBytes))
        lineShown = true
    }

    private func write(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { _ = Glibc.write(STDERR_FILENO, $0.baseAddress!, $0.count) }
    }
}
