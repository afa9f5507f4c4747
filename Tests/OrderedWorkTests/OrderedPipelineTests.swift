import Foundation
import OrderedWork
import Testing

@Suite("Ordered work on every core")
struct OrderedPipelineTests {
    @Test("results come back in job order however long each job takes")
    func orderKept() throws {
        let pipeline = OrderedPipeline<Int, Int>(workers: 4, window: 8)
        var seen: [Int] = []
        try pipeline.run(
            produce: { submit in for i in 0..<500 { guard submit(i) else { return } } },
            makeWorker: { () },
            process: { _, i in
                // Later jobs are often quicker, so a pipeline that handed results back as they finish would reorder them.
                usleep(UInt32((500 - i) % 7) * 100)
                return i * i
            },
            consume: { seen.append($0) })
        #expect(seen == (0..<500).map { $0 * $0 })
    }

    @Test("no more than the window's jobs are ever between submission and consumption, even when the consumer is slow")
    func boundedBuffers() throws {
        let pipeline = OrderedPipeline<[UInt8], Int>(workers: 2, window: 5)
        var consumed = 0
        try pipeline.run(
            produce: { submit in for _ in 0..<200 { guard submit([UInt8](repeating: 1, count: 1 << 16)) else { return } } },
            makeWorker: { () },
            process: { _, block in block.count },
            consume: { _ in
                usleep(200)
                consumed += 1
            })
        #expect(consumed == 200)
        #expect(pipeline.peakInFlight <= 5)
        #expect(pipeline.peakInFlight >= 2)
    }

    @Test("a job's result is consumed before the producer has finished: nothing waits for the end of the input")
    func streams() throws {
        let pipeline = OrderedPipeline<Int, Int>(workers: 2, window: 8)
        let firstConsumed = DispatchSemaphore(value: 0)
        let producerSawFirstResult = Locked(false)
        var seen: [Int] = []
        try pipeline.run(
            produce: { submit in
                _ = submit(1)
                // The next job is only made once the first result is out, as a reader of a pipe only sends
                // its next line once it has read the answer to the first; a pipeline that waited would hang here.
                producerSawFirstResult.set(firstConsumed.wait(timeout: .now() + 10) == .success)
                _ = submit(2)
            },
            makeWorker: { () },
            process: { _, i in i },
            consume: { value in
                seen.append(value)
                if value == 1 { firstConsumed.signal() }
            })
        #expect(seen == [1, 2])
        #expect(producerSawFirstResult.get())
    }

    @Test("a consumer that fails stops the run and its error comes back")
    func consumerFailure() throws {
        struct Stop: Error {}
        let pipeline = OrderedPipeline<Int, Int>(workers: 2, window: 4)
        var consumed = 0
        #expect(throws: Stop.self) {
            try pipeline.run(
                produce: { submit in for i in 0..<10_000 { guard submit(i) else { return } } },
                makeWorker: { () },
                process: { _, i in i },
                consume: { value in
                    consumed += 1
                    if value == 10 { throw Stop() }
                })
        }
        #expect(consumed == 11)
    }

    @Test("each worker keeps its own state across the jobs it takes")
    func workerState() throws {
        let pipeline = OrderedPipeline<Int, Int>(workers: 3, window: 6)
        var total = 0
        try pipeline.run(
            produce: { submit in for i in 0..<300 { guard submit(i) else { return } } },
            makeWorker: { [Int]() },
            process: { (seen: inout [Int], i: Int) in
                seen.append(i)
                return seen.count
            },
            consume: { total += $0 > 0 ? 1 : 0 })
        #expect(total == 300)
    }
}

/// A value shared between threads.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func get() -> Value { lock.withLock { value } }
    func set(_ newValue: Value) { lock.withLock { value = newValue } }
}
