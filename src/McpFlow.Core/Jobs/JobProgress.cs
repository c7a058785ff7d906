namespace McpFlow.Core.Jobs;

/// <summary>One progress report of a job.</summary>
/// <param name="Fraction">Share of the work done, 0..1, when known.</param>
/// <param name="Message">Human-readable status, e.g. "epoch 500/2000, loss 2.3e-2".</param>
/// <param name="Metrics">Named numbers at this point (loss, learning rate, …).</param>
/// <param name="At">When it was reported.</param>
public sealed record JobProgress(double? Fraction, string Message, IReadOnlyDictionary<string, double>? Metrics, DateTimeOffset At);
