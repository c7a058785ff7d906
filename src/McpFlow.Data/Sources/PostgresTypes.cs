using Npgsql.PostgresTypes;

namespace McpFlow.Data.Sources;

/// <summary>
/// PostgreSQL types → DuckDB types (docs/tools/data_load_source.md lists the same table). Exact where DuckDB has the
/// type; numeric with precision ≤ 28 (.NET decimal) keeps DECIMAL(p,s), wider or unconstrained numeric becomes DOUBLE;
/// json/jsonb become JSON text; arrays, intervals, enums, network, geometric, range and every other type arrive as
/// PostgreSQL's own text form in VARCHAR, with a note.
/// </summary>
public static class PostgresTypes
{
    /// <summary>Widest numeric kept as DECIMAL (.NET decimal holds 28 significant digits).</summary>
    public const int MaxDecimalPrecision = 28;

    /// <summary>Maps one column of a result description.</summary>
    public static SourceColumn Map(string name, PostgresType type, int? precision, int? scale)
    {
        var display = type.DisplayName;
        SourceColumn Exact(string duck, ValueKind kind) => new(name, display, duck, null) { Kind = kind };
        SourceColumn Text(string note) => new(name, display, "VARCHAR", note) { Kind = ValueKind.Text, CastToText = true };
        if (type is PostgresArrayType)
            return Text("array, as PostgreSQL text e.g. {1,2,3}");
        if (type is PostgresEnumType)
            return new SourceColumn(name, display, "VARCHAR", "enum label") { Kind = ValueKind.Text, CastToText = true };
        return type.InternalName switch
        {
            "bool" => Exact("BOOLEAN", ValueKind.Boolean),
            "int2" => Exact("SMALLINT", ValueKind.Int16),
            "int4" => Exact("INTEGER", ValueKind.Int32),
            "int8" => Exact("BIGINT", ValueKind.Int64),
            "float4" => Exact("FLOAT", ValueKind.Single),
            "float8" => Exact("DOUBLE", ValueKind.Double),
            "numeric" when precision is > 0 and <= MaxDecimalPrecision =>
                new SourceColumn(name, $"numeric({precision},{scale ?? 0})", $"DECIMAL({precision},{scale ?? 0})", null) { Kind = ValueKind.Decimal },
            "numeric" => new SourceColumn(name, precision is > 0 ? $"numeric({precision},{scale ?? 0})" : "numeric", "DOUBLE",
                "unconstrained or wider than 28 digits: read as double precision (about 15 significant digits)")
            { Kind = ValueKind.Double, CastToDouble = true },
            "text" or "varchar" or "bpchar" or "name" or "citext" => Exact("VARCHAR", ValueKind.Text),
            "json" or "jsonb" => new SourceColumn(name, display, "JSON", null) { Kind = ValueKind.Text, CastToText = true },
            "uuid" => Exact("UUID", ValueKind.Uuid),
            "bytea" => Exact("BLOB", ValueKind.Blob),
            "date" => Exact("DATE", ValueKind.Date),
            "timestamp" => Exact("TIMESTAMP", ValueKind.Timestamp),
            "timestamptz" => Exact("TIMESTAMPTZ", ValueKind.TimestampTz),
            "time" => Exact("TIME", ValueKind.Time),
            "interval" => Text("interval, as PostgreSQL text e.g. 1 day 02:00:00"),
            "timetz" => Text("time with time zone, as text"),
            "money" => Text("money, as text with the currency format"),
            _ => Text("no direct DuckDB type: read as PostgreSQL's text form"),
        };
    }
}
