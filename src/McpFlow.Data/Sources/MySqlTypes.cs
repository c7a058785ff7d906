using MySqlConnector;

namespace McpFlow.Data.Sources;

/// <summary>
/// MySQL and MariaDB types → DuckDB types (docs/tools/data_load_source.md lists the same table). Integers keep their
/// width and sign (unsigned ones become DuckDB's unsigned types, so BIGINT UNSIGNED keeps values above 2^63); DECIMAL
/// with precision ≤ 28 stays exact, wider becomes DOUBLE; TINYINT(1) and BIT(1) become BOOLEAN; DATETIME is a wall-clock
/// TIMESTAMP, TIMESTAMP an instant read in UTC (TIMESTAMPTZ); TIME is a duration (INTERVAL); zero dates become NULL and
/// are counted; ENUM and SET are their text; MySQL's JSON (and MariaDB's, a LONGTEXT with a json_valid check, when a
/// table is read) becomes JSON.
/// </summary>
public static class MySqlTypes
{
    private const string ZeroDates = "zero dates ('0000-00-00' or a zero month or day) read as NULL";

    /// <summary>Maps one column of a result description; <paramref name="isJson"/> when the table declares it JSON.</summary>
    public static SourceColumn Map(string name, MySqlDbType type, string typeName, int size, int? precision, int? scale, bool isJson)
    {
        SourceColumn Exact(string source, string duck, ValueKind kind, string? note = null) => new(name, source, duck, note) { Kind = kind };
        return type switch
        {
            MySqlDbType.Bool => Exact("BOOL", "BOOLEAN", ValueKind.IntegerBoolean),
            MySqlDbType.Byte when size == 1 => Exact("TINYINT(1)", "BOOLEAN", ValueKind.IntegerBoolean) with { Replaced = "values other than 0 and 1 read as true" },
            MySqlDbType.Byte => Exact("TINYINT", "TINYINT", ValueKind.Int8),
            MySqlDbType.UByte => Exact("TINYINT UNSIGNED", "UTINYINT", ValueKind.UInt8),
            MySqlDbType.Int16 => Exact("SMALLINT", "SMALLINT", ValueKind.Int16),
            MySqlDbType.UInt16 => Exact("SMALLINT UNSIGNED", "USMALLINT", ValueKind.UInt16),
            MySqlDbType.Int24 => Exact("MEDIUMINT", "INTEGER", ValueKind.Int32),
            MySqlDbType.UInt24 => Exact("MEDIUMINT UNSIGNED", "UINTEGER", ValueKind.UInt32),
            MySqlDbType.Int32 => Exact("INT", "INTEGER", ValueKind.Int32),
            MySqlDbType.UInt32 => Exact("INT UNSIGNED", "UINTEGER", ValueKind.UInt32),
            MySqlDbType.Int64 => Exact("BIGINT", "BIGINT", ValueKind.Int64),
            MySqlDbType.UInt64 => Exact("BIGINT UNSIGNED", "UBIGINT", ValueKind.UInt64),
            MySqlDbType.Bit when size == 1 => Exact("BIT(1)", "BOOLEAN", ValueKind.IntegerBoolean),
            MySqlDbType.Bit => Exact($"BIT({size})", "UBIGINT", ValueKind.UInt64, "bits as an unsigned number, e.g. b'101' → 5"),
            MySqlDbType.Year => Exact("YEAR", "SMALLINT", ValueKind.Int16),
            MySqlDbType.Float => Exact("FLOAT", "FLOAT", ValueKind.Single),
            MySqlDbType.Double => Exact("DOUBLE", "DOUBLE", ValueKind.Double),
            MySqlDbType.Decimal or MySqlDbType.NewDecimal when precision is > 0 and <= PostgresTypes.MaxDecimalPrecision =>
                Exact($"DECIMAL({precision},{scale ?? 0})", $"DECIMAL({precision},{scale ?? 0})", ValueKind.Decimal),
            MySqlDbType.Decimal or MySqlDbType.NewDecimal => Exact($"DECIMAL({precision},{scale ?? 0})", "DOUBLE", ValueKind.Double,
                "wider than 28 digits: read as double precision (about 15 significant digits)") with
            { CastToDouble = true },
            MySqlDbType.Date or MySqlDbType.Newdate => Exact("DATE", "DATE", ValueKind.Date) with { Replaced = ZeroDates },
            MySqlDbType.DateTime => Exact("DATETIME", "TIMESTAMP", ValueKind.Timestamp, "wall-clock time as stored, no time zone") with { Replaced = ZeroDates },
            MySqlDbType.Timestamp => Exact("TIMESTAMP", "TIMESTAMPTZ", ValueKind.TimestampTz, "an instant, read in UTC") with { Replaced = ZeroDates },
            MySqlDbType.Time => Exact("TIME", "INTERVAL", ValueKind.Interval, "a duration (-838:59:59 to 838:59:59), not a time of day"),
            MySqlDbType.Enum => Exact("ENUM", "VARCHAR", ValueKind.Text, "enum label"),
            MySqlDbType.Set => Exact("SET", "VARCHAR", ValueKind.Text, "set members, comma-separated"),
            MySqlDbType.JSON => Exact("JSON", "JSON", ValueKind.Text),
            MySqlDbType.VarChar or MySqlDbType.String or MySqlDbType.VarString or MySqlDbType.Text or MySqlDbType.TinyText
                or MySqlDbType.MediumText or MySqlDbType.LongText when isJson => Exact("JSON (LONGTEXT)", "JSON", ValueKind.Text, "MariaDB JSON, stored as LONGTEXT"),
            MySqlDbType.VarChar or MySqlDbType.String or MySqlDbType.VarString or MySqlDbType.Text or MySqlDbType.TinyText
                or MySqlDbType.MediumText or MySqlDbType.LongText or MySqlDbType.Null => Exact(typeName, "VARCHAR", ValueKind.Text),
            MySqlDbType.Binary or MySqlDbType.VarBinary or MySqlDbType.TinyBlob or MySqlDbType.Blob or MySqlDbType.MediumBlob
                or MySqlDbType.LongBlob => Exact(type is MySqlDbType.Binary or MySqlDbType.VarBinary ? type.ToString().ToUpperInvariant() : "BLOB", "BLOB", ValueKind.Blob),
            MySqlDbType.Geometry => Exact("GEOMETRY", "BLOB", ValueKind.Blob, "the server's geometry bytes (4-byte SRID, then WKB); ST_AsText in a query gives text"),
            _ => Exact(typeName, "VARCHAR", ValueKind.Text, "no direct DuckDB type: read as the server's text form") with { CastToText = true },
        };
    }
}
