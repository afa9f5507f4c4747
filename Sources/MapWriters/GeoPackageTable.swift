import GeoJSON

/// One GeoPackage table: the features of a layer that share a geometry family, and the typed
/// columns their properties need.
struct GeoPackageTable {
    /// An SQL column type, as GDAL reads it back.
    enum ColumnType: String {
        case text = "TEXT", real = "REAL", integer = "INTEGER", boolean = "BOOLEAN"
    }

    /// A property's column.
    struct Column {
        /// The property's key.
        let key: String
        /// The column's name: the key, renamed when it would clash with `fid`, `geom` or another column.
        let name: String
        let type: ColumnType
        /// Whether values are JSON text (arrays and objects), marked `application/json` in `gpkg_data_columns`.
        let isJSON: Bool
    }

    let name: String
    let layer: MapLayer
    let family: GeometryFamily
    let features: [Feature]
    let columns: [Column]

    /// The tables of a layer: one when its features share a geometry family, else one per family
    /// (`sites_points`, `sites_lines`…), in the order points, lines, polygons, none.
    static func tables(of layer: MapLayer) -> [GeoPackageTable] {
        var byFamily: [GeometryFamily: [Feature]] = [:]
        for feature in layer.features { byFamily[GeometryFamily(feature.geometry), default: []].append(feature) }
        // Features with no geometry go with the layer's geometries when it has one family.
        let families = GeometryFamily.allCases.filter { byFamily[$0] != nil && $0 != .none }
        if families.count == 1, let loose = byFamily.removeValue(forKey: .none) { byFamily[families[0], default: []] += loose }
        let present = GeometryFamily.allCases.filter { byFamily[$0] != nil }
        let base = tableName(layer.name)
        return present.map { family in
            let features = layer.features.filter { f in byFamily[family]!.contains { $0.id == f.id && $0.geometry == f.geometry } }
            return GeoPackageTable(name: present.count == 1 ? base : "\(base)_\(family.rawValue)", layer: layer, family: family,
                                   features: features, columns: columns(of: features))
        }
    }

    /// A layer name as a plain SQL table name: lowercase letters, digits and underscores.
    static func tableName(_ name: String) -> String {
        var out = String(name.lowercased().unicodeScalars.map { ("a"..."z").contains($0) || ("0"..."9").contains($0) ? Character($0) : "_" })
        if out.isEmpty || out.first!.isNumber || out.hasPrefix("gpkg_") || out.hasPrefix("rtree_") || out.hasPrefix("sqlite_") { out = "layer_" + out }
        return out
    }

    /// Every property key in first-seen order, typed by the values it holds. The `layer` property
    /// is left out: the table is the layer.
    private static func columns(of features: [Feature]) -> [Column] {
        var keys: [String] = []
        var values: [String: [JSONValue]] = [:]
        for feature in features {
            for (key, value) in feature.properties where key != "layer" {
                if values[key] == nil { keys.append(key) }
                values[key, default: []].append(value)
            }
        }
        var taken: Set<String> = ["fid", "geom"]
        return keys.map { key in
            var name = key
            var n = 2
            while taken.contains(name.lowercased()) {
                name = "\(key)_\(n)"
                n += 1
            }
            taken.insert(name.lowercased())
            let (type, isJSON) = columnType(values[key]!)
            return Column(key: key, name: name, type: type, isJSON: isJSON)
        }
    }

    private static func columnType(_ values: [JSONValue]) -> (ColumnType, Bool) {
        var strings = 0, reals = 0, integers = 0, bools = 0, nested = 0
        for value in values {
            switch value {
            case .string: strings += 1
            case .number: reals += 1
            case .integer: integers += 1
            case .bool: bools += 1
            case .array, .object: nested += 1
            case .null: break
            }
        }
        if nested > 0, strings + reals + integers + bools == 0 { return (.text, true) }
        if strings + nested > 0 || (bools > 0 && reals + integers > 0) { return (.text, false) }
        if bools > 0 { return (.boolean, false) }
        if reals > 0 { return (.real, false) }
        if integers > 0 { return (.integer, false) }
        return (.text, false)
    }

    /// A property value as the column stores it.
    static func value(_ value: JSONValue?, in column: Column) -> SQLiteDatabase.Value {
        switch value {
        case nil, .null?: .null
        case .string(let s)?: .text(s)
        case .number(let x)?: column.type == .text ? .text(JSONValue.number(x).compact) : (x.isFinite ? .real(x) : .null)
        case .integer(let n)?: column.type == .text ? .text(String(n)) : (column.type == .real ? .real(Double(n)) : .integer(Int64(n)))
        case .bool(let b)?: column.type == .text ? .text(b ? "true" : "false") : .integer(b ? 1 : 0)
        case let nested?: .text(nested.compact)
        }
    }
}
