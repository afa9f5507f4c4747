import Foundation
import MapWriters

/// Draws a document as a PNG: the SVG map rasterised by librsvg's `rsvg-convert` (Debian
/// `librsvg2-bin`), at `scale` times its pixel size for print.
public struct PNGMapWriter: MapWriter {
    /// Output pixels per SVG pixel.
    public let scale: Double
    /// The SVG map drawn first.
    public let svg: SVGMapWriter

    /// A writer rasterising at `scale` (2 by default: 2400 pixels wide).
    public init(scale: Double = 2, svg: SVGMapWriter = SVGMapWriter()) {
        self.scale = scale
        self.svg = svg
    }

    public func write(_ document: MapDocument) throws(MapWriterError) -> [UInt8] {
        let image = try svg.write(document)
        return try Self.rasterise(image, scale: scale)
    }

    /// The PNG of an SVG text, by `rsvg-convert`.
    static func rasterise(_ svg: [UInt8], scale: Double) throws(MapWriterError) -> [UInt8] {
        guard let tool = executable("rsvg-convert") else {
            throw MapWriterError("cannot draw a PNG: rsvg-convert is not installed; install it (apt-get install librsvg2-bin) or write an SVG instead (--out map.svg)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["--format", "png", "--zoom", "\(scale)", "--background-color", "white"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw MapWriterError("cannot run \(tool): \(error.localizedDescription)")
        }
        let writer = input.fileHandleForWriting
        let feeding = Thread {
            writer.write(Data(svg))
            try? writer.close()
        }
        feeding.start()
        let png = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, png.starts(with: [0x89, 0x50, 0x4E, 0x47]) else {
            throw MapWriterError("rsvg-convert could not draw the map (status \(process.terminationStatus)): \(String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return [UInt8](png)
    }

    /// The path of a program on PATH, nil when none.
    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
