using McpFlow.Core.Errors;
using McpFlow.Experiments.Tracking.FileStore;
using McpFlow.Testing;
using Microsoft.Extensions.Time.Testing;

namespace McpFlow.Experiments.Tests.Tracking.FileStore;

/// <summary>search_experiments filters as MLflow 2.12 evaluates them (tools/mlflow-check, reverse part: each filter
/// below ran through MlflowClient.search_experiments on an MLflow-written store, and these are its answers).</summary>
public sealed class ExperimentFilterTests : IDisposable
{
    private const long T0 = 1700000000000; // the fake clock's start: Default and "cnn" are created then
    private readonly string _root = TempFolder.Create("experiment-filter");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(T0));
    private readonly FileTrackingStore _store;

    public ExperimentFilterTests()
    {
        _store = new FileTrackingStore(_root, _time);
        _store.GetOrCreateExperimentAsync("cnn", default).GetAwaiter().GetResult();
        _time.Advance(TimeSpan.FromSeconds(10));
        _store.GetOrCreateExperimentAsync("réverse-check", default).GetAwaiter().GetResult();
        // An experiment tag as MLflow's set_experiment_tag writes it: the value as the whole file.
        Directory.CreateDirectory(Path.Combine(_root, "2", "tags"));
        File.WriteAllText(Path.Combine(_root, "2", "tags", "owner"), "ana");
    }

    public void Dispose() => TempFolder.TryDelete(_root);

    [Theory]
    [InlineData("tags.owner = 'ana'", "réverse-check")]
    [InlineData("tags.owner != 'ana'", "")] // experiments without the tag match no tag clause
    [InlineData("tags.`owner` LIKE 'a%'", "réverse-check")]
    [InlineData("tag.owner = 'ana'", "réverse-check")]
    [InlineData("attribute.name = 'Default'", "Default")]
    [InlineData("name ILIKE 'R%'", "réverse-check")]
    [InlineData("creation_time > 1700000000000", "réverse-check")] // created 10 s after the other two
    [InlineData("last_update_time <= 1700000000000", "Default,cnn")]
    [InlineData("name != 'Default' and creation_time = 1700000000000", "cnn")]
    [InlineData("name = 'Default' and tags.owner = 'ana'", "")]
    public async Task Filters_SelectWhatMlflowSelects(string filter, string expected)
    {
        var page = await _store.SearchExperimentsAsync(filter, 100, null, default);

        page.Items.Select(e => e.Name).Should().Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("name = 'a' or name = 'b'", "OR is not supported")]
    [InlineData("lifecycle_stage = 'active'", "unknown experiment attribute 'lifecycle_stage'")]
    [InlineData("creation_time > '5'", "compared with a number")]
    [InlineData("tags.owner > 'a'", "compared with a quoted string")]
    [InlineData("params.lr = '1'", "unknown entity 'params'")]
    [InlineData("attributes.name = 'Default'", "unknown entity 'attributes'")] // MLflow: attribute, tag or tags only
    public async Task Filters_MlflowRefuses_AreRefused(string filter, string reason)
    {
        var act = () => _store.SearchExperimentsAsync(filter, 100, null, default);

        (await act.Should().ThrowAsync<McpFlowException>()).Which.Message.Should().Contain(reason);
    }
}
