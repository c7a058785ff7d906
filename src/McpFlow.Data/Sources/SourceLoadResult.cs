namespace McpFlow.Data.Sources;

/// <summary>The outcome of a source load.</summary>
/// <param name="Table">Workspace table created or replaced.</param>
/// <param name="Status"><c>created</c> or <c>replaced</c>.</param>
/// <param name="Source">Source name.</param>
/// <param name="Kind">Source dialect.</param>
/// <param name="Read">Table read, or <c>query</c>.</param>
/// <param name="Rows">Rows loaded.</param>
/// <param name="LimitReached">True when <c>limit</c> rows were loaded (more may exist).</param>
/// <param name="Sample">How rows were sampled, or null when all were read.</param>
/// <param name="Columns">Every column with its source and workspace types.</param>
/// <param name="Notes">Type mappings that lose something, and other things worth knowing.</param>
public sealed record SourceLoadResult(string Table, string Status, string Source, string Kind, string Read, long Rows, bool LimitReached,
    string? Sample, IReadOnlyList<SourceColumn> Columns, IReadOnlyList<string> Notes)
{
    /// <summary>Values replaced on the way, per column with a count, e.g. <c>day: 2 zero dates (…) read as NULL</c> (also in <see cref="Notes"/>).</summary>
    public IReadOnlyList<string> Replaced { get; init; } = [];
}
