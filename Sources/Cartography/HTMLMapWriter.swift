import Coordinates
import GeoJSON
import MapWriters

/// Writes a document as one self-contained HTML page that opens offline in any browser: Leaflet
/// (inlined) with pan and zoom, the same projection and simplified base map as the static map,
/// popups with each feature's name, kind, coordinate source, legs and quoted citations, a layer
/// switcher, a scale bar, and a side list of the routes with their legs and distances.
///
/// The page holds one `<script type="application/json">` of data (coordinates already projected
/// with PROJ, in metres, so Leaflet draws them in a plain CRS with no seam at ±180° and no
/// Mercator blow-up at the poles) and one `<script>` of code.
public struct HTMLMapWriter: MapWriter {
    /// A writer.
    public init() {}

    public func write(_ document: MapDocument) throws(MapWriterError) -> [UInt8] {
        let scene = try MapScene(document)
        return Array(HTMLMapPage(scene: scene).render().utf8)
    }
}

/// One HTML page of a scene.
struct HTMLMapPage {
    let scene: MapScene

    /// The base map is kept this far round the map's frame (in frames), so a reader can pan a little.
    private static let reach = 1.0

    func render() -> String {
        let document = scene.document
        let css = MapAssets.text("leaflet/leaflet.css").replacingOccurrences(of: "url(images/layers.png)", with: "none")
            .replacingOccurrences(of: "url(images/layers-2x.png)", with: "none").replacingOccurrences(of: "url(images/marker-icon.png)", with: "none")
        let leaflet = MapAssets.text("leaflet/leaflet.min.js").replacingOccurrences(of: "//# sourceMappingURL=leaflet.min.js.map", with: "")
        var html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(XMLText.escaped(document.title))</title>
        <link rel="icon" href="data:,">
        <style>\(css)</style>
        <style>\(Self.pageStyle)</style>
        <script>\(leaflet)</script>
        </head>
        <body>
        <aside id="sidebar">
        <h1 dir="auto">\(XMLText.escaped(document.title))</h1>
        <p class="projection">\(XMLText.escaped(scene.projection.explanation)).</p>

        """
        html += sidebarLists()
        html += "<footer>" + scene.credits.map(XMLText.escaped).joined(separator: " ") + "</footer>\n</aside>\n"
        html += "<div id=\"map\" role=\"application\" aria-label=\"Map\"></div>\n"
        html += "<script type=\"application/json\" id=\"routemap-data\">" + data().compact.replacingOccurrences(of: "<", with: "\\u003c") + "</script>\n"
        html += "<script>\(Self.code)</script>\n</body>\n</html>\n"
        return html
    }

    // MARK: The side list

    private func sidebarLists() -> String {
        var html = ""
        let order = ["routes", "sites", "ranges", "places", "claims"]
        let layers = scene.document.layers.filter { !$0.features.isEmpty }
            .sorted { (order.firstIndex(of: $0.name) ?? order.count, $0.name) < (order.firstIndex(of: $1.name) ?? order.count, $1.name) }
        for layer in layers {
            html += "<section class=\"layer\" data-layer=\"\(XMLText.escaped(layer.name))\"><h2>\(XMLText.escaped(layer.title))</h2><ol>\n"
            for feature in layer.features {
                let description = FeatureDescription(feature)
                let id = XMLText.escaped(feature.id ?? "")
                html += "<li data-goto=\"\(id)\" tabindex=\"0\"><span class=\"name\">\(XMLText.escaped(description.name))</span>"
                let summary = [feature.string("kind"), feature.string("mode").map { "by \($0)" }, feature.number("total_km").map { "\(Self.grouped($0)) km" }]
                    .compactMap { $0 }.filter { !$0.isEmpty && $0 != "supply-route" }
                if !summary.isEmpty { html += " <span class=\"summary\">\(XMLText.escaped(summary.joined(separator: ", ")))</span>" }
                if !description.legs.isEmpty {
                    html += "<ul class=\"legs\">"
                    for leg in description.legs {
                        let distance = leg.kilometres.map { "\(fixed($0, 1)) km" } ?? ""
                        html += "<li>\(XMLText.escaped(leg.from)) → \(XMLText.escaped(leg.to)): \(distance) by \(XMLText.escaped(leg.mode))</li>"
                    }
                    html += "</ul>"
                }
                html += "</li>\n"
            }
            html += "</ol></section>\n"
        }
        return html
    }

    // MARK: The data

    /// Everything the code draws, in projected metres (rounded to the metre).
    private func data() -> JSONValue {
        let s = scene
        let reach = s.frame.inset(by: max(s.frame.width, s.frame.height) * Self.reach)
        let base = BaseMap.shared
        var land: [JSONValue] = []
        for polygon in base.land where s.mayShow(polygon[0]) {
            for ring in polygon {
                for piece in s.projectedRings(ring.positions) {
                    let clipped = Clipping.ring(piece, to: reach)
                    if !clipped.isEmpty { land.append(line(clipped)) }
                }
            }
        }
        let lines = { (parts: [BaseMap.Part]) -> [JSONValue] in
            parts.filter(s.mayShow).flatMap { s.projectedLines($0.positions).flatMap { Clipping.line($0, to: reach) } }.map(line)
        }
        let (meridians, parallels) = s.graticule()
        let graticule = (meridians + parallels).flatMap { s.projectedLines($0.1).flatMap { Clipping.line($0, to: reach) } }.map(line)
        var layers: [JSONValue] = []
        for layer in s.document.layers {
            var features: [JSONValue] = []
            for feature in layer.features {
                if let drawn = drawing(feature, layer: layer.name) { features.append(drawn) }
            }
            layers.append(.object([("name", .string(layer.name)), ("title", .string(layer.title)), ("features", .array(features))]))
        }
        return .object([
            ("title", .string(s.document.title)),
            ("projection", .string(s.projection.definition)),
            ("metresPerPixel", .number(s.metresPerPixel)),
            ("frame", .array([s.frame.minX, s.frame.minY, s.frame.maxX, s.frame.maxY].map { .integer(Int($0.rounded())) })),
            ("style", .object([("sea", .string(MapStyle.sea)), ("land", .string(MapStyle.land)), ("coast", .string(MapStyle.coast)),
                               ("border", .string(MapStyle.border)), ("graticule", .string(MapStyle.graticule))])),
            ("basemap", .object([("land", .array(land)), ("coasts", .array(lines(base.coasts))), ("borders", .array(lines(base.borders))), ("graticule", .array(graticule))])),
            ("layers", .array(layers)),
        ])
    }

    /// One feature as the code draws it: its kind of drawing, projected geometry, style, popup and label.
    private func drawing(_ feature: Feature, layer: String) -> JSONValue? {
        guard let geometry = feature.geometry else { return nil }
        let s = scene
        var members: [(String, JSONValue)] = [("id", .string(feature.id ?? "")), ("popup", .string(FeatureDescription(feature).html))]
        let name = feature.string("name") ?? feature.id ?? ""
        switch geometry {
        case .point(let p):
            guard let at = s.projection.project(p) else { return nil }
            let symbol: String
            switch layer {
            case "sites":
                let (shape, colour) = MapStyle.site(kind: feature.string("kind"))
                symbol = shape.svg(fill: colour)
            case "places": symbol = "<circle r=\"4\" fill=\"\(MapStyle.placeColour)\" stroke=\"#ffffff\" stroke-width=\"1.2\"/>"
            case "claims": symbol = MapStyle.Symbol.diamond.svg(fill: MapStyle.claimColour, size: 10)
            default: symbol = MapStyle.Symbol.hexagon.svg(fill: MapStyle.otherColour, size: 10)
            }
            members += [("type", .string("point")), ("at", point(at)), ("label", .string(name)), ("permanent", .bool(layer == "sites")),
                        ("symbol", .string("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"20\" height=\"20\" viewBox=\"-10 -10 20 20\">\(symbol)</svg>"))]
        case .lineString, .multiLineString:
            let parts: [[Position]] = { if case .lineString(let l) = geometry { return [l] }; if case .multiLineString(let ls) = geometry { return ls }; return [] }()
            let style = layer == "routes" ? MapStyle.route(mode: feature.string("mode"))
                : MapStyle.Line(colour: layer == "claims" ? MapStyle.claimColour : MapStyle.otherColour, width: 2, dashes: "6 3", label: layer)
            let runs = parts.flatMap(s.projectedLines)
            guard !runs.isEmpty else { return nil }
            let label = feature.number("total_km").map { "\(name): \(Self.grouped($0)) km" } ?? name
            members += [("type", .string("line")), ("lines", .array(runs.map(line))), ("colour", .string(style.colour)),
                        ("width", .number(style.width)), ("dashes", .optional(style.dashes)), ("label", .string(label))]
        case .polygon, .multiPolygon:
            let polygons: [[[Position]]] = { if case .polygon(let r) = geometry { return [r] }; if case .multiPolygon(let ps) = geometry { return ps }; return [] }()
            let rings = polygons.flatMap { $0.flatMap(s.projectedRings) }
            let outline = polygons.flatMap { $0.flatMap(CutEdges.boundaryRuns) }.flatMap(s.projectedLines)
            guard !rings.isEmpty else { return nil }
            let colour = layer == "ranges" ? MapStyle.rangeColour : layer == "claims" ? MapStyle.claimColour : MapStyle.otherColour
            let label = feature.string("radius").map { radius in feature.string("centre_name").map { "\(radius) from \($0)" } ?? radius } ?? name
            members += [("type", .string("polygon")), ("rings", .array(rings.map(line))), ("outline", .array(outline.map(line))),
                        ("colour", .string(colour)), ("label", .string(label))]
        }
        return .object(members)
    }

    private func point(_ p: PlanarPoint) -> JSONValue {
        .array([.integer(Int(p.x.rounded())), .integer(Int(p.y.rounded()))])
    }

    /// A line or ring as [[x, y], …] in whole metres, repeated points dropped.
    private func line(_ points: [PlanarPoint]) -> JSONValue {
        var out: [JSONValue] = []
        var last: (Int, Int)?
        for p in points {
            let q = (Int(p.x.rounded()), Int(p.y.rounded()))
            if let last, last == q { continue }
            out.append(.array([.integer(q.0), .integer(q.1)]))
            last = q
        }
        return .array(out)
    }

    static func grouped(_ value: Double) -> String { SVGMap.grouped(value) }

    static let pageStyle = """
    html, body { margin: 0; height: 100%; font-family: \(MapStyle.font); color: \(MapStyle.ink); }
    #sidebar { position: absolute; top: 0; bottom: 0; left: 0; width: 340px; overflow-y: auto; padding: 12px 16px; box-sizing: border-box; border-right: 1px solid #bbb; background: #fff; font-size: 13px; }
    #sidebar h1 { font-size: 18px; margin: 4px 0 6px; }
    #sidebar h2 { font-size: 14px; margin: 14px 0 4px; border-bottom: 1px solid #ddd; }
    #sidebar ol { padding-left: 22px; margin: 4px 0; }
    #sidebar li[data-goto] { cursor: pointer; margin: 3px 0; }
    #sidebar li[data-goto]:hover .name { text-decoration: underline; }
    #sidebar .summary, #sidebar .projection, #sidebar footer { color: \(MapStyle.quietInk); }
    #sidebar .legs { padding-left: 16px; margin: 2px 0 6px; color: #333; list-style: disc; }
    #sidebar footer { font-size: 11px; margin-top: 16px; }
    #map { position: absolute; top: 0; bottom: 0; left: 340px; right: 0; background: \(MapStyle.sea); }
    .rm-symbol { background: none; border: none; }
    .rm-label { font-weight: bold; }
    .rm-popup h3 { margin: 0 0 6px; font-size: 15px; }
    .rm-popup table { border-collapse: collapse; font-size: 12px; }
    .rm-popup th { text-align: left; padding: 1px 8px 1px 0; color: #555; font-weight: normal; vertical-align: top; }
    .rm-popup blockquote { margin: 8px 0 0; padding-left: 8px; border-left: 3px solid \(MapStyle.rangeColour); font-size: 12px; }
    .rm-popup ol { padding-left: 18px; margin: 2px 0; font-size: 12px; }
    .leaflet-control-layers-toggle { display: none; }
    """

    /// The page's code: draws the data with Leaflet in a plain CRS of projected metres.
    static let code = """
    (function () {
      'use strict';
      var data = JSON.parse(document.getElementById('routemap-data').textContent);
      var s = data.metresPerPixel;
      var crs = L.extend({}, L.CRS.Simple, { transformation: new L.Transformation(1 / s, 0, -1 / s, 0) });
      var map = L.map('map', { crs: crs, zoomSnap: 0.25, zoomDelta: 0.5, minZoom: -3, maxZoom: 9 });
      function ll(c) { return L.latLng(c[1], c[0]); }
      function lls(a) { return a.map(ll); }
      var frame = L.latLngBounds(ll([data.frame[0], data.frame[1]]), ll([data.frame[2], data.frame[3]]));
      map.fitBounds(frame);
      map.attributionControl.setPrefix('Leaflet');
      map.attributionControl.addAttribution('Natural Earth (public domain) · projected with PROJ');
      var quiet = { interactive: false };
      L.polyline(data.basemap.graticule.map(lls), L.extend({ color: data.style.graticule, weight: 0.7 }, quiet)).addTo(map);
      L.polygon(data.basemap.land.map(function (r) { return [lls(r)]; }), L.extend({ stroke: false, fillColor: data.style.land, fillOpacity: 1 }, quiet)).addTo(map);
      L.polyline(data.basemap.borders.map(lls), L.extend({ color: data.style.border, weight: 0.8, dashArray: '4 2' }, quiet)).addTo(map);
      L.polyline(data.basemap.coasts.map(lls), L.extend({ color: data.style.coast, weight: 0.9 }, quiet)).addTo(map);
      var byId = {};
      var overlays = {};
      function mark(layer, id) {
        if (layer.getElement && layer.getElement()) { layer.getElement().setAttribute('data-feature-id', id); }
        if (layer.eachLayer) { layer.eachLayer(function (l) { mark(l, id); }); }
      }
      data.layers.forEach(function (layer) {
        var group = L.featureGroup().addTo(map);
        layer.features.forEach(function (f) {
          var item;
          if (f.type === 'point') {
            item = L.marker(ll(f.at), { icon: L.divIcon({ className: 'rm-symbol', html: f.symbol, iconSize: [20, 20], iconAnchor: [10, 10] }), title: f.label, riseOnHover: true });
            item.bindTooltip(f.label, { permanent: f.permanent, direction: 'right', offset: [8, 0], className: f.permanent ? 'rm-label' : '' });
          } else if (f.type === 'line') {
            item = L.featureGroup([
              L.polyline(f.lines.map(lls), { color: '#ffffff', weight: f.width + 3, opacity: 0.85, interactive: false }),
              L.polyline(f.lines.map(lls), { color: f.colour, weight: f.width, dashArray: f.dashes, lineCap: 'round' })
            ]);
            item.bindTooltip(f.label, { sticky: true });
          } else {
            item = L.featureGroup([
              L.polygon(f.rings.map(function (r) { return [lls(r)]; }), { stroke: false, fillColor: f.colour, fillOpacity: 0.1 }),
              L.polyline(f.outline.map(lls), { color: f.colour, weight: 1.6, dashArray: '7 4', interactive: false })
            ]);
            item.bindTooltip(f.label, { sticky: true });
          }
          item.bindPopup(f.popup, { maxWidth: 420 });
          group.addLayer(item);
          mark(item, f.id);
          byId[f.id] = item;
        });
        overlays[layer.title] = group;
      });
      L.control.layers(null, overlays, { collapsed: false }).addTo(map);
      L.control.scale({ imperial: false, maxWidth: 160 }).addTo(map);
      Array.prototype.forEach.call(document.querySelectorAll('[data-goto]'), function (el) {
        function go() {
          var item = byId[el.getAttribute('data-goto')];
          if (!item) { return; }
          if (item.getBounds) { map.fitBounds(item.getBounds(), { padding: [40, 40], maxZoom: map.getZoom() + 2 }); }
          else { map.setView(item.getLatLng(), Math.max(map.getZoom(), 1)); }
          item.openPopup();
        }
        el.addEventListener('click', go);
        el.addEventListener('keydown', function (e) { if (e.key === 'Enter') { go(); } });
      });
      document.body.setAttribute('data-map-ready', 'true');
    })();
    """
}
