using McpFlow.Testing;

namespace McpFlow.Experiments.Tests.Tools;

/// <summary>mlflow_register_model, mlflow_models and mlflow_set_model_alias through the in-memory client, on the
/// workspace's file store (no workbench.json, no workbench group: nothing is gated).</summary>
public sealed class RegistryToolsTests : ExperimentsToolTestBase
{
    private async Task<string> LogModelRunAsync()
    {
        // A run as pipeline_train logs one: the mcpflow.model_id tag, the spec facts as params, cross-validated metrics.
        var logged = await CallOkAsync("mlflow_log_run", new
        {
            experiment = "churn-exp", run_name = "customers-lightgbm-train",
            @params = new Dictionary<string, string> { ["table"] = "customers", ["target"] = "churned", ["task"] = "binary", ["spec_version"] = "1", ["trainer"] = "lightgbm" },
            metrics = new Dictionary<string, object> { ["accuracy"] = 0.91 },
            tags = new Dictionary<string, string> { ["mcpflow.model_id"] = "customers-lightgbm-20260301-090000-ab12", ["mcpflow.data_sha256"] = "abc123" },
        });
        return logged.Structured().GetProperty("runId").GetString()!;
    }

    [Fact]
    public async Task Register_CreatesVersionOne_InMlflowsLayout_AndModelsListsIt()
    {
        var runId = await LogModelRunAsync();

        var registered = await CallOkAsync("mlflow_register_model", new { run_id = runId, name = "churn" });
        var list = await CallOkAsync("mlflow_models");
        var versions = await CallOkAsync("mlflow_models", new { name = "churn" });

        registered.Text().Should().StartWith($"Registered models:/churn/1 from run {runId}");
        registered.Structured().GetProperty("version").GetProperty("source").GetString().Should().EndWith($"/mlruns/1/{runId}/artifacts");
        File.Exists(Path.Combine(WorkspaceRoot, "mlruns", "models", "churn", "version-1", "meta.yaml")).Should().BeTrue();
        list.Text().Should().Contain("- churn: latest v1 (None)");
        versions.Text().Should().Contain($"- v1: None, run {runId}");
    }

    [Fact]
    public async Task Models_ShowsAVersionsLineage_ByNumberOrAlias()
    {
        var runId = await LogModelRunAsync();
        await CallOkAsync("mlflow_register_model", new { run_id = runId, name = "churn" });
        await CallOkAsync("mlflow_set_model_alias", new { name = "churn", version = 1, alias = "challenger" });

        var lineage = await CallOkAsync("mlflow_models", new { name = "churn@challenger" });

        var s = lineage.Structured();
        s.GetProperty("runId").GetString().Should().Be(runId);
        s.GetProperty("experimentName").GetString().Should().Be("churn-exp");
        s.GetProperty("table").GetString().Should().Be("customers");
        s.GetProperty("dataHash").GetString().Should().Be("abc123");
        s.GetProperty("modelId").GetString().Should().Be("customers-lightgbm-20260301-090000-ab12");
        s.GetProperty("spec").GetProperty("target").GetString().Should().Be("churned");
        s.GetProperty("metrics").GetProperty("accuracy").GetDouble().Should().Be(0.91);
        lineage.Text().Should().StartWith("models:/churn@challenger is version 1 (None)");
    }

    [Fact]
    public async Task SetModelAlias_MovesStagesSetsTagsAndRemovesAliases()
    {
        var runId = await LogModelRunAsync();
        await CallOkAsync("mlflow_register_model", new { run_id = runId, name = "churn" });
        await CallOkAsync("mlflow_register_model", new { run_id = runId, name = "churn" });

        await CallOkAsync("mlflow_set_model_alias", new { name = "churn", version = 1, stage = "staging" });
        var moved = await CallOkAsync("mlflow_set_model_alias", new { name = "churn", version = 2, stage = "Staging", archive_existing = true, tag = "validated=yes" });
        var aliased = await CallOkAsync("mlflow_set_model_alias", new { name = "churn", version = 2, alias = "challenger" });
        var removed = await CallOkAsync("mlflow_set_model_alias", new { name = "churn", alias = "-challenger" });
        var modelTag = await CallOkAsync("mlflow_set_model_alias", new { name = "churn", tag = "team=risk" });

        moved.Text().Should().StartWith("churn: version 2 moved to Staging (other Staging versions archived); tag validated set on version 2.");
        moved.Structured().GetProperty("version").GetProperty("tags").GetProperty("validated").GetString().Should().Be("yes");
        aliased.Text().Should().StartWith("churn: alias @challenger now points at version 2.");
        removed.Text().Should().StartWith("churn: alias @challenger removed.");
        modelTag.Structured().GetProperty("model").GetProperty("tags").GetProperty("team").GetString().Should().Be("risk");
        var v1 = await File.ReadAllTextAsync(Path.Combine(WorkspaceRoot, "mlruns", "models", "churn", "version-1", "meta.yaml"));
        v1.Should().Contain("current_stage: Archived\n");
    }

    [Fact]
    public async Task Register_RefusesHostileNames_AndRunsWithoutAModel()
    {
        var plain = await CallOkAsync("mlflow_log_run", new { experiment = "e", run_name = "no-model" });
        var plainId = plain.Structured().GetProperty("runId").GetString()!;
        var runId = await LogModelRunAsync();

        var climb = await CallAsync("mlflow_register_model", new { run_id = runId, name = "../../outside" });
        var noModel = await CallAsync("mlflow_register_model", new { run_id = plainId, name = "churn" });
        var badRun = await CallAsync("mlflow_register_model", new { run_id = "../x", name = "churn" });

        climb.IsError.Should().BeTrue();
        climb.Text().Should().Contain("is not a registered model name");
        noModel.Text().Should().Contain("logged no model");
        badRun.Text().Should().Contain("is not a MLflow run id").And.NotContain("Registered");
        Directory.Exists(Path.Combine(WorkspaceRoot, "outside")).Should().BeFalse();
        Directory.Exists(Path.Combine(WorkspaceRoot, "mlruns", "models", "churn")).Should().BeFalse();
    }

    [Fact]
    public async Task SetModelAliasAndModels_ExplainBadInput()
    {
        var runId = await LogModelRunAsync();
        await CallOkAsync("mlflow_register_model", new { run_id = runId, name = "churn" });

        var noVersion = await CallAsync("mlflow_set_model_alias", new { name = "churn", alias = "challenger" });
        var nothing = await CallAsync("mlflow_set_model_alias", new { name = "churn" });
        var reserved = await CallAsync("mlflow_set_model_alias", new { name = "churn", version = 1, alias = "latest" });
        var stage = await CallAsync("mlflow_set_model_alias", new { name = "churn", version = 1, stage = "Shipping" });
        var unknown = await CallAsync("mlflow_models", new { name = "nope" });

        noVersion.Text().Should().Contain("Setting an alias needs the version");
        nothing.Text().Should().Contain("Nothing to change");
        reserved.Text().Should().Contain("reserved by MLflow");
        stage.Text().Should().Contain("Invalid model version stage 'Shipping'");
        unknown.Text().Should().Contain("Registered Model with name=nope not found");
    }
}
