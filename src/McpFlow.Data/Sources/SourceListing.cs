namespace McpFlow.Data.Sources;

/// <summary>The configured sources and, for one named source, its tables with their columns.</summary>
/// <param name="Sources">Every configured source (no secrets).</param>
/// <param name="Source">The source browsed, or null.</param>
/// <param name="Tables">Its tables and views (system schemas left out), at most <see cref="SourceCatalog.MaxTables"/>.</param>
/// <param name="TablesLeftOut">Tables not listed because of the cap.</param>
public sealed record SourceListing(IReadOnlyList<SourceInfo> Sources, string? Source, IReadOnlyList<SourceTable> Tables, int TablesLeftOut);

/// <summary>One table or view of a source.</summary>
/// <param name="Schema">Schema.</param>
/// <param name="Name">Name.</param>
/// <param name="Type"><c>table</c> or <c>view</c>.</param>
/// <param name="Columns">Columns as <c>name type</c>, at most <see cref="SourceCatalog.MaxColumnsPerTable"/>.</param>
/// <param name="ColumnsLeftOut">Columns not listed because of the cap.</param>
public sealed record SourceTable(string Schema, string Name, string Type, IReadOnlyList<string> Columns, int ColumnsLeftOut);
