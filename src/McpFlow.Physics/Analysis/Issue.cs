namespace McpFlow.Physics.Analysis;

/// <summary>A finding of the well-posedness check.</summary>
/// <param name="Severity">error (training refuses), warning or info.</param>
/// <param name="Message">What is wrong and what to do.</param>
public sealed record Issue(string Severity, string Message);
