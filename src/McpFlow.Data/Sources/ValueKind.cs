namespace McpFlow.Data.Sources;

/// <summary>How a source value is read from the driver and appended to DuckDB.</summary>
public enum ValueKind
{
    /// <summary>bool → BOOLEAN.</summary>
    Boolean,
    /// <summary>short → SMALLINT.</summary>
    Int16,
    /// <summary>int → INTEGER.</summary>
    Int32,
    /// <summary>long → BIGINT.</summary>
    Int64,
    /// <summary>float → FLOAT.</summary>
    Single,
    /// <summary>double → DOUBLE.</summary>
    Double,
    /// <summary>decimal → DECIMAL(p,s).</summary>
    Decimal,
    /// <summary>DateOnly → DATE.</summary>
    Date,
    /// <summary>DateTime (unspecified kind) → TIMESTAMP.</summary>
    Timestamp,
    /// <summary>DateTime (UTC) → TIMESTAMPTZ.</summary>
    TimestampTz,
    /// <summary>TimeOnly → TIME.</summary>
    Time,
    /// <summary>Guid → UUID.</summary>
    Uuid,
    /// <summary>byte[] → BLOB.</summary>
    Blob,
    /// <summary>string → VARCHAR (or JSON).</summary>
    Text,
    /// <summary>sbyte → TINYINT.</summary>
    Int8,
    /// <summary>byte → UTINYINT.</summary>
    UInt8,
    /// <summary>ushort → USMALLINT.</summary>
    UInt16,
    /// <summary>uint → UINTEGER.</summary>
    UInt32,
    /// <summary>ulong → UBIGINT.</summary>
    UInt64,
    /// <summary>TimeSpan → INTERVAL.</summary>
    Interval,
    /// <summary>A MySQL integer that is 0 or 1 (TINYINT(1), BIT(1)) → BOOLEAN; other values are true and counted.</summary>
    IntegerBoolean,
}
