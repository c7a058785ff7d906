namespace McpFlow.Core.Storage.Catalogue;

/// <summary>A column of a catalogued table: name and DuckDB type.</summary>
public sealed record CatalogueColumn(string Name, string Type);
