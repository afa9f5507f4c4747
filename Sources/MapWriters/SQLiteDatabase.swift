import Foundation
import CSQLite

/// An SQLite database in memory, through the system library: statements, and the finished file's bytes.
final class SQLiteDatabase {
    private var handle: OpaquePointer?

    /// A value bound to a statement's parameter.
    enum Value {
        case text(String)
        case real(Double)
        case integer(Int64)
        case blob([UInt8])
        case null
    }

    /// Opens an empty database in memory.
    init() throws(MapWriterError) {
        guard sqlite3_open_v2(":memory:", &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK else {
            let reason = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(handle)
            throw MapWriterError("cannot open an SQLite database in memory: \(reason)")
        }
    }

    deinit { sqlite3_close(handle) }

    /// Runs one or more statements without parameters.
    func execute(_ sql: String) throws(MapWriterError) {
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &message) == SQLITE_OK else {
            let reason = message.map { String(cString: $0) } ?? errorMessage
            sqlite3_free(message)
            throw MapWriterError("SQLite refused '\(sql.prefix(120))': \(reason)")
        }
    }

    /// Runs one statement once per row of `rows`, binding each row's values in order.
    func run(_ sql: String, rows: [[Value]]) throws(MapWriterError) {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else {
            throw MapWriterError("SQLite refused '\(sql.prefix(120))': \(errorMessage)")
        }
        defer { sqlite3_finalize(statement) }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for row in rows {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
            for (offset, value) in row.enumerated() {
                let index = Int32(offset + 1)
                switch value {
                case .text(let text): sqlite3_bind_text(statement, index, text, -1, transient)
                case .real(let x): sqlite3_bind_double(statement, index, x)
                case .integer(let n): sqlite3_bind_int64(statement, index, n)
                case .blob(let bytes): bytes.withUnsafeBytes { _ = sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), transient) }
                case .null: sqlite3_bind_null(statement, index)
                }
            }
            guard sqlite3_step(statement) == SQLITE_DONE else {
                throw MapWriterError("SQLite could not run '\(sql.prefix(120))': \(errorMessage)")
            }
        }
    }

    /// The id SQLite gave the last row inserted.
    var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// The database file's bytes, exactly as SQLite would write them to disk.
    func serialized() throws(MapWriterError) -> [UInt8] {
        var size: sqlite3_int64 = 0
        guard let bytes = sqlite3_serialize(handle, "main", &size, 0) else {
            throw MapWriterError("SQLite could not serialise the database: \(errorMessage)")
        }
        defer { sqlite3_free(bytes) }
        return Array(UnsafeBufferPointer(start: bytes, count: Int(size)))
    }

    private var errorMessage: String { String(cString: sqlite3_errmsg(handle)) }

    /// `name` as an SQL identifier in double quotes.
    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `text` as an SQL string literal.
    static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
