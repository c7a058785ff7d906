namespace McpFlow.Pipelines.Features;

/// <summary>A categorical input column (null marks a missing value).</summary>
/// <param name="Name">Column name.</param>
/// <param name="Encoding">one_hot or frequency.</param>
/// <param name="Values">One value per frame row.</param>
public sealed record CategoricalColumn(string Name, string Encoding, string?[] Values);
