namespace McpFlow.Data.Storage;

/// <summary>The structured result of <c>data_list_tables</c>: the workspace tables and, when there are none, what to do
/// next (its declared output schema).</summary>
/// <param name="Tables">The tables, in name order.</param>
public sealed record TableList(IReadOnlyList<TableSummary> Tables)
{
    /// <summary>Sentences naming the tools to call next; absent when there is nothing to suggest.</summary>
    public IReadOnlyList<string>? NextSteps { get; init; }
}
