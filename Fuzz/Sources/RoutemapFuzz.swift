// libFuzzer's entry point for routemap's fuzzing targets (built only by `make fuzz`, which sets
// ROUTEMAP_FUZZ=1 so that Package.swift adds this target and instruments the libraries).
// ROUTEMAP_FUZZ_TARGET names the target; see FuzzTargets.all.
import Foundation
import FuzzTargets

private let selected: @Sendable ([UInt8]) -> [String] = {
    let name = ProcessInfo.processInfo.environment["ROUTEMAP_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTargets.all[name] else {
        FileHandle.standardError.write(Data("set ROUTEMAP_FUZZ_TARGET to one of: \(FuzzTargets.all.keys.sorted().joined(separator: ", "))\n".utf8))
        exit(2)
    }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let problems = selected(bytes)
    if !problems.isEmpty { fatalError("invariant broken:\n" + problems.joined(separator: "\n")) }
    return 0
}

/// libFuzzer's driver, for the entry point below.
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// SwiftPM links an executable's `main` to `<Module>_main`; here it starts libFuzzer's driver.
@_cdecl("RoutemapFuzz_main")
public func routemapFuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}
