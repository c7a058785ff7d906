using System.Globalization;
using McpFlow.Core.Errors;
using McpFlow.Experiments.Tracking;

namespace McpFlow.Experiments.Analysis;

/// <summary>Resolves experiments by id or name and loads their runs across pages.</summary>
public sealed class RunLoader(ITrackingReader reader)
{
    /// <summary>Upper bound on runs loaded for one analysis (pages of 1,000 are followed until then).</summary>
    public const int MaxRunsLoaded = 10_000;

    /// <summary>Characters of a client's experiment name repeated in a message.</summary>
    public const int MaxEchoLength = 100;

    /// <summary>The tracking reader.</summary>
    public ITrackingReader Reader => reader;

    /// <summary>The experiment whose id or name is <paramref name="idOrName"/>.</summary>
    public async Task<MlflowExperiment> ResolveExperimentAsync(string idOrName, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(idOrName))
            throw McpFlowException.Invalid("experiment is empty.", "Give an experiment name or id, e.g. \"cifar-resnet\" or \"1\".");
        var byName = await reader.FindExperimentByNameAsync(idOrName, cancellationToken);
        if (byName is not null)
            return byName;
        if (idOrName.All(char.IsAsciiLetterOrDigit))
        {
            try
            {
                return await reader.GetExperimentAsync(idOrName, cancellationToken);
            }
            catch (McpFlowException e) when (e.Kind is ErrorKind.NotFound or ErrorKind.InvalidInput)
            {
            }
        }

        var shown = idOrName.Length <= MaxEchoLength ? idOrName : idOrName[..MaxEchoLength] + string.Create(CultureInfo.InvariantCulture, $"… ({idOrName.Length:N0} characters)");
        throw McpFlowException.NotFound($"No experiment is named or numbered '{shown}' in {reader.Location}.", "Call mlflow_list_experiments to see the experiments.");
    }

    /// <summary>All active runs of an experiment (optionally filtered), up to <see cref="MaxRunsLoaded"/>.</summary>
    public async Task<List<MlflowRun>> LoadRunsAsync(string experimentId, string? filter, CancellationToken cancellationToken)
    {
        var runs = new List<MlflowRun>();
        string? token = null;
        do
        {
            var page = await reader.SearchRunsAsync(new RunSearchRequest([experimentId], filter, ["attributes.start_time ASC"], 1000, token), cancellationToken);
            runs.AddRange(page.Items);
            token = page.NextPageToken;
        }
        while (token is not null && runs.Count < MaxRunsLoaded);
        return runs;
    }

    private static readonly string[] LowerIsBetterWords = ["loss", "error", "err", "mse", "mae", "rmse", "mape", "perplexity", "regret", "time", "latency"];

    /// <summary>Maximise unless the metric's name says it is a loss or an error (loss, error, mse, mae, rmse, mape, perplexity).</summary>
    public static bool DefaultMaximize(string metric)
    {
        var m = metric.ToLowerInvariant();
        return !LowerIsBetterWords.Any(m.Contains);
    }

    /// <summary>Parses a direction argument: maximize/max, minimize/min, or auto (null).</summary>
    public static bool ParseDirection(string? direction, string metric) => direction?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => DefaultMaximize(metric),
        "maximize" or "max" or "higher" => true,
        "minimize" or "min" or "lower" => false,
        _ => throw McpFlowException.Invalid($"direction '{direction}' is not understood.", "Use \"maximize\", \"minimize\" or \"auto\"."),
    };
}
