using System.Text.Json.Serialization;

namespace McpFlow.Data.Profiling;

/// <summary>The profile of one column.</summary>
/// <param name="Name">Column name.</param>
/// <param name="Type">DuckDB type.</param>
/// <param name="SemanticType">Inferred meaning: numeric, categorical, boolean, datetime, identifier (a distinct value per row),
/// code (ids, postal codes and other codes written with digits: never a quantity), text, numeric_as_text,
/// datetime_as_text, constant, empty, other.</param>
/// <param name="Count">Non-missing values (NULL and missing markers excluded).</param>
/// <param name="Missing">Missing values: NULL, plus text values that are missing markers (<see cref="Markers"/>).</param>
/// <param name="MissingShare">Missing fraction of the rows.</param>
/// <param name="Distinct">Distinct non-missing values (an estimate when <see cref="DistinctApproximate"/>).</param>
/// <param name="DistinctApproximate">True when estimated with HyperLogLog (<c>approx_count_distinct</c>; relative
/// standard error ≈ 13%, <see cref="ProfileSettings.ApproxDistinctStandardError"/>).</param>
/// <param name="Numeric">Numeric statistics, for numeric columns.</param>
/// <param name="Text">Text facts, for text columns.</param>
/// <param name="Min">Smallest value as text (temporal and text columns).</param>
/// <param name="Max">Largest value as text (temporal and text columns).</param>
/// <param name="TopValues">Most frequent values.</param>
public sealed record ColumnProfile(string Name, string Type, string SemanticType, long Count, long Missing, double MissingShare, long Distinct,
    bool DistinctApproximate, NumericStats? Numeric, TextStats? Text, string? Min, string? Max, IReadOnlyList<ValueCount> TopValues)
{
    /// <summary>Text values that are missing markers ("N/A", "-", blank, ...), counted in <see cref="Missing"/>; left out
    /// of the JSON when 0 (a wide table's profile must stay under the result cap).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long Markers { get; init; }

    /// <summary>True for a numeric column with at most two values (a 0/1 flag): no outlier or skew alerts. Derived from
    /// <see cref="Numeric"/> and <see cref="Distinct"/>, so not serialised.</summary>
    [JsonIgnore]
    public bool IsBinary => Numeric is not null && Distinct <= 2;
}
