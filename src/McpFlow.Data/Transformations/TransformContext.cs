using McpFlow.Data.Parsing;

namespace McpFlow.Data.Transformations;

/// <summary>What an operation's SQL needs to know about its source column besides the spec.</summary>
/// <param name="IsText">True when the column is VARCHAR (missing markers in it count as missing).</param>
/// <param name="Markers">The table's missing markers.</param>
public sealed record TransformContext(bool IsText, MissingMarkers Markers)
{
    /// <summary>A numeric column of a table with the default markers.</summary>
    public static TransformContext Numeric { get; } = new(false, MissingMarkers.Default);

    /// <summary>SQL for the column as text with missing markers as NULL.</summary>
    public string Text(string column) => IsText ? Markers.Nulled(column) : $"{column}::VARCHAR";
}
