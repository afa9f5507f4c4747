import GeoJSON

/// Writes a document as an OGC GeoPackage (1.2) through the system SQLite, as GDAL's GPKG driver
/// lays one out: a table per layer and geometry type (`sites`, `routes`, `ranges`, `places`,
/// `claims`), typed columns, arrays and objects as JSON text marked `application/json` in
/// `gpkg_data_columns`, EPSG:4326, and an R-tree spatial index per table with the standard triggers.
///
/// The database is built in memory and serialised, so the writer returns the file's bytes and
/// the caller writes them atomically; the same document gives the same bytes.
public struct GeoPackageWriter: MapWriter {
    /// A writer.
    public init() {}

    public func write(_ document: MapDocument) throws(MapWriterError) -> [UInt8] {
        let db = try SQLiteDatabase()
        try db.execute("PRAGMA application_id = 1196444487; PRAGMA user_version = 10200; PRAGMA page_size = 4096;")
        try createCoreTables(db)
        let tables = document.layers.flatMap(GeoPackageTable.tables)
        var names: Set<String> = []
        let lastChange = document.lastChange ?? "1970-01-01T00:00:00.000Z"
        for table in tables {
            guard names.insert(table.name).inserted else {
                throw MapWriterError("two layers make the GeoPackage table '\(table.name)'; give the layers distinct names")
            }
            try write(table, lastChange: lastChange, to: db)
        }
        if tables.contains(where: { $0.columns.contains(where: \.isJSON) }) {
            try db.run("INSERT INTO gpkg_extensions VALUES (?, NULL, 'gpkg_schema', 'http://www.geopackage.org/spec121/#extension_schema', 'read-write')",
                       rows: [[.text("gpkg_data_columns")], [.text("gpkg_data_column_constraints")]])
        }
        return try db.serialized()
    }

    private func createCoreTables(_ db: SQLiteDatabase) throws(MapWriterError) {
        try db.execute("""
        CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL,srs_id INTEGER NOT NULL PRIMARY KEY,organization TEXT NOT NULL,organization_coordsys_id INTEGER NOT NULL,definition  TEXT NOT NULL,description TEXT);
        CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY,data_type TEXT NOT NULL,identifier TEXT UNIQUE,description TEXT DEFAULT '',last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),min_x DOUBLE, min_y DOUBLE,max_x DOUBLE, max_y DOUBLE,srs_id INTEGER,CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
        CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL,column_name TEXT NOT NULL,geometry_type_name TEXT NOT NULL,srs_id INTEGER NOT NULL,z TINYINT NOT NULL,m TINYINT NOT NULL,CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),CONSTRAINT uk_gc_table_name UNIQUE (table_name),CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
        CREATE TABLE gpkg_extensions (table_name TEXT,column_name TEXT,extension_name TEXT NOT NULL,definition TEXT NOT NULL,scope TEXT NOT NULL,CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
        CREATE TABLE gpkg_data_columns (table_name TEXT NOT NULL,column_name TEXT NOT NULL,name TEXT,title TEXT,description TEXT,mime_type TEXT,constraint_name TEXT,CONSTRAINT pk_gdc PRIMARY KEY (table_name, column_name),CONSTRAINT gdc_tn UNIQUE (table_name, name));
        CREATE TABLE gpkg_data_column_constraints (constraint_name TEXT NOT NULL,constraint_type TEXT NOT NULL,value TEXT,min NUMERIC,min_is_inclusive BOOLEAN,max NUMERIC,max_is_inclusive BOOLEAN,description TEXT,CONSTRAINT gdcc_ntv UNIQUE (constraint_name, constraint_type, value));
        """)
        let wgs84 = #"GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]"#
        try db.run("INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, organization_coordsys_id, definition, description) VALUES (?, ?, ?, ?, ?, ?)", rows: [
            [.text("Undefined Cartesian SRS"), .integer(-1), .text("NONE"), .integer(-1), .text("undefined"), .text("undefined Cartesian coordinate reference system")],
            [.text("Undefined geographic SRS"), .integer(0), .text("NONE"), .integer(0), .text("undefined"), .text("undefined geographic coordinate reference system")],
            [.text("WGS 84 geodetic"), .integer(4326), .text("EPSG"), .integer(4326), .text(wgs84), .text("longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid")],
        ])
    }

    private func write(_ table: GeoPackageTable, lastChange: String, to db: SQLiteDatabase) throws(MapWriterError) {
        let quoted = SQLiteDatabase.quoted(table.name)
        let hasGeometry = table.family != .none
        var definition = ["\"fid\" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL"]
        if hasGeometry { definition.append("\"geom\" \(GeoPackageGeometry.typeName(table.family))") }
        definition += table.columns.map { "\(SQLiteDatabase.quoted($0.name)) \($0.type.rawValue)" }
        try db.execute("CREATE TABLE \(quoted) (\(definition.joined(separator: ", ")));")

        var extent = GeoPackageGeometry.Envelope()
        var rows: [[SQLiteDatabase.Value]] = []
        var boxes: [(Int64, GeoPackageGeometry.Envelope)] = []
        for (index, feature) in table.features.enumerated() {
            var row: [SQLiteDatabase.Value] = [.integer(Int64(index + 1))]
            if hasGeometry {
                if let geometry = feature.geometry {
                    row.append(.blob(GeoPackageGeometry.blob(geometry, promote: true)))
                    let box = GeoPackageGeometry.Envelope(geometry)
                    extent.add(box)
                    boxes.append((Int64(index + 1), box))
                } else {
                    row.append(.null)
                }
            }
            row += table.columns.map { GeoPackageTable.value(feature.property($0.key), in: $0) }
            rows.append(row)
        }
        let columns = ["fid"] + (hasGeometry ? ["geom"] : []) + table.columns.map(\.name)
        try db.run("INSERT INTO \(quoted) (\(columns.map(SQLiteDatabase.quoted).joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))", rows: rows)

        let box: [SQLiteDatabase.Value] = extent.isEmpty ? [.null, .null, .null, .null] : [.real(extent.minX), .real(extent.minY), .real(extent.maxX), .real(extent.maxY)]
        try db.run("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows: [
            [.text(table.name), .text(hasGeometry ? "features" : "attributes"), .text(table.name), .text(table.layer.title), .text(lastChange)]
                + box + [hasGeometry ? .integer(4326) : .null],
        ])
        let json = table.columns.filter(\.isJSON)
        if !json.isEmpty {
            try db.run("INSERT INTO gpkg_data_columns (table_name, column_name, mime_type) VALUES (?, ?, 'application/json')",
                       rows: json.map { [.text(table.name), .text($0.name)] })
        }
        guard hasGeometry else { return }
        try db.run("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, 4326, 0, 0)", rows: [[.text(table.name), .text(GeoPackageGeometry.typeName(table.family))]])
        try writeSpatialIndex(table.name, boxes: boxes, to: db)
    }

    /// The R-tree of the GeoPackage extension: filled directly (its triggers call `ST_MinX` and
    /// the like, which only a GeoPackage reader such as GDAL defines), then the triggers that keep
    /// it in step with later edits, as the extension (and GDAL) defines them.
    private func writeSpatialIndex(_ table: String, boxes: [(Int64, GeoPackageGeometry.Envelope)], to db: SQLiteDatabase) throws(MapWriterError) {
        let t = SQLiteDatabase.quoted(table)
        let r = SQLiteDatabase.quoted("rtree_\(table)_geom")
        try db.execute("CREATE VIRTUAL TABLE \(r) USING rtree(id, minx, maxx, miny, maxy);")
        try db.run("INSERT INTO \(r) VALUES (?, ?, ?, ?, ?)", rows: boxes.map { id, box in
            [.integer(id), .real(box.minX), .real(box.maxX), .real(box.minY), .real(box.maxY)]
        })
        let values = #"(NEW."fid",ST_MinX(NEW."geom"), ST_MaxX(NEW."geom"),ST_MinY(NEW."geom"), ST_MaxY(NEW."geom"))"#
        let trigger = { (suffix: String) in SQLiteDatabase.quoted("rtree_\(table)_geom_\(suffix)") }
        try db.execute("""
        CREATE TRIGGER \(trigger("insert")) AFTER INSERT ON \(t) WHEN (new."geom" NOT NULL AND NOT ST_IsEmpty(NEW."geom")) BEGIN INSERT OR REPLACE INTO \(r) VALUES \(values); END;
        CREATE TRIGGER \(trigger("update1")) AFTER UPDATE OF "geom" ON \(t) WHEN OLD."fid" = NEW."fid" AND (NEW."geom" NOTNULL AND NOT ST_IsEmpty(NEW."geom")) BEGIN INSERT OR REPLACE INTO \(r) VALUES \(values); END;
        CREATE TRIGGER \(trigger("update2")) AFTER UPDATE OF "geom" ON \(t) WHEN OLD."fid" = NEW."fid" AND (NEW."geom" ISNULL OR ST_IsEmpty(NEW."geom")) BEGIN DELETE FROM \(r) WHERE id = OLD."fid"; END;
        CREATE TRIGGER \(trigger("update3")) AFTER UPDATE ON \(t) WHEN OLD."fid" != NEW."fid" AND (NEW."geom" NOTNULL AND NOT ST_IsEmpty(NEW."geom")) BEGIN DELETE FROM \(r) WHERE id = OLD."fid"; INSERT OR REPLACE INTO \(r) VALUES \(values); END;
        CREATE TRIGGER \(trigger("update4")) AFTER UPDATE ON \(t) WHEN OLD."fid" != NEW."fid" AND (NEW."geom" ISNULL OR ST_IsEmpty(NEW."geom")) BEGIN DELETE FROM \(r) WHERE id IN (OLD."fid", NEW."fid"); END;
        CREATE TRIGGER \(trigger("delete")) AFTER DELETE ON \(t) WHEN old."geom" NOT NULL BEGIN DELETE FROM \(r) WHERE id = OLD."fid"; END;
        """)
        try db.run("INSERT INTO gpkg_extensions VALUES (?, 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')", rows: [[.text(table)]])
    }
}
