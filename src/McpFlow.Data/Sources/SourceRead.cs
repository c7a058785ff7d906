namespace McpFlow.Data.Sources;

/// <summary>What to read from a source: a table or a checked query, with an optional row limit and sample.</summary>
/// <param name="Table">Table to read, or null when <paramref name="Query"/> is given.</param>
/// <param name="Query">Checked query, or null when <paramref name="Table"/> is given.</param>
/// <param name="Limit">Rows at most, or null for all.</param>
/// <param name="SamplePercent">Percent of rows sampled (0-100], or null for all rows.</param>
/// <param name="Seed">Seed of the sample (default 0): the same seed on unchanged data gives the same rows.</param>
public sealed record SourceRead(SourceTableName? Table, SourceQuery? Query, long? Limit, double? SamplePercent, int Seed)
{
    /// <summary>What was read, for messages: the table name or "query".</summary>
    public string What => Table?.ToString() ?? "query";
}
