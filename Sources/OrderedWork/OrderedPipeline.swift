import Foundation

/// Many jobs on every core, their results handed back in the order the jobs came, each as soon as
/// it and every earlier one are done: what `extract` does with documents and `distance --batch`
/// with blocks of lines.
///
/// One thread produces the jobs (reading files or stdin), `workers` threads process them, and the
/// calling thread consumes the results (writing output). At most `window` jobs are between being
/// submitted and being consumed, queued, in work or finished and waiting for an earlier one: the
/// producer waits while the window is full, so memory stays bounded whatever the input's size, and
/// a slow reader of the output slows the producer rather than filling memory. Nothing waits for the
/// end of the input: a job submitted alone is processed and consumed at once.
public final class OrderedPipeline<Job: Sendable, Result: Sendable>: @unchecked Sendable {
    /// Threads that process jobs.
    public let workers: Int
    /// The most jobs between submission and consumption.
    public let window: Int
    /// The most jobs that were ever between submission and consumption at once (never above `window`).
    public var peakInFlight: Int { condition.withLock { peak } }

    private let condition = NSCondition()
    /// Jobs not yet taken, from `queueHead` on; a taken job's slot is emptied at once so its memory goes.
    private var queue: [(sequence: Int, job: Job)?] = []
    private var queueHead = 0
    private var finished: [Int: Result] = [:]
    private var submitted = 0, consumed = 0, peak = 0
    private var producing = true, cancelled = false
    private var runningWorkers = 0

    /// A pipeline of `workers` threads (at least 1) and a window of `window` jobs (at least `workers`).
    public init(workers: Int, window: Int) {
        self.workers = max(1, workers)
        self.window = max(window, self.workers)
    }

    /// Runs the pipeline to its end. `produce` runs on a thread of its own and calls `submit` with
    /// each job, which waits while the window is full and returns false once the run is cancelled
    /// (stop producing then). Each worker thread makes its own state with `makeWorker` (caches that
    /// are not shared) and calls `process` on the jobs it takes. `consume` gets the results in job
    /// order on the calling thread; when it throws, the run is cancelled and the error rethrown.
    public func run<Worker>(
        produce: @escaping @Sendable (_ submit: (Job) -> Bool) -> Void,
        makeWorker: @escaping @Sendable () -> Worker,
        process: @escaping @Sendable (inout Worker, Job) -> Result,
        consume: (Result) throws -> Void
    ) throws {
        condition.withLock { runningWorkers = workers }
        let producer = Thread { [self] in
            produce { job in submit(job) }
            condition.withLock {
                producing = false
                condition.broadcast()
            }
        }
        producer.stackSize = 8 << 20
        producer.start()
        for _ in 0..<workers {
            let worker = Thread { [self] in
                var state = makeWorker()
                while let (sequence, job) = take() {
                    let result = process(&state, job)
                    condition.withLock {
                        finished[sequence] = result
                        condition.broadcast()
                    }
                }
                condition.withLock {
                    runningWorkers -= 1
                    condition.broadcast()
                }
            }
            worker.stackSize = 8 << 20
            worker.start()
        }
        defer {
            // Workers stop at their next job once cancelled; the producer may be blocked reading input, and is left to the process's end.
            condition.withLock {
                while runningWorkers > 0 { condition.wait() }
            }
        }
        while let result = next() {
            do {
                try consume(result)
            } catch {
                condition.withLock {
                    cancelled = true
                    condition.broadcast()
                }
                throw error
            }
        }
    }

    /// Adds a job, waiting while the window is full; false once the run is cancelled.
    private func submit(_ job: Job) -> Bool {
        condition.withLock {
            while submitted - consumed >= window, !cancelled { condition.wait() }
            guard !cancelled else { return false }
            queue.append((submitted, job))
            submitted += 1
            peak = max(peak, submitted - consumed)
            condition.broadcast()
            return true
        }
    }

    /// The next job to process, or nil when there will be none.
    private func take() -> (Int, Job)? {
        condition.withLock {
            while queueHead == queue.count, producing, !cancelled { condition.wait() }
            guard queueHead < queue.count, !cancelled, let next = queue[queueHead] else { return nil }
            queue[queueHead] = nil
            queueHead += 1
            if queueHead >= 64, queueHead * 2 >= queue.count {
                queue.removeFirst(queueHead)
                queueHead = 0
            }
            return next
        }
    }

    /// The next result in job order, waiting for it; nil when every job's result has been consumed.
    private func next() -> Result? {
        condition.withLock {
            while finished[consumed] == nil, producing || consumed < submitted { condition.wait() }
            guard let result = finished.removeValue(forKey: consumed) else { return nil }
            consumed += 1
            condition.broadcast()
            return result
        }
    }
}
