import Foundation
import MapWriters
import Testing
@testable import Cartography

/// Headless Chromium (Debian `chromium`) on a page: the DOM after its scripts ran, a screenshot,
/// and what the page wrote to its console (Chromium logs each console message, errors and
/// uncaught exceptions included, as an `INFO:CONSOLE` entry on stderr with --enable-logging=stderr).
struct Browser {
    let dom: String
    let screenshot: DecodedPNG
    let console: [String]

    init(page: String) throws {
        let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-extensions",
                     "--window-size=1300,850", "--virtual-time-budget=5000", "--enable-logging=stderr", "--v=0"]
        let url = URL(fileURLWithPath: page).absoluteString
        let dump = try run("chromium", flags + ["--dump-dom", url])
        guard dump.status == 0 else { throw DecodedPNG.DecodeError(message: "chromium --dump-dom failed: \(dump.stderr.suffix(500))") }
        let shot = page + ".png"
        let picture = try run("chromium", flags + ["--screenshot=\(shot)", url])
        guard picture.status == 0 else { throw DecodedPNG.DecodeError(message: "chromium --screenshot failed: \(picture.stderr.suffix(500))") }
        dom = dump.stdout
        screenshot = try DecodedPNG(file: shot)
        console = (dump.stderr + picture.stderr).split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE") }
    }
}

@Suite("HTML maps in a real headless Chromium", .serialized)
struct HTMLMapTests {
    @Test("the console check sees a page's errors (so a clean console means something)")
    func consoleCheckWorks() throws {
        let page = try temporaryFile(Array("<!DOCTYPE html><html><head><link rel=\"icon\" href=\"data:,\"></head><body><script>console.error('broken on purpose'); undefinedFunction();</script></body></html>".utf8), extension: "html")
        let browser = try Browser(page: page)
        #expect(browser.console.contains { $0.contains("broken on purpose") })
        #expect(browser.console.contains { $0.contains("undefinedFunction") })
    }

    @Test("the seeds' page: console clean, every feature in the map's DOM, the screenshot shows the map and the route", arguments: ["seeds", "pacific", "polar"])
    func page(name: String) throws {
        let document = name == "seeds" ? Samples.seeds : name == "pacific" ? Samples.pacific : Samples.polar
        let html = try HTMLMapWriter().write(document)
        let text = String(decoding: html, as: UTF8.self)
        #expect(!text.contains("http://") && !text.contains("https://") || !text.contains("src=\"http"), "no network resources")
        #expect(!text.contains("<script src="), "everything inline")
        let browser = try Browser(page: try temporaryFile(html, extension: "html"))
        #expect(browser.console.isEmpty, "console: \(browser.console)")
        #expect(browser.dom.contains("data-map-ready=\"true\""), "the page's code ran to the end")
        let pane = try #require(browser.dom.range(of: "leaflet-map-pane"))
        let map = browser.dom[pane.lowerBound...]
        for feature in document.allFeatures {
            #expect(map.contains("data-feature-id=\"\(feature.id!)\""), "\(feature.id!) is not drawn")
        }
        #expect(browser.dom.contains("class=\"leaflet-control-scale-line\""))
        let shot = browser.screenshot
        #expect(shot.colourCount > 50, "blank screenshot")
        #expect(shot.count(near: (0xd6, 0xe6, 0xf2), tolerance: 12) > 10_000, "the sea")
        #expect(shot.count(near: (0xf4, 0xf1, 0xea), tolerance: 12) > 1_000 || name == "polar", "the land")
        let route = MapStyle.route(mode: document.layers.first { $0.name == "routes" }!.features[0].string("mode")).colour
        let rgb = (Int(route.dropFirst().prefix(2), radix: 16)!, Int(route.dropFirst(3).prefix(2), radix: 16)!, Int(route.dropFirst(5).prefix(2), radix: 16)!)
        #expect(shot.count(near: rgb, tolerance: 30) > 100, "the route (\(route)) is drawn")
    }
}
