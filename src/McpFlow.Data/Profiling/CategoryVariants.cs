namespace McpFlow.Data.Profiling;

/// <summary>Spellings of a categorical column that differ only by case or surrounding spaces.</summary>
/// <param name="Raw">Distinct values as stored.</param>
/// <param name="Normalized">Distinct values once trimmed and compared ignoring case.</param>
/// <param name="Examples">Spellings of one value, e.g. ["Paris", "paris ", "PARIS"].</param>
public sealed record CategoryVariants(long Raw, long Normalized, IReadOnlyList<string> Examples)
{
    /// <summary>True when some values are spelled in more than one way.</summary>
    public bool Any => Normalized < Raw;
}
