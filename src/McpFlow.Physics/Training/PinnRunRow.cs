using System.Text.Json.Serialization;

namespace McpFlow.Physics.Training;

/// <summary>One PINN run in <c>pinn_list_runs</c> (ids in snake_case, like the other physics results).</summary>
/// <param name="RunId">PINN run id.</param>
/// <param name="Problem">Problem kind (the spec's preset, or custom).</param>
/// <param name="State">running, finished, cancelled or failed.</param>
/// <param name="Network">Depth x width and activation, e.g. <c>3x32 tanh</c>.</param>
/// <param name="Steps">Steps recorded; absent before the first.</param>
/// <param name="Loss">Last recorded loss; absent before the first step.</param>
/// <param name="RelativeL2">Relative L2 error vs the exact solution, when known.</param>
/// <param name="Seconds">Training seconds at the last record.</param>
/// <param name="Started">When it started.</param>
/// <param name="JobId">The job that trained it.</param>
/// <param name="Folder">Its folder in the workspace.</param>
public sealed record PinnRunRow(
    [property: JsonPropertyName("run_id")] string RunId,
    string Problem,
    string State,
    string Network,
    long? Steps,
    double? Loss,
    [property: JsonPropertyName("relative_l2")] double? RelativeL2,
    double? Seconds,
    DateTimeOffset Started,
    [property: JsonPropertyName("job_id")] string? JobId,
    string Folder);
