namespace McpFlow.Data.Transformations;

/// <summary>
/// The explicit order of suggestions (docs/data.md): broken data first, then modelling transforms. Within a tier,
/// suggestions are ordered by the share of the data they fix (types, missing) or their measured effect (modelling).
/// Each column gets one suggestion per problem; other fixes of the same problem are listed behind it as alternatives.
/// </summary>
public static class SuggestionTiers
{
    /// <summary>1: values of the wrong type or spelling — numbers and dates stored as text, missing markers still in
    /// the data, category values that differ only by case or spaces.</summary>
    public const int Types = 1;

    /// <summary>2: duplicate rows.</summary>
    public const int Duplicates = 2;

    /// <summary>3: columns that carry nothing for a model — constant, a near-duplicate of another column
    /// (|r| ≥ <see cref="Suggester.RedundantCorrelation"/>), an identifier.</summary>
    public const int Redundant = 3;

    /// <summary>4: missing values — imputation up to <see cref="Suggester.ImputeMaxMissingShare"/> missing, dropping
    /// (or a missing-value flag) above it.</summary>
    public const int Missing = 4;

    /// <summary>5: modelling transforms — skew and outliers, encoding, scaling.</summary>
    public const int Modelling = 5;

    /// <summary>The tier's name as shown in suggestions.</summary>
    public static string Name(int tier) => tier switch
    {
        Types => "types",
        Duplicates => "duplicates",
        Redundant => "redundant",
        Missing => "missing",
        _ => "modelling",
    };
}
