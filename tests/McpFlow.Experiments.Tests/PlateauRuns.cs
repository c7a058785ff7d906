using McpFlow.Core.Tracking;
using Microsoft.Extensions.Time.Testing;

namespace McpFlow.Experiments.Tests;

/// <summary>Writes the "last runs plateau at 0.92" scenario: val_accuracy(e) = 0.92 − 0.42·exp(−e/13) for 100
/// epochs (improvement falls below 1% of the total gain, 0.0042, after e = 13·ln 100 ≈ 60), learning rate and
/// batch size constant in the last five runs; three earlier runs vary dropout. The store's clock is advanced a minute
/// after each run, so runs have distinct, ordered start and end times.</summary>
public static class PlateauRuns
{
    public const int Epochs = 100;

    public static double Accuracy(int epoch, double ceiling = 0.92) => ceiling - (0.42 * Math.Exp(-epoch / 13.0));

    public static async Task<List<string>> WriteAsync(ITrackingWriter writer, FakeTimeProvider time, string experiment = "cifar")
    {
        var expId = await writer.GetOrCreateExperimentAsync(experiment, default);
        var ids = new List<string>();
        var dropouts = new[] { "0.1", "0.3", "0.5", "0.2", "0.2", "0.2", "0.2", "0.2" };
        var ceilings = new[] { 0.90, 0.91, 0.89, 0.920, 0.921, 0.919, 0.920, 0.922 };
        for (var i = 0; i < dropouts.Length; i++)
        {
            var run = await writer.StartRunAsync(expId, $"run-{i + 1}", null, default);
            await writer.LogParamsAsync(run.RunId, new Dictionary<string, string> { ["learning_rate"] = "0.01", ["batch_size"] = "128", ["dropout"] = dropouts[i] }, default);
            var points = Enumerable.Range(0, Epochs).SelectMany(e => new[]
            {
                new MetricPoint("val_accuracy", Accuracy(e, ceilings[i]), e, 1_700_000_000_000 + (i * 1_000_000) + e),
                new MetricPoint("train_accuracy", Accuracy(e, ceilings[i] + 0.03), e, 1_700_000_000_000 + (i * 1_000_000) + e),
            }).ToList();
            await writer.LogMetricsAsync(run.RunId, points, default);
            await writer.EndRunAsync(run.RunId, TrackedRunStatus.Finished, default);
            ids.Add(run.RunId);
            time.Advance(TimeSpan.FromMinutes(1));
        }

        return ids;
    }
}
