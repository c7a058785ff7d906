using McpFlow.Data.Parsing;

namespace McpFlow.Data.Profiling;

/// <summary>Text-column facts (missing markers excluded: they count as missing).</summary>
/// <param name="MinLength">Shortest value, in characters.</param>
/// <param name="MaxLength">Longest value.</param>
/// <param name="MeanLength">Mean length.</param>
/// <param name="Empty">Blank values that are not missing markers (0 with the default markers, which include blank).</param>
/// <param name="NumericLike">Values written as numbers, in any convention (<see cref="NumberSyntax.Pattern"/>: "262,27", "€10,62", "5%").</param>
/// <param name="DateFormats">Values in each date shape seen (ISO, day-first or month-first numeric, month names), when any matched.</param>
public sealed record TextStats(long? MinLength, long? MaxLength, double? MeanLength, long Empty, long NumericLike, IReadOnlyDictionary<string, long> DateFormats)
{
    /// <summary>How the numbers are written and read (number-like columns): the decimal separator decided from the
    /// values with its evidence, or why it cannot be decided.</summary>
    public NumberReading? Number { get; init; }

    /// <summary>How the dates are written and read (columns with date-like values): formats, day-first or month-first.</summary>
    public DateReading? Dates { get; init; }

    /// <summary>Values that differ only by case or surrounding spaces (categorical columns).</summary>
    public CategoryVariants? Variants { get; init; }
}
