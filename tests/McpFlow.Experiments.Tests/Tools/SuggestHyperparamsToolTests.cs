using McpFlow.Core.Tracking;
using McpFlow.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace McpFlow.Experiments.Tests.Tools;

public sealed class SuggestHyperparamsToolTests : ExperimentsToolTestBase
{
    [Fact]
    public async Task Suggest_StatesTheSpace_ExplainsAndSavesEachSuggestion()
    {
        await PlateauRuns.WriteAsync(Services.GetRequiredService<ITrackingWriter>(), Time);

        var result = await CallOkAsync("suggest_hyperparams", new { experiment = "cifar", metric = "val_accuracy", count = 2, seed = 7 });

        var s = result.Structured();
        s.GetProperty("method").GetString().Should().StartWith("Bayesian optimisation");
        s.GetProperty("runsUsed").GetInt32().Should().Be(8);
        var space = s.GetProperty("space").EnumerateArray().Select(e => e.GetString()).ToList();
        space.Should().Contain(l => l!.StartsWith("learning_rate: float in [0.001, 0.1], log scale (constant 0.01", StringComparison.Ordinal));
        space.Should().Contain(l => l!.StartsWith("batch_size: int in [32, 512], log scale", StringComparison.Ordinal));
        var first = s.GetProperty("suggestions")[0].GetProperty("suggestion");
        var id = first.GetProperty("id").GetString()!;
        first.GetProperty("explanation").GetString().Should().Contain("Predicted val_accuracy").And.Contain("expected improvement");
        first.GetProperty("predictedStd").GetDouble().Should().BePositive();
        Services.GetRequiredService<ISuggestionStore>().Get(id).Parameters.Keys.Should().BeEquivalentTo("learning_rate", "batch_size", "dropout");
        File.Exists(Path.Combine(WorkspaceRoot, "suggestions", id + ".json")).Should().BeTrue();

        var again = await CallOkAsync("suggest_hyperparams", new { experiment = "cifar", metric = "val_accuracy", count = 2, seed = 7 });
        again.Structured().GetProperty("suggestions")[0].GetProperty("suggestion").GetProperty("parameters").ToString()
            .Should().Be(first.GetProperty("parameters").ToString(), "the same seed and runs give the same suggestions");
    }

    [Fact]
    public async Task Suggest_WithAnExplicitSpaceAndNoRuns_FallsBackToSpaceFilling()
    {
        await Services.GetRequiredService<ITrackingWriter>().GetOrCreateExperimentAsync("fresh", default);

        var result = await CallOkAsync("suggest_hyperparams", new
        {
            experiment = "fresh", metric = "loss", count = 3,
            space = new Dictionary<string, object>
            {
                ["lr"] = new { type = "float", low = 0.0001, high = 0.1, log = true },
                ["optimizer"] = new { type = "categorical", choices = new[] { "adam", "sgd" } },
            },
        });

        result.Text().Should().Contain("Space-filling Latin hypercube").And.Contain("lr: float in [0.0001, 0.1], log scale (given)");
        result.Structured().GetProperty("suggestions").GetArrayLength().Should().Be(3);
    }

    [Fact]
    public async Task Suggest_RejectsABadSpaceAndAnEmptyHistory()
    {
        await Services.GetRequiredService<ITrackingWriter>().GetOrCreateExperimentAsync("fresh", default);

        var bad = await CallAsync("suggest_hyperparams", new { experiment = "fresh", metric = "loss", space = new Dictionary<string, object> { ["lr"] = new { type = "float", low = 1, high = 0.1 } } });
        var empty = await CallAsync("suggest_hyperparams", new { experiment = "fresh", metric = "loss" });

        bad.Text().Should().Contain("Search space parameter 'lr': low (1) must be below high (0.1)");
        empty.Text().Should().Contain("No run of 'fresh' has a finite value of 'loss'");
    }
}
