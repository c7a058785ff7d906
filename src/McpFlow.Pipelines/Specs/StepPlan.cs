namespace McpFlow.Pipelines.Specs;

/// <summary>One step of a pipeline spec, explained.</summary>
/// <param name="Name">Step name: validate, impute, encode, date_parts, lags, rolling, fourier, scale, split, model.</param>
/// <param name="Explanation">What the step does and why it was chosen for this table.</param>
/// <param name="Optional">True when the pipeline still runs without it (ablation removes it).</param>
/// <param name="Enabled">False to skip an optional step.</param>
/// <param name="Parameters">Step settings as strings, e.g. <c>strategy=median</c>.</param>
public sealed record StepPlan(
    string Name,
    string Explanation,
    bool Optional,
    bool Enabled,
    IReadOnlyDictionary<string, string> Parameters);
