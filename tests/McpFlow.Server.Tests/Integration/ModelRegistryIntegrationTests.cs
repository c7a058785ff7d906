using System.Text.Json;
using McpFlow.Core.Groups;
using McpFlow.Testing;

namespace McpFlow.Server.Tests.Integration;

/// <summary>The model registry across groups: a pipeline_train model is registered, made champion after approval
/// (register_model is gated by default), and scored through models:/name@champion; refusals leave no alias and every
/// call is in the audit trail.</summary>
public sealed class ModelRegistryIntegrationTests : McpServerTestBase
{
    protected override IReadOnlyList<IToolGroup> Groups => ToolGroups.All();

    [Fact]
    public async Task PipelineTrain_Register_ChampionAfterApproval_ThenPredictWithTheModelUri()
    {
        var iris = Path.Combine(DataRoot, "iris.csv");
        File.Copy(Path.Combine(RepositoryPaths.ExampleData, "iris.csv"), iris);
        var generated = await CallOkAsync("generate_pipeline", new { table = "iris", target = "species", folds = 3, file = iris });
        var trained = await CallUntilFinishedAsync("pipeline_train", new { spec = generated.Structured().GetProperty("spec_id").GetString(), trainer = "lightgbm", wait_seconds = 45 });
        var result = trained.Structured().GetProperty("result");
        var mlflowRun = result.GetProperty("runId").GetString()!;
        var workbenchRun = result.GetProperty("workbenchRun").GetProperty("runId").GetString()!;
        // A second workbench run, cheap to make, that the user rejects.
        var csv = Path.Combine(DataRoot, "pairs.csv");
        await File.WriteAllTextAsync(csv, "x,y\n1,2\n2,4\n3,6\n");
        var rejectedRun = (await CallOkAsync("analyze_dataframe", new { path = csv })).Structured().GetProperty("workbenchRun").GetProperty("runId").GetString()!;
        await CallOkAsync("workbench_decide", new { run_id = rejectedRun, decision = "reject", feedback = "Not this one." });
        // And an approved step that did not train the model: its approval must not publish it.
        await File.WriteAllTextAsync(Path.Combine(DataRoot, "pairs2.csv"), "x,y\n1,3\n2,5\n3,7\n");
        var unrelatedRun = (await CallOkAsync("analyze_dataframe", new { path = Path.Combine(DataRoot, "pairs2.csv") })).Structured().GetProperty("workbenchRun").GetProperty("runId").GetString()!;
        await CallOkAsync("workbench_decide", new { run_id = unrelatedRun, decision = "approve" });

        var unapprovedRegister = await CallAsync("mlflow_register_model", new { run_id = mlflowRun, name = "iris", approved_run_id = workbenchRun });
        var unrelatedRegister = await CallAsync("mlflow_register_model", new { run_id = mlflowRun, name = "iris", approved_run_id = unrelatedRun });
        await CallOkAsync("workbench_decide", new { run_id = workbenchRun, decision = "approve" });
        await CallOkAsync("mlflow_register_model", new { run_id = mlflowRun, name = "iris", approved_run_id = workbenchRun });
        var challenger = await CallOkAsync("mlflow_set_model_alias", new { name = "iris", version = 1, alias = "challenger" });
        var denied = await CallAsync("mlflow_set_model_alias", new { name = "iris", version = 1, alias = "champion", approved_run_id = rejectedRun });
        var unrelatedChampion = await CallAsync("mlflow_set_model_alias", new { name = "iris", version = 1, alias = "champion", approved_run_id = unrelatedRun });
        var aliasFile = Path.Combine(WorkspaceRoot, "mlruns", "models", "iris", "aliases", "champion");
        var existedAfterDenial = File.Exists(aliasFile);
        await CallOkAsync("mlflow_set_model_alias", new { name = "iris", version = 1, alias = "champion", approved_run_id = workbenchRun });
        var predicted = await CallOkAsync("pipeline_predict", new { model_id = "models:/iris@champion", table = "iris", output_table = "iris_scored" });
        var lineage = await CallOkAsync("mlflow_models", new { name = "iris/1" });

        unapprovedRegister.IsError.Should().BeTrue();
        unapprovedRegister.Text().Should().Contain("'register_model' is gated");
        unrelatedRegister.Text().Should().Contain($"run {unrelatedRun} is APPROVED, but it logged no MLflow run, not run {mlflowRun}");
        unrelatedChampion.Text().Should().Contain($"run {unrelatedRun} is APPROVED, but it logged no MLflow run, not run {mlflowRun}");
        challenger.IsError.Should().NotBe(true, "challenger is not gated");
        denied.IsError.Should().BeTrue();
        denied.Text().Should().Contain("REJECTED");
        existedAfterDenial.Should().BeFalse("a refused champion move writes nothing");
        (await File.ReadAllTextAsync(aliasFile)).Should().Be("1");
        predicted.Text().Should().StartWith($"models:/iris@champion → iris version 1 (run {mlflowRun}, model {result.GetProperty("modelId").GetString()})");
        predicted.Structured().GetProperty("rows").GetInt32().Should().Be(150, "iris has 150 rows, all scorable");
        lineage.Text().Should().MatchRegex("Data: table iris, hash [0-9a-f]{64};", "pipeline_train logs the SHA-256 of the frame it trained on");

        var audit = (await File.ReadAllLinesAsync(Path.Combine(WorkspaceRoot, "audit", "audit.jsonl"))).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.TryGetProperty("tool", out var t) && t.GetString() == "mlflow_set_model_alias").ToList();
        audit.Select(e => e.GetProperty("outcome").GetString()![..2]).Should().Equal("ok", "er", "er", "ok");
        audit[3].GetProperty("arguments").GetProperty("alias").GetString().Should().Be("champion");
    }

    [Fact]
    public async Task ProductionTransition_IsGated_LikeChampion()
    {
        var iris = Path.Combine(DataRoot, "iris.csv");
        File.Copy(Path.Combine(RepositoryPaths.ExampleData, "iris.csv"), iris);
        var generated = await CallOkAsync("generate_pipeline", new { table = "iris", target = "species", folds = 3, file = iris });
        var trained = await CallUntilFinishedAsync("pipeline_train", new { spec = generated.Structured().GetProperty("spec_id").GetString(), trainer = "lightgbm", wait_seconds = 45 });
        var result = trained.Structured().GetProperty("result");
        var workbenchRun = result.GetProperty("workbenchRun").GetProperty("runId").GetString()!;
        await CallOkAsync("workbench_decide", new { run_id = workbenchRun, decision = "approve" });
        await CallOkAsync("mlflow_register_model", new { run_id = result.GetProperty("runId").GetString(), name = "iris", approved_run_id = workbenchRun });

        var unnamed = await CallAsync("mlflow_set_model_alias", new { name = "iris", version = 1, stage = "Production" });
        var staging = await CallAsync("mlflow_set_model_alias", new { name = "iris", version = 1, stage = "Staging" });
        var production = await CallAsync("mlflow_set_model_alias", new { name = "iris", version = 1, stage = "production", approved_run_id = workbenchRun });

        unnamed.Text().Should().Contain("'register_model' is gated").And.Contain("no run was named");
        staging.IsError.Should().NotBe(true);
        production.IsError.Should().NotBe(true, production.Text());
        production.Structured().GetProperty("version").GetProperty("currentStage").GetString().Should().Be("Production");
    }
}
