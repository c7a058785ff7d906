namespace McpFlow.Pipelines.Specs;

/// <summary>A validation finding about the table.</summary>
/// <param name="Check">types, missing, constant, leakage_target_name, leakage_correlation, leakage_future, id_like, cardinality, seasonality.</param>
/// <param name="Column">Column concerned, if any.</param>
/// <param name="Severity">info, warning or error.</param>
/// <param name="Message">What was found and what the pipeline does about it.</param>
public sealed record ValidationFinding(string Check, string? Column, string Severity, string Message);
