namespace McpFlow.Data.Storage;

/// <summary>A workspace table in a listing.</summary>
/// <param name="Name">Table name.</param>
/// <param name="Rows">Row count.</param>
/// <param name="Columns">Column count.</param>
/// <param name="Source">Source file, or null for derived tables.</param>
/// <param name="DerivedFrom">Parent table for a derived table.</param>
public sealed record TableSummary(string Name, long Rows, int Columns, string? Source, string? DerivedFrom);
