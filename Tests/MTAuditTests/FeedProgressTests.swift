import MTAudit
import Testing

@Suite("Feed progress")
struct FeedProgressTests {
    private func counted(_ lines: [String]) -> FeedProgress {
        let processor = FeedProcessor()
        var progress = FeedProgress()
        for (index, line) in lines.enumerated() {
            progress.record(processor.answer(Array(line.utf8), line: index + 1), byteCount: line.utf8.count + 1)
        }
        return progress
    }

    @Test("Counts stories, bytes, unreadable lines and failing stories")
    func counts() {
        let pass = #"{"id": "a", "source": "The bridge opened today.", "versions": [{"id": "x", "text": "The bridge opened today."}]}"#
        let fail = #"{"id": "b", "source": "The bridge opened today.", "versions": [{"id": "x", "text": "Fog at sea."}]}"#
        let progress = counted([pass, fail, "not json"])
        #expect(progress.stories == 3)
        #expect(progress.unreadable == 1)
        #expect(progress.failing == 1)
        #expect(progress.bytes == pass.utf8.count + fail.utf8.count + 11)
    }

    @Test("The line gives rates, the share done and the time left when the size is known")
    func line() {
        let progress = counted(["not json", "nor this"])  // 18 bytes
        #expect(progress.line(elapsed: 2, totalBytes: 72)
            == "2 stories  1.0/s  0.00 MB/s  25%  ETA 6s  2 unreadable  0 failing")
        #expect(progress.line(elapsed: 2, totalBytes: nil) == "2 stories  1.0/s  0.00 MB/s  2 unreadable  0 failing")
        #expect(progress.line(elapsed: 0, totalBytes: 18) == "2 stories  100%  2 unreadable  0 failing")
        #expect(FeedProgress().line(elapsed: 1, totalBytes: 100) == "0 stories  0.0/s  0.00 MB/s  0%  0 unreadable  0 failing")
        #expect(counted(["x"]).line(elapsed: 1, totalBytes: 2 * 3601).contains("ETA 1h00m"))
        #expect(counted(["x"]).line(elapsed: 1, totalBytes: 250).contains("ETA 2m04s"))
    }
}
