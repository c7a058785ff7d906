namespace McpFlow.Pipelines.Evaluation;

/// <summary>What removing one optional step does to the primary metric.</summary>
/// <param name="Step">The step removed.</param>
/// <param name="Value">Primary metric without the step (mean over folds).</param>
/// <param name="Delta">Full pipeline's value minus this value, signed so that positive means the step helps.</param>
/// <param name="Verdict">helps, hurts or neutral (|delta| below 0.5% of the full value).</param>
public sealed record AblationRow(string Step, double Value, double Delta, string Verdict);
