import Dispatch
import Synchronization

/// Runs work on a stream of items on several threads, and hands the results on in input order as soon
/// as each can go: the machinery behind `mtaudit feed --jobs`.
///
/// At most `window` items are in flight (read but not yet handed on), so memory stays flat however
/// long the stream. `emit` runs on one thread at a time, in input order. When it returns false (the
/// reader of the output went away) no more items are read.
public enum OrderedParallelMap {
    public static func run<Item: Sendable, Output: Sendable>(
        jobs: Int, window: Int? = nil,
        next: () -> Item?,
        work: @escaping @Sendable (Item) -> Output,
        emit: @escaping @Sendable (Output) -> Bool
    ) {
        let jobs = max(1, jobs)
        let window = max(jobs, window ?? jobs * 4)
        if jobs == 1 {
            // The plain loop: no threads, the same output.
            while let item = next() { if !emit(work(item)) { return } }
            return
        }
        let slots = DispatchSemaphore(value: window)
        let workers = DispatchSemaphore(value: jobs)
        let group = DispatchGroup()
        let writer = DispatchQueue(label: "mtaudit.feed.writer")
        let state = WriterState<Output>()
        var index = 0
        while !state.stopped.withLock({ $0 }), let item = next() {
            slots.wait()
            let position = index
            index += 1
            group.enter()
            DispatchQueue.global().async {
                workers.wait()
                let output = work(item)
                workers.signal()
                writer.async {
                    state.pending[position] = output
                    while let ready = state.pending.removeValue(forKey: state.nextToEmit) {
                        if !state.stopped.withLock({ $0 }) && !emit(ready) { state.stopped.withLock { $0 = true } }
                        state.nextToEmit += 1
                        slots.signal()
                        group.leave()
                    }
                }
            }
        }
        group.wait()
    }
}

/// What the writer queue keeps: touched only on that serial queue, except `stopped`.
private final class WriterState<Output>: @unchecked Sendable {
    var pending: [Int: Output] = [:]
    var nextToEmit = 0
    let stopped = Mutex(false)
}
