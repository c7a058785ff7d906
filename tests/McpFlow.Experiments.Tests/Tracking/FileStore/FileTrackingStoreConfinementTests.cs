using McpFlow.Core.Errors;
using McpFlow.Core.Tracking;
using McpFlow.Experiments.Tracking;
using McpFlow.Experiments.Tracking.FileStore;
using McpFlow.Testing;

namespace McpFlow.Experiments.Tests.Tracking.FileStore;

/// <summary>The local store never reads or writes outside its root, whatever ids and names a client passes. A bait
/// experiment and run sit next to the root, so an id that climbed would find a readable store there.</summary>
public sealed class FileTrackingStoreConfinementTests : IDisposable
{
    private readonly string _sandbox = TempFolder.Create("mlruns-jail");
    private readonly string _root;
    private readonly FileTrackingStore _store;

    public FileTrackingStoreConfinementTests()
    {
        _root = Path.Combine(_sandbox, "store");
        _store = new FileTrackingStore(_root, TimeProvider.System);
        var bait = new FileTrackingStore(Path.Combine(_sandbox, "outside"), TimeProvider.System);
        var experiment = bait.GetOrCreateExperimentAsync("bait", default).GetAwaiter().GetResult();
        bait.StartRunAsync(experiment, "bait-run", null, default).GetAwaiter().GetResult();
    }

    public static readonly TheoryData<string> HostileIds = new()
    {
        "../outside/1",
        "..",
        "../../etc",
        "/etc",
        "1/../../outside/1",
        "a b",
        new string('1', 1 << 20),
    };

    public static readonly TheoryData<string> HostileNames = new()
    {
        "../../../outside/escape",
        "/tmp/escape",
        "a/../../escape",
        "a//b",
        "./a",
        new string('k', 1 << 20),
    };

    public void Dispose() => TempFolder.TryDelete(_sandbox);

    private async Task<string> ActiveRunAsync()
    {
        var experiment = await _store.GetOrCreateExperimentAsync("inside", default);
        return (await _store.StartRunAsync(experiment, "r", null, default)).RunId;
    }

    private HashSet<string> OutsideFiles() =>
        Directory.EnumerateFiles(_sandbox, "*", SearchOption.AllDirectories).Where(f => !f.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)).ToHashSet();

    [Theory]
    [MemberData(nameof(HostileIds))]
    public async Task EveryIdTakingCall_RefusesAnIdThatIsNoId_BeforeTouchingTheDisk(string id)
    {
        var run = await ActiveRunAsync();
        var outside = OutsideFiles();
        var calls = new Func<Task>[]
        {
            () => _store.GetExperimentAsync(id, default),
            () => _store.SearchRunsAsync(new RunSearchRequest([id]), default),
            () => _store.StartRunAsync(id, "r", null, default),
            () => _store.GetRunAsync(id, default),
            () => _store.GetMetricHistoryAsync(id, "loss", default),
            () => _store.LogParamsAsync(id, new Dictionary<string, string> { ["p"] = "1" }, default),
            () => _store.LogMetricsAsync(id, [new MetricPoint("m", 1, 0, 0)], default),
            () => _store.SetTagsAsync(id, new Dictionary<string, string> { ["t"] = "1" }, default),
            () => _store.LogArtifactAsync(id, Path.Combine(_root, "0", "meta.yaml"), null, default),
            () => _store.EndRunAsync(id, TrackedRunStatus.Finished, default),
        };

        foreach (var call in calls)
        {
            var error = (await call.Should().ThrowAsync<McpFlowException>()).Which;
            error.Kind.Should().Be(ErrorKind.InvalidInput);
            error.Message.Should().MatchRegex("(run|experiment)_id .* is not a MLflow (run|experiment) id");
            error.Message.Length.Should().BeLessThan(300);
        }

        OutsideFiles().Should().BeEquivalentTo(outside);
        (await _store.GetRunAsync(run, default)).Params.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task EveryNameTakingCall_RefusesANameThatWouldLeaveTheRunFolder(string name)
    {
        var run = await ActiveRunAsync();
        var outside = OutsideFiles();
        var artifact = Path.Combine(_sandbox, "artifact.txt");
        await File.WriteAllTextAsync(artifact, "a");
        outside.Add(artifact);
        var calls = new Func<Task>[]
        {
            () => _store.GetMetricHistoryAsync(run, name, default),
            () => _store.LogParamsAsync(run, new Dictionary<string, string> { [name] = "1" }, default),
            () => _store.LogMetricsAsync(run, [new MetricPoint(name, 1, 0, 0)], default),
            () => _store.SetTagsAsync(run, new Dictionary<string, string> { [name] = "1" }, default),
            () => _store.LogArtifactAsync(run, artifact, name, default),
        };

        foreach (var call in calls)
        {
            var error = (await call.Should().ThrowAsync<McpFlowException>()).Which;
            error.Kind.Should().Be(ErrorKind.InvalidInput);
            error.Message.Should().StartWith("Invalid ");
            error.Message.Length.Should().BeLessThan(300);
        }

        OutsideFiles().Should().BeEquivalentTo(outside);
    }
}
