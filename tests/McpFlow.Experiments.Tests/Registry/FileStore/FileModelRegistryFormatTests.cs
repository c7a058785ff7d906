using McpFlow.Core.Errors;
using McpFlow.Experiments.Registry.FileStore;
using McpFlow.Testing;
using Microsoft.Extensions.Time.Testing;

namespace McpFlow.Experiments.Tests.Registry.FileStore;

/// <summary>
/// The registry's files byte for byte as MLflow 2.x's file store writes them (mlflow/store/model_registry/file_store.py
/// at mlflow/mlflow@001cc178). Every expected text was written by hand from that source:
/// - meta.yaml is write_yaml/overwrite_yaml: yaml.dump(..., default_flow_style=False, sort_keys=True) with the safe
///   dumper (mlflow/utils/file_utils.py), so keys sorted, empty containers as [] / {}, non-empty ones in block style;
/// - a registered model's keys are dict(RegisteredModel) minus tags and latest_versions
///   (_save_registered_model_as_meta_file): aliases (a dict, {} at creation, alias -> version string once read back
///   from the alias files by _get_registered_model_from_path), creation_timestamp, description (None → null),
///   last_updated_timestamp, name;
/// - a version's keys are dict(FileModelVersion) minus tags (_save_model_version_as_meta_file): ModelVersion's
///   properties (model_version.py: aliases, creation_timestamp, current_stage, description, last_updated_timestamp,
///   name, run_id, run_link, source, status, status_message, user_id, version) plus storage_location; create_model_version
///   sets current_stage STAGE_NONE ("None"), status READY, aliases [], storage_location = source;
/// - tags/&lt;key&gt; and aliases/&lt;alias&gt; hold the value as the whole file (write_to), the alias the version number;
/// - folder names: MODELS_FOLDER_NAME "models", "version-{n}", TAGS_FOLDER_NAME "tags",
///   REGISTERED_MODELS_ALIASES_FOLDER_NAME "aliases".
/// </summary>
public sealed class FileModelRegistryFormatTests : IDisposable
{
    private const string RunId = "0f3c9a5e8b1d4e2f9a7c6b5d4e3f2a1b";
    private const long T0 = 1700000000000; // 2023-11-14T22:13:20Z, the fake clock's start
    private readonly string _root = TempFolder.Create("registry-format");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(T0));
    private readonly FileModelRegistry _registry;

    public FileModelRegistryFormatTests() => _registry = new FileModelRegistry(_root, _time);

    public void Dispose() => TempFolder.TryDelete(_root);

    private string Source => $"file://{_root}/1/{RunId}/artifacts";

    private string Read(string relative) => File.ReadAllText(Path.Combine(_root, "models", relative));

    [Fact]
    public async Task CreateRegisteredModel_WritesMlflowsModelMeta()
    {
        await _registry.CreateRegisteredModelAsync("churn", existingOk: false, default);

        Read("churn/meta.yaml").Should().Be(
            "aliases: {}\ncreation_timestamp: 1700000000000\ndescription: null\nlast_updated_timestamp: 1700000000000\nname: churn\n");
    }

    [Fact]
    public async Task CreateModelVersion_WritesMlflowsVersionMeta_AndTouchesTheModel()
    {
        await _registry.CreateRegisteredModelAsync("churn", false, default);
        _time.Advance(TimeSpan.FromSeconds(5));

        var v = await _registry.CreateModelVersionAsync("churn", Source, RunId, new Dictionary<string, string>(), default);

        v.Version.Should().Be(1, "next_version starts at 1");
        Read("churn/version-1/meta.yaml").Should().Be(
            "aliases: []\ncreation_timestamp: 1700000005000\ncurrent_stage: None\ndescription: null\nlast_updated_timestamp: 1700000005000\n" +
            $"name: churn\nrun_id: {RunId}\nrun_link: null\nsource: {Source}\nstatus: READY\nstatus_message: null\nstorage_location: {Source}\nuser_id: null\nversion: 1\n");
        Read("churn/meta.yaml").Should().Contain("creation_timestamp: 1700000000000\n").And.Contain("last_updated_timestamp: 1700000005000\n");
    }

    [Fact]
    public async Task SetAlias_WritesTheAliasFile_AndTheModelMetaListsIt_AsMlflowReadsItBack()
    {
        await _registry.CreateRegisteredModelAsync("churn", false, default);
        await _registry.CreateModelVersionAsync("churn", Source, RunId, new Dictionary<string, string>(), default);
        _time.Advance(TimeSpan.FromSeconds(1));

        await _registry.SetAliasAsync("churn", "champion", 1, default);

        Read("churn/aliases/champion").Should().Be("1");
        Read("churn/meta.yaml").Should().Be(
            "aliases:\n  champion: '1'\ncreation_timestamp: 1700000000000\ndescription: null\nlast_updated_timestamp: 1700000001000\nname: churn\n");
        (await _registry.GetModelVersionByAliasAsync("churn", "champion", default)).Aliases.Should().Equal("champion");
    }

    [Fact]
    public async Task Transition_WithArchiveExisting_ArchivesTheOtherProductionVersion_AndRewritesItsAliases()
    {
        await _registry.CreateRegisteredModelAsync("churn", false, default);
        await _registry.CreateModelVersionAsync("churn", Source, RunId, new Dictionary<string, string>(), default);
        await _registry.CreateModelVersionAsync("churn", Source, RunId, new Dictionary<string, string>(), default);
        await _registry.TransitionStageAsync("churn", 1, "production", false, default);
        await _registry.SetAliasAsync("churn", "champion", 1, default);
        _time.Advance(TimeSpan.FromSeconds(9));

        var moved = await _registry.TransitionStageAsync("churn", 2, "Production", archiveExistingVersions: true, default);

        moved.CurrentStage.Should().Be("Production");
        Read("churn/version-1/meta.yaml").Should().Contain("aliases:\n- champion\n").And.Contain("current_stage: Archived\n").And.Contain("last_updated_timestamp: 1700000009000\n");
        var latest = await _registry.GetLatestVersionsAsync("churn", [], default);
        latest.Select(v => (v.Version, v.CurrentStage)).Should().Equal((2, "Production"), (1, "Archived"));
    }

    [Fact]
    public async Task Tags_AreWholeFiles_ForModelAndVersion()
    {
        await _registry.CreateRegisteredModelAsync("churn", false, default);
        await _registry.CreateModelVersionAsync("churn", Source, RunId, new Dictionary<string, string> { ["data"] = "v1" }, default);

        await _registry.SetTagAsync("churn", null, "team", "risk", default);
        await _registry.SetTagAsync("churn", 1, "validated", "true", default);
        await _registry.DeleteTagAsync("churn", 1, "data", default);

        Read("churn/tags/team").Should().Be("risk");
        Read("churn/version-1/tags/validated").Should().Be("true");
        File.Exists(Path.Combine(_root, "models", "churn", "version-1", "tags", "data")).Should().BeFalse();
        (await _registry.GetModelVersionAsync("churn", 1, default)).Tags.Should().Equal(new Dictionary<string, string> { ["validated"] = "true" });
    }

    [Fact]
    public async Task ARegistryWrittenByMlflow_IsRead()
    {
        // As MLflow 2.x leaves it after register_model, set_registered_model_alias("churn", "champion", 2) and a stage move.
        Write("models/churn/meta.yaml", "aliases:\n  champion: '2'\ncreation_timestamp: 1700000000000\ndescription: null\nlast_updated_timestamp: 1700000300000\nname: churn\n");
        Write("models/churn/aliases/champion", "2");
        Write("models/churn/tags/team", "risk");
        Write("models/churn/version-1/meta.yaml", $"aliases: []\ncreation_timestamp: 1700000100000\ncurrent_stage: Archived\ndescription: null\nlast_updated_timestamp: 1700000200000\nname: churn\nrun_id: {RunId}\nrun_link: null\nsource: runs:/{RunId}/model\nstatus: READY\nstatus_message: null\nstorage_location: file:///x/model\nuser_id: null\nversion: 1\n");
        Write("models/churn/version-2/meta.yaml", $"aliases: []\ncreation_timestamp: 1700000150000\ncurrent_stage: Production\ndescription: ''\nlast_updated_timestamp: 1700000250000\nname: churn\nrun_id: {RunId}\nrun_link: ''\nsource: file:///x/model\nstatus: READY\nstatus_message: null\nstorage_location: file:///x/model\nuser_id: null\nversion: 2\n");

        var model = await _registry.GetRegisteredModelAsync("churn", default);
        var champion = await _registry.GetModelVersionByAliasAsync("churn", "champion", default);

        model.Aliases.Should().Equal(new Dictionary<string, int> { ["champion"] = 2 });
        model.Tags["team"].Should().Be("risk");
        model.LatestVersions.Select(v => v.Version).Should().Equal(2, 1);
        champion.Version.Should().Be(2);
        champion.CurrentStage.Should().Be("Production");
        champion.Source.Should().Be("file:///x/model");
    }

    [Fact]
    public async Task ARegistryMlflowWroteUnderAUnicodeName_IsRead_AndTakesAnAlias()
    {
        // The files MLflow 2.12 (tools/mlflow-check, reverse part) wrote for create_registered_model("réverse-model",
        // tags={"team": "risk"}, description="made by MLflow"), two versions, a stage each, set_registered_model_alias
        // champion -> 1 and delete_model_version 3, copied byte for byte (ids and timestamps as written then).
        const string name = "réverse-model";
        const string run = "33e8c24838804332b5d4cd6defd819c2";
        Write($"models/{name}/meta.yaml", $"aliases:\n  champion: '1'\ncreation_timestamp: 1796300372991\ndescription: made by MLflow\nlast_updated_timestamp: 1796300373050\nname: {name}\n");
        Write($"models/{name}/aliases/champion", "1");
        Write($"models/{name}/tags/team", "risk");
        Write($"models/{name}/version-1/meta.yaml", $"aliases: []\ncreation_timestamp: 1796300372993\ncurrent_stage: Production\ndescription: null\nlast_updated_timestamp: 1796300373026\nname: {name}\nrun_id: {run}\nrun_link: null\nsource: runs:/{run}/model\nstatus: READY\nstatus_message: null\nstorage_location: runs:/{run}/model\nuser_id: null\nversion: 1\n");
        Write($"models/{name}/version-3/meta.yaml", $"aliases: []\ncreation_timestamp: 1796300373022\ncurrent_stage: Deleted_Internal\ndescription: null\nlast_updated_timestamp: 1796300373050\nname: {name}\nrun_id: {run}\nrun_link: null\nsource: runs:/{run}/model\nstatus: READY\nstatus_message: null\nstorage_location: runs:/{run}/model\nuser_id: null\nversion: 3\n");

        var model = await _registry.GetRegisteredModelAsync(name, default);
        var champion = await _registry.GetModelVersionByAliasAsync(name, "champion", default);
        await _registry.SetAliasAsync(name, "élu", 1, default);

        model.Description.Should().Be("made by MLflow");
        model.Aliases.Should().Equal(new Dictionary<string, int> { ["champion"] = 1 });
        model.LatestVersions.Select(v => (v.Version, v.CurrentStage)).Should().Equal([(1, "Production")], "version 3 is deleted");
        champion.Source.Should().Be($"runs:/{run}/model");
        Read($"{name}/aliases/élu").Should().Be("1", "MLflow's alias rule is ^[\\w\\-]*$ on a str, so é is a word character");
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("..")]
    [InlineData(".hidden")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("/etc")]
    [InlineData("models%2F..")]
    [InlineData("")]
    [InlineData("\u202Eledom")] // a right-to-left override (format character Cf) hides what the name says
    [InlineData("churn\u200B")] // a zero-width space
    [InlineData("a\u2215b")] // DIVISION SLASH, a symbol that looks like '/'
    [InlineData("é\u0301")] // a combining mark is no letter on its own
    [InlineData("-churn")]
    public async Task HostileNames_AreRefused_BeforeAnythingIsWritten(string name)
    {
        var act = () => _registry.CreateRegisteredModelAsync(name, false, default);

        (await act.Should().ThrowAsync<McpFlowException>()).Which.Kind.Should().Be(ErrorKind.InvalidInput);
        Directory.Exists(Path.Combine(_root, "models")).Should().BeFalse();
        Directory.Exists(Path.Combine(_root, "outside")).Should().BeFalse();
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("v3")]
    [InlineData("../x")]
    [InlineData("a b")]
    [InlineData("champ\u202Eion")]
    [InlineData("champion.")]
    public async Task ReservedOrHostileAliases_AreRefused(string alias)
    {
        await _registry.CreateRegisteredModelAsync("churn", false, default);
        await _registry.CreateModelVersionAsync("churn", Source, RunId, new Dictionary<string, string>(), default);

        var act = () => _registry.SetAliasAsync("churn", alias, 1, default);

        await act.Should().ThrowAsync<McpFlowException>();
        Directory.Exists(Path.Combine(_root, "models", "churn", "aliases")).Should().BeFalse();
    }

    [Fact]
    public async Task ArchiveExisting_IsRefusedForANonActiveStage_AsMlflowDoes()
    {
        await _registry.CreateRegisteredModelAsync("churn", false, default);
        await _registry.CreateModelVersionAsync("churn", Source, RunId, new Dictionary<string, string>(), default);

        var act = () => _registry.TransitionStageAsync("churn", 1, "Archived", archiveExistingVersions: true, default);

        (await act.Should().ThrowAsync<McpFlowException>()).Which.Message.Should().Contain("'Archived' is not an Active stage");
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
