namespace McpFlow.Pipelines.Features;

/// <summary>What one pipeline step did to the data.</summary>
/// <param name="Step">Step name.</param>
/// <param name="RowsIn">Rows before the step.</param>
/// <param name="RowsOut">Rows after the step.</param>
/// <param name="FeaturesAdded">Feature columns the step added (negative when it replaced columns by fewer).</param>
/// <param name="NullsLeft">Missing values left in the feature columns after the step.</param>
/// <param name="Seconds">Wall time of the step.</param>
public sealed record StepStats(string Step, int RowsIn, int RowsOut, int FeaturesAdded, long NullsLeft, double Seconds);
