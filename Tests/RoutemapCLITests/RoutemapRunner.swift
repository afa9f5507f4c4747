import Foundation
import TestScratch

/// What one run of the built `routemap` binary printed and returned.
struct RunResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs the `routemap` that `swift build` put beside this test bundle.
enum Routemap {
    static let executable: URL = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("routemap")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/routemap")
    }()

    static func run(_ arguments: String...) throws -> RunResult {
        try run(arguments: arguments)
    }

    /// Every run's gazetteer indexes go to one folder in the process's scratch space, removed when it
    /// exits, unless a test names its own: the runs with temporary `--gazetteer` sources would otherwise each
    /// leave a 100 MB index in the user's ~/.cache/routemap. The built-in gazetteer's index is built here, once,
    /// before any test runs the binary: tests run in parallel, and each would otherwise build the same index
    /// (170,000 places, seconds each in a debug build) until one of them had written it.
    static let cache: String = {
        let folder = ScratchSpace.path("cache").path
        _ = try? runProcess(executable, arguments: ["gazetteer", "build"], environment: ["ROUTEMAP_CACHE": folder])
        return folder
    }()

    static func run(arguments: [String], stdin: [UInt8]? = nil, environment: [String: String] = [:]) throws -> RunResult {
        try runProcess(executable, arguments: arguments, stdin: stdin, environment: ["ROUTEMAP_CACHE": cache].merging(environment) { $1 })
    }
}

/// Runs a program to the end (with extra environment variables) and collects what it printed.
func runProcess(_ executable: URL, arguments: [String], stdin: [UInt8]? = nil, environment: [String: String] = [:]) throws -> RunResult {
    let process = Process()
    if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
    process.executableURL = executable
    process.arguments = arguments
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = stdin == nil ? FileHandle.nullDevice : input
    try process.run()
    if let stdin {
        // Feed stdin from another thread so that a large input cannot deadlock against a full stdout pipe.
        // routemap may stop reading early (an input over its limit): the write then fails with EPIPE,
        // which must not kill the test process with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let writer = input.fileHandleForWriting
        Thread.detachNewThread {
            stdin.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = write(writer.fileDescriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0, errno == EINTR { continue }
                    if written <= 0 { break }
                    offset += written
                }
            }
            try? writer.close()
        }
    }
    // Read both pipes before waiting, so a large output cannot block the child.
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return RunResult(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
}

/// A value shared between threads.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func get() -> Value { lock.withLock { value } }
    func set(_ newValue: Value) { lock.withLock { value = newValue } }
    /// Changes the value under the lock: a get then a set would lose another thread's change made between them.
    func mutate(_ body: (inout Value) -> Void) { lock.withLock { body(&value) } }
}
