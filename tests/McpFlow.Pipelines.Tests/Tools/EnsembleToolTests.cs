using McpFlow.Core.Jobs;
using McpFlow.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace McpFlow.Pipelines.Tests.Tools;

public sealed class EnsembleToolTests : PipelineServerTestBase
{
    private async Task<string> CompareAsync(string table, string target, string task, string[] trainers)
    {
        var spec = (await CallOkAsync("generate_pipeline", new { table, target, task, folds = 3 })).Structured().GetProperty("spec_id").GetString();
        var compared = await CallUntilFinishedAsync("pipeline_compare_models", new { spec, trainers, wait_seconds = 45 });
        var id = compared.Structured().GetProperty("job").GetProperty("id").GetString()!;
        compared.Text().Should().Contain($"pipeline_ensemble comparison=\"{id}\" top_k={Math.Min(3, trainers.Length)}", "the comparison offers the ensemble as a next step");
        return id;
    }

    [Fact]
    public async Task Ensemble_OnAnImbalancedBinaryTable_ReportsBlendsAndStackAgainstTheBestModel_WithAChart()
    {
        // breast_cancer.csv (scikit-learn's copy of the UCI data) with malignant rows thinned to every 6th: 35 of 392
        // rows (9%) positive, so the task is ranked by average precision.
        Execute("CREATE TABLE cancer AS SELECT * EXCLUDE (n, k) FROM (SELECT *, row_number() OVER () AS n, row_number() OVER (PARTITION BY malignant) AS k FROM " +
                $"read_csv_auto('{Path.Combine(RepositoryPaths.ExampleData, "breast_cancer.csv")}')) WHERE malignant = 0 OR k % 6 = 0");
        var comparison = await CompareAsync("cancer", "malignant", "binary", ["logistic_regression", "fast_tree", "lightgbm"]);

        var result = await CallUntilFinishedAsync("pipeline_ensemble", new { comparison, top_k = 3, wait_seconds = 45 });

        var data = result.Structured().GetProperty("result");
        data.GetProperty("primaryMetric").GetString().Should().Be("average_precision");
        data.GetProperty("comparison").GetString().Should().Be(comparison);
        var rows = data.GetProperty("results").EnumerateArray().ToList();
        rows.Select(r => r.GetProperty("name").GetString()).Should().EndWith(["blend_mean", "blend_weighted", "stack"]);
        rows.Should().HaveCount(6);
        foreach (var row in rows)
        {
            row.GetProperty("folds").EnumerateArray().Should().HaveCount(3).And.OnlyContain(v => v.GetDouble() >= 0 && v.GetDouble() <= 1);
            row.GetProperty("mean").GetDouble().Should().BeGreaterThan(0.8, "the Wisconsin features separate malignant tumours well");
        }

        result.Text().Should().Contain("| **stack** |").And.Contain("average_precision (mean ± sd)").And.Contain("folds |");
        result.Images().Should().ContainSingle().Which.Length.Should().BeGreaterThan(1000);
        data.GetProperty("chart").GetString().Should().EndWith("ensembles.png");
        File.Exists(data.GetProperty("chart").GetString()).Should().BeTrue();
    }

    [Fact]
    public async Task Ensemble_RefusesHostileOrWrongIds_AndAnOutOfRangeK()
    {
        Execute(TestData.Regression);
        var comparison = await CompareAsync("houses", "price", "regression", ["sdca", "ols"]);

        (await CallAsync("pipeline_ensemble", new { comparison = "../../etc/passwd" })).Text().Should().Contain("is not a job id");
        (await CallAsync("pipeline_ensemble", new { comparison = "job-20991231-235959-abcdef" })).Text().Should().Contain("No job with id 'job-20991231-235959-abcdef'");
        var tooMany = await CallAsync("pipeline_ensemble", new { comparison, top_k = 3 });
        tooMany.IsError.Should().BeTrue();
        tooMany.Text().Should().Contain("top_k must be 2-2").And.Contain("2 scored models besides baselines");
        (await CallAsync("pipeline_ensemble", new { comparison, top_k = 9 })).Text().Should().Contain("top_k");

        var other = Services.GetRequiredService<JobManager>().Start("test", "not a comparison", _ => Task.FromResult(new JobResult("done")));
        await other.Completion;
        (await CallAsync("pipeline_ensemble", new { comparison = other.Id })).Text().Should().Contain("is a test job, not a model comparison");
    }
}
