namespace McpFlow.Pipelines.Explanations;

/// <summary>Per-prediction contributions of a pipeline_predict call.</summary>
/// <param name="Trainer">Trainer of the model explained.</param>
/// <param name="Method">How the values were computed (family and units).</param>
/// <param name="Rows">Rows explained (every scored row).</param>
/// <param name="First">The first rows' top contributions (the rest are in the recorded run's contributions.csv).</param>
/// <param name="MeanAbsolute">Mean absolute contribution per source column over all rows, largest first.</param>
public sealed record ContributionReport(string Trainer, string Method, int Rows, IReadOnlyList<RowContributions> First,
    IReadOnlyList<ColumnContribution> MeanAbsolute)
{
    /// <summary>Every row's top contributions (written to the run folder, not serialised).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<RowContributions> All { get; init; } = [];
}
