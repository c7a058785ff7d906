namespace McpFlow.Pipelines.Evaluation;

/// <summary>What removing one optional step does to the primary metric.</summary>
/// <param name="Step">The step removed.</param>
/// <param name="Value">Primary metric without the step (mean over folds).</param>
/// <param name="Delta">Full pipeline's value minus this value (mean over folds), signed so that positive means the step helps.</param>
/// <param name="StandardError">Standard error of <paramref name="Delta"/> over the folds (paired fold by fold).</param>
/// <param name="Margin">|Delta| must exceed this (95% Student-t interval) to be called helps or hurts.</param>
/// <param name="Verdict">helps, hurts or neutral, judged against the fold spread (<see cref="AblationVerdict"/>).</param>
public sealed record AblationRow(string Step, double Value, double Delta, double StandardError, double Margin, string Verdict);
