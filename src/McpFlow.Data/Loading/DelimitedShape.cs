namespace McpFlow.Data.Loading;

/// <summary>What DuckDB's CSV sniffer could make of the head of a delimited file, measured by <see cref="DelimitedScanner"/>.</summary>
/// <param name="WidestAnyDialect">Most fields in one record under any dialect the sniffer tries (quote <c>"</c> or <c>'</c>
/// with their escapes, or no quoting; every candidate delimiter).</param>
/// <param name="WidestStandard">Most fields in one record read as RFC 4180 CSV (quote and escape <c>"</c>).</param>
/// <param name="FirstLine">The first physical line (at most the line limit long).</param>
public sealed record DelimitedShape(int WidestAnyDialect, int WidestStandard, string FirstLine);
