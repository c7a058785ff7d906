namespace McpFlow.Pipelines.Evaluation;

/// <summary>A step's gain judged against the fold spread (<see cref="AblationVerdict"/>).</summary>
/// <param name="Gain">Mean over folds of the metric with the step minus without it, signed so positive is better.</param>
/// <param name="StandardError">Standard error of the gain over folds (NaN with one fold).</param>
/// <param name="Margin">Half-width of the 95% interval around zero the gain must leave to count (NaN with one fold).</param>
/// <param name="Verdict">helps, hurts, neutral, or undetermined with one fold.</param>
public sealed record AblationJudgement(double Gain, double StandardError, double Margin, string Verdict);
