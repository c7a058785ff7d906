using McpFlow.Testing;
using McpFlow.Workbench.Review;

namespace McpFlow.Workbench.Tests.Review;

public abstract class ReviewTestBase : IDisposable
{
    protected ReviewTestBase() => Folder = TempFolder.Create("mcpflow-review");

    protected string Folder { get; }

    protected static ReviewInput Input(IEnumerable<string>? files = null, IReadOnlyDictionary<string, double>? metrics = null, string? summary = null) =>
        new((files ?? []).ToList(), metrics ?? new Dictionary<string, double>(), summary);

    protected static Dictionary<string, double> Metrics(params (string Name, double Value)[] metrics) => metrics.ToDictionary(m => m.Name, m => m.Value);

    public void Dispose()
    {
        TempFolder.TryDelete(Folder);
        GC.SuppressFinalize(this);
    }
}
