namespace McpFlow.Data.Sources;

/// <summary>A source's catalogue as its reader found it.</summary>
/// <param name="Tables">Tables and views, ordered by schema and name, at most the cap asked for.</param>
/// <param name="Total">Tables and views in all.</param>
/// <param name="Columns">Columns of the listed tables as <c>name type</c>, in column order.</param>
public sealed record SourceCatalogRows(IReadOnlyList<SourceCatalogTable> Tables, long Total, IReadOnlyList<SourceCatalogColumn> Columns);

/// <summary>One table or view of <see cref="SourceCatalogRows"/>.</summary>
/// <param name="Schema">Schema (a database in MySQL).</param>
/// <param name="Name">Name.</param>
/// <param name="Type"><c>table</c> or <c>view</c>.</param>
public sealed record SourceCatalogTable(string Schema, string Name, string Type);

/// <summary>One column of <see cref="SourceCatalogRows"/>.</summary>
/// <param name="Schema">Schema of its table.</param>
/// <param name="Table">Its table.</param>
/// <param name="Text"><c>name type</c>.</param>
public sealed record SourceCatalogColumn(string Schema, string Table, string Text);
