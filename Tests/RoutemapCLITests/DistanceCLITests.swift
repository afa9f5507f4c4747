import Foundation
import Testing

@Suite("routemap distance, end to end")
struct DistanceCLITests {
    /// `echo "36.854353 53.305118 42.97782 47.50027" | GeodSolve -i -p 9`
    /// → -34.29791635620912 -38.02990387307565 841295.661627459
    @Test("the Amirabad → Makhachkala JSON agrees with GeodSolve to 1 mm, in the stable field names")
    func amirabadMakhachkalaJSON() throws {
        let r = try Routemap.run("distance", "Amirabad", "Makhachkala", "--json")
        #expect(r.status == 0)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let legs = try #require(root["legs"] as? [[String: Any]])
        #expect(legs.count == 1)
        let leg = legs[0]
        let from = try #require(leg["from"] as? [String: Any])
        let to = try #require(leg["to"] as? [String: Any])
        #expect(from["id"] as? String == "amirabad-port")
        #expect(from["name"] as? String == "Amirabad Port")
        #expect(from["lat"] as? Double == 36.854353)
        #expect(from["lon"] as? Double == 53.305118)
        #expect(to["id"] as? String == "makhachkala")
        #expect(abs(try #require(leg["distance_m"] as? Double) - 841295.661627459) <= 0.001)
        #expect(abs(try #require(leg["azimuth_initial_deg"] as? Double) - -34.29791635620912) <= 1e-9)
        #expect(abs(try #require(leg["azimuth_final_deg"] as? Double) - -38.02990387307565) <= 1e-9)
        #expect(abs(try #require(root["total_m"] as? Double) - 841295.661627459) <= 0.001)
    }

    @Test("Moscow → Alabuga reads 'several hundred miles east', as seed 000 says")
    func moscowAlabuga() throws {
        let r = try Routemap.run("distance", "Moscow", "Alabuga", "--units", "mi")
        #expect(r.status == 0)
        #expect(r.stdout.contains("Alabuga is 561 mi east of Moscow"))
        #expect(r.stdout.contains("total: 561.031 mi over 1 leg"))
    }

    @Test("coordinates in every written form mix with places")
    func coordinates() throws {
        let r = try Routemap.run("distance", "42.98N 47.50E", "55°49′58″N 52°02′14″E", "Tehran", "--units", "nmi")
        #expect(r.status == 0)
        #expect(r.stdout.contains("42.98000, 47.50000 → 55.83278, 52.03722 → Tehran (35.69439, 51.42151)") || r.stdout.contains("42.98000, 47.50000 → 55.83278, 52.03722\n"))
        #expect(r.stdout.contains("over 2 legs"))
    }

    @Test("bad input exits 1 with a message that says what and how", arguments: [
        (["91,0", "Moscow"], "bad coordinate '91,0': latitude 91.0 is outside -90…90"),
        (["0,181", "Moscow"], "longitude 181.0 is outside -180…180"),
        (["Moscow", "NaN,1"], "'NaN' is not a finite number"),
        (["Moscow", "55.7,"], "the longitude after the comma is missing"),
        (["Moscow", "Alabuka"], "unknown place 'Alabuka' — did you mean Alabuga"),
        (["Moscow", "abc"], "unknown place 'abc'"),
    ])
    func badInput(places: [String], message: String) throws {
        let r = try Routemap.run(arguments: ["distance"] + places)
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains(message), "stderr was: \(r.stderr)")
    }

    @Test("usage errors exit 2", arguments: [["distance", "Moscow"], ["distance", "Moscow", "Tehran", "--units", "furlong"], ["distance"]])
    func usage(arguments: [String]) throws {
        let r = try Routemap.run(arguments: arguments)
        #expect(r.status == 2)
        #expect(r.stderr.contains("routemap distance"))
    }
}

@Suite("routemap distance --batch, end to end")
struct BatchCLITests {
    @Test("stdin in, one line out per line in; a bad line exits 1 naming it")
    func batch() throws {
        let good = try Routemap.run(arguments: ["distance", "--batch"], stdin: Array("36.854353 53.305118 42.97782 47.50027\n".utf8))
        #expect(good.status == 0)
        #expect(good.stdout == "841295.6616 -34.297916356 -38.029903873\n")
        let bad = try Routemap.run(arguments: ["distance", "--batch", "--skip-bad"], stdin: Array("1 2 3 4\nabc\n".utf8))
        #expect(bad.status == 1)
        #expect(bad.stdout.hasSuffix("nan nan nan\n"))
        #expect(bad.stderr.contains("stdin: line 2: 1 field where 4 numbers are needed"))
        #expect(try Routemap.run(arguments: ["distance", "--skip-bad", "Moscow", "Tehran"]).status == 2)
    }

    /// A running `routemap distance --batch` fed through a pipe, its answers read as they come.
    final class BatchProcess {
        let process = Process()
        let input = Pipe(), output = Pipe()
        private let received = Locked<[UInt8]>([])
        private let arrived = DispatchSemaphore(value: 0)

        init(_ arguments: [String] = []) throws {
            process.executableURL = Routemap.executable
            process.arguments = ["distance", "--batch"] + arguments
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let reader = output.fileHandleForReading, received = received, arrived = arrived
            Thread.detachNewThread {
                while true {
                    let chunk = reader.availableData
                    if chunk.isEmpty { break }
                    received.set(received.get() + chunk)
                    arrived.signal()
                }
                arrived.signal()
            }
        }

        func send(_ text: String) { input.fileHandleForWriting.write(Data(text.utf8)) }

        /// Waits until `count` lines have come out, or `seconds` pass; the lines so far.
        func lines(_ count: Int, within seconds: Double) -> [Substring] {
            let deadline = DispatchTime.now() + seconds
            while String(decoding: received.get(), as: UTF8.self).split(separator: "\n").count < count {
                if arrived.wait(timeout: deadline) == .timedOut { break }
            }
            return String(decoding: received.get(), as: UTF8.self).split(separator: "\n")
        }

        /// The process's peak resident memory so far, in KiB (Linux's VmHWM).
        var peakKiB: Int {
            let status = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)) ?? ""
            let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        }

        func finish() -> Int32 {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    @Test("a line fed to a pipe is answered while the input is still open")
    func answersEachLineAtOnce() throws {
        let batch = try BatchProcess()
        batch.send("36.854353 53.305118 42.97782 47.50027\n")
        #expect(batch.lines(1, within: 60) == ["841295.6616 -34.297916356 -38.029903873"])
        batch.send("0 0 0.5 179.5\n")
        #expect(batch.lines(2, within: 60).last == "19936288.5790 25.671872868 154.327085470")
        #expect(batch.finish() == 0)
    }

    @Test("memory stays flat however long the input: 120,000 lines (5.5 MB) cost no more than one line")
    func boundedMemory() throws {
        let one = try BatchProcess()
        one.send("1 2 3 4\n")
        _ = one.lines(1, within: 60)
        let floor = one.peakKiB
        #expect(one.finish() == 0)

        let many = try BatchProcess()
        var generator = SystemRandomNumberGenerator()
        let count = 120_000
        for _ in 0..<(count / 10_000) {
            var text = ""
            for _ in 0..<10_000 {
                text += "\(Double.random(in: -89...89, using: &generator)) \(Double.random(in: -179...179, using: &generator)) \(Double.random(in: -89...89, using: &generator)) \(Double.random(in: -179...179, using: &generator))\n"
            }
            many.send(text)
        }
        #expect(many.lines(count, within: 600).count == count)
        // Read before the input ends: a batch that held its input would have it all by now.
        let peak = many.peakKiB
        #expect(many.finish() == 0)
        #expect(peak > 0)
        #expect(peak - floor < 6 * 1024, "peak \(peak) KiB against \(floor) KiB for one line")
    }
}
