namespace McpFlow.Pipelines.Features;

/// <summary>What the impute, encode and scale steps learned on training rows (saved with a trained model).</summary>
public sealed record PreprocessorState
{
    /// <summary>Output feature names in matrix order.</summary>
    public required IReadOnlyList<string> FeatureNames { get; init; }

    /// <summary>Training medians of numeric columns (imputation), by column.</summary>
    public required IReadOnlyDictionary<string, double> Medians { get; init; }

    /// <summary>One-hot levels by column.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Levels { get; init; }

    /// <summary>Frequency encodings (training share of each value) by column.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Frequencies { get; init; }

    /// <summary>Training means of the output features (scaling), or empty when not scaled.</summary>
    public required IReadOnlyList<double> Means { get; init; }

    /// <summary>Training standard deviations of the output features (1 where constant).</summary>
    public required IReadOnlyList<double> Stds { get; init; }

    /// <summary>True when missing values were imputed (false: they become 0).</summary>
    public required bool Impute { get; init; }
}
