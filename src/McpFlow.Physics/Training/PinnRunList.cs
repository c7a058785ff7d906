namespace McpFlow.Physics.Training;

/// <summary>The structured result of <c>pinn_list_runs</c> (its declared output schema).</summary>
/// <param name="Runs">The runs, newest first.</param>
public sealed record PinnRunList(IReadOnlyList<PinnRunRow> Runs)
{
    /// <summary>Sentences naming the tools to call next; absent when there is nothing to suggest.</summary>
    public IReadOnlyList<string>? NextSteps { get; init; }
}
