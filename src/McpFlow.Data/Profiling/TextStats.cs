namespace McpFlow.Data.Profiling;

/// <summary>Text-column facts.</summary>
/// <param name="MinLength">Shortest value, in characters.</param>
/// <param name="MaxLength">Longest value.</param>
/// <param name="MeanLength">Mean length.</param>
/// <param name="Empty">Empty or blank values (not NULL).</param>
/// <param name="NumericLike">Values that parse as numbers (<c>TRY_CAST(... AS DOUBLE)</c>).</param>
/// <param name="DateFormats">Values matching each date format tried (ISO, day-first, month-first), when any matched.</param>
public sealed record TextStats(long? MinLength, long? MaxLength, double? MeanLength, long Empty, long NumericLike, IReadOnlyDictionary<string, long> DateFormats);
