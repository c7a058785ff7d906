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
}
