namespace McpFlow.Core.Storage.Catalogue;

/// <summary>One table of the team's shared catalogue (<c>mcpflow_tables</c>): its current version and the immutable
/// Parquet snapshot holding that version's rows.</summary>
/// <param name="Name">The table's name as written.</param>
/// <param name="Version">1 for the first publication, one more for each later one (a drop included).</param>
/// <param name="Columns">Column names and DuckDB types, in order.</param>
/// <param name="Rows">Row count of the version.</param>
/// <param name="Sha256">SHA-256 (lower-case hex) of the snapshot file <c>team/tables/&lt;sha256&gt;.parquet</c>.</param>
/// <param name="Metadata">The data group's JSON for the table (recorded source, lineage), or null.</param>
/// <param name="Operation">What published the version, e.g. <c>data_load</c>, <c>apply_transformation</c>, <c>drop</c>.</param>
/// <param name="ChangedBy">The user whose call published it.</param>
/// <param name="ChangedAt">When (UTC).</param>
/// <param name="Dropped">True when the table was dropped (its row stays so every process drops its copy).</param>
public sealed record CatalogueEntry(
    string Name, long Version, IReadOnlyList<CatalogueColumn> Columns, long Rows, string Sha256, string? Metadata,
    string Operation, string ChangedBy, DateTime ChangedAt, bool Dropped);
