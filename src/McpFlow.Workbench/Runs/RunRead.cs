using McpFlow.Core.Errors;

namespace McpFlow.Workbench.Runs;

/// <summary>One run of <see cref="RunStore.LoadEach"/>: the verified run, or why its records cannot be trusted (a
/// conflict, which a listing shows as CORRUPTED instead of failing).</summary>
public sealed record RunRead(string RunId, RunSnapshot? Run, McpFlowException? Problem);
