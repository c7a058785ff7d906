namespace McpFlow.Core.Runs;

/// <summary>A completed run as recorded.</summary>
/// <param name="RunId">Workbench run id.</param>
/// <param name="Folder">Its folder.</param>
/// <param name="State">Its state after self-review (e.g. REVIEWED).</param>
/// <param name="ChecksPassed">Self-review checks that passed.</param>
/// <param name="ChecksFailed">Self-review checks that failed, with details.</param>
public sealed record RecordedRun(string RunId, string Folder, string State, int ChecksPassed, IReadOnlyList<string> ChecksFailed);
