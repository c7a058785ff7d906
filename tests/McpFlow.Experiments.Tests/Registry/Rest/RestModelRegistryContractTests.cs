using System.Text.Json.Nodes;
using McpFlow.Core.Errors;
using McpFlow.Experiments.Registry;
using McpFlow.Experiments.Tests.Tracking.Rest;
using McpFlow.Experiments.Tracking.Rest;

namespace McpFlow.Experiments.Tests.Registry.Rest;

/// <summary>Contract tests: the registry's Refit calls against the in-process double speaking MLflow's registry JSON
/// (<see cref="FakeMlflowServer"/>), through the tracking store's client (auth, retries, time limits, error scrubbing).</summary>
public sealed class RestModelRegistryContractTests : IAsyncLifetime
{
    private const string RunId = "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6";
    private FakeMlflowServer _server = null!;
    private RestTrackingStore _store = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeMlflowServer.StartAsync();
        var run = FakeMlflowServer.Run(RunId, "fraud-lightgbm-train", "FINISHED", 0.93);
        ((JsonArray)run["data"]!["tags"]!).Add(new JsonObject { ["key"] = "mcpflow.model_id", ["value"] = "fraud-lightgbm-20261123-101500-ab12" });
        _server.Runs.Add(run);
        _store = new RestTrackingStore(_server.StoreOptions(), new SocketsHttpHandler(), TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        _store.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Register_CreatesTheModel_ThenVersionsFromTheRunsArtifactRoot()
    {
        var service = new ModelRegistryService(_store);

        var first = await service.RegisterAsync(RunId, "fraud", new Dictionary<string, string>(), default);
        var second = await service.RegisterAsync(RunId, "fraud", new Dictionary<string, string>(), default);

        (first.Version, second.Version).Should().Be((1, 2), "versions count from 1 per model");
        first.Source.Should().Be($"mlflow-artifacts:/7/{RunId}/artifacts", "pipeline_train logs its model at the run's artifact root");
        first.CurrentStage.Should().Be("None");
        first.Status.Should().Be("READY");
        var created = _server.Requests.Where(r => r.Path.EndsWith("model-versions/create", StringComparison.Ordinal)).Select(r => r.Body!).First();
        created["name"]!.GetValue<string>().Should().Be("fraud");
        created["run_id"]!.GetValue<string>().Should().Be(RunId);
        _server.Requests.Count(r => r.Path.EndsWith("registered-models/create", StringComparison.Ordinal)).Should().Be(2, "the second create answers RESOURCE_ALREADY_EXISTS and the model is reused");
    }

    [Fact]
    public async Task AliasesStagesAndTags_FollowMlflowsSemantics()
    {
        var service = new ModelRegistryService(_store);
        await service.RegisterAsync(RunId, "fraud", new Dictionary<string, string>(), default);
        await service.RegisterAsync(RunId, "fraud", new Dictionary<string, string>(), default);
        var registry = _store.Registry;

        await registry.TransitionStageAsync("fraud", 1, "production", false, default);
        await registry.TransitionStageAsync("fraud", 2, "Production", archiveExistingVersions: true, default);
        await registry.SetAliasAsync("fraud", "champion", 1, default);
        await registry.SetAliasAsync("fraud", "champion", 2, default);
        await registry.SetTagAsync("fraud", null, "team", "risk", default);
        await registry.SetTagAsync("fraud", 2, "validated", "yes", default);

        var champion = await registry.GetModelVersionByAliasAsync("fraud", "champion", default);
        var model = await registry.GetRegisteredModelAsync("fraud", default);
        var latest = await registry.GetLatestVersionsAsync("fraud", [], default);
        champion.Version.Should().Be(2, "setting an alias again moves it");
        champion.Tags.Should().Equal(new Dictionary<string, string> { ["validated"] = "yes" });
        model.Aliases.Should().Equal(new Dictionary<string, int> { ["champion"] = 2 });
        model.Tags["team"].Should().Be("risk");
        latest.Select(v => (v.Version, v.CurrentStage)).Should().Equal((2, "Production"), (1, "Archived"));
        var transition = _server.Requests.Last(r => r.Path.EndsWith("transition-stage", StringComparison.Ordinal)).Body!;
        transition["archive_existing_versions"]!.GetValue<bool>().Should().BeTrue();
        transition["stage"]!.GetValue<string>().Should().Be("Production");

        await registry.DeleteAliasAsync("fraud", "champion", default);
        await registry.DeleteTagAsync("fraud", 2, "validated", default);
        (await registry.GetRegisteredModelAsync("fraud", default)).Aliases.Should().BeEmpty();
        (await registry.GetModelVersionAsync("fraud", 2, default)).Tags.Should().BeEmpty();
        _server.Requests.Should().Contain(r => r.Path.EndsWith("registered-models/alias", StringComparison.Ordinal) && r.Query.Contains("alias=champion", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SearchAndVersions_ArePaged_AndSeededModelsRead()
    {
        await new ModelRegistryService(_store).RegisterAsync(RunId, "fraud", new Dictionary<string, string>(), default);

        var first = await _store.Registry.SearchRegisteredModelsAsync(null, 1, null, default);
        var rest = await _store.Registry.SearchRegisteredModelsAsync(null, 1, first.NextPageToken, default);
        var filtered = await _store.Registry.SearchRegisteredModelsAsync("name LIKE '%rau%'", 10, null, default);
        var versions = await _store.Registry.SearchModelVersionsAsync("churn", 10, null, default);

        first.Items.Select(m => m.Name).Concat(rest.Items.Select(m => m.Name)).Should().Equal("churn", "fraud");
        filtered.Items.Select(m => m.Name).Should().Equal("fraud");
        versions.Items.Single().Version.Should().Be(3);
        _server.Requests.Last(r => r.Path.EndsWith("model-versions/search", StringComparison.Ordinal)).Query.Should().Contain("filter=name%3D%27churn%27");
    }

    [Fact]
    public async Task UnknownModelsAndVersions_AreNotFound_AndModelUrisResolve()
    {
        var service = new ModelRegistryService(_store);
        await service.RegisterAsync(RunId, "fraud", new Dictionary<string, string>(), default);
        await _store.Registry.SetAliasAsync("fraud", "challenger", 1, default);

        var missingModel = await FluentActions.Awaiting(() => _store.Registry.GetRegisteredModelAsync("nope", default)).Should().ThrowAsync<McpFlowException>();
        var missingVersion = await FluentActions.Awaiting(() => _store.Registry.GetModelVersionAsync("fraud", 9, default)).Should().ThrowAsync<McpFlowException>();
        var resolved = await service.ResolveAsync("models:/fraud@challenger", "model_id", default);

        missingModel.Which.Kind.Should().Be(ErrorKind.NotFound);
        missingVersion.Which.Kind.Should().Be(ErrorKind.NotFound);
        resolved.Version.Should().Be(1);
        resolved.RunTags["mcpflow.model_id"].Should().Be("fraud-lightgbm-20261123-101500-ab12");
    }

    [Fact]
    public async Task RegistryErrors_AreScrubbedLikeEveryMlflowCall()
    {
        const string token = "s3cret-token-value";
        using var store = new RestTrackingStore(_server.StoreOptions() with { Token = token, MaxRetries = 0 }, new SocketsHttpHandler(), TimeProvider.System);
        _server.RespondNext = ctx => (401, "application/json",
            $$"""{"error_code":"UNAUTHENTICATED","message":"Rejected Authorization: {{ctx.Request.Headers.Authorization}}"}""");

        var error = (await FluentActions.Awaiting(() => store.Registry.SetAliasAsync("fraud", "champion", 1, default)).Should().ThrowAsync<McpFlowException>()).Which;

        error.Kind.Should().Be(ErrorKind.Forbidden);
        error.Message.Should().Contain("registered-models/alias").And.Contain("Rejected Authorization: ***").And.NotContain(token);
    }

    [Fact]
    public async Task HostileNames_NeverReachTheServer()
    {
        var before = _server.Requests.Count;

        await FluentActions.Awaiting(() => _store.Registry.GetRegisteredModelAsync("../../admin", default)).Should().ThrowAsync<McpFlowException>();
        await FluentActions.Awaiting(() => _store.Registry.SearchModelVersionsAsync("x' OR name LIKE '%", 10, null, default)).Should().ThrowAsync<McpFlowException>();

        _server.Requests.Count.Should().Be(before);
    }
}
