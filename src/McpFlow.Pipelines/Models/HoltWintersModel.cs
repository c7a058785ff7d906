using System.Text.Json;
using McpFlow.Core.Mcp;
using McpFlow.Pipelines.Forecasting;

namespace McpFlow.Pipelines.Models;

/// <summary>
/// The Holt-Winters candidate: fitted on the target history up to the last training row, then run over the whole
/// series so that each row is forecast from the states after observing the value <c>horizon</c> rows earlier
/// (the same information the lag features give the ML.NET trainers; never the row itself or later rows).
/// </summary>
public sealed class HoltWintersModel(HoltWintersParameters parameters, int horizon) : ITrainedModel
{
    /// <summary>The fitted weights and initial states.</summary>
    public HoltWintersParameters Parameters => parameters;

    /// <summary>Fits on the history of <paramref name="train"/> up to its last row.</summary>
    public static HoltWintersModel Fit(ModelInput train, int season, int horizon)
    {
        var frame = train.Frame;
        var end = train.Rows.Count == 0 ? 0 : train.Rows.Max(r => frame.HistoryIndex[r]) + 1;
        return new HoltWintersModel(HoltWintersFitter.Fit(frame.History.Take(end).ToArray(), season), horizon);
    }

    /// <summary>Loads a model saved by <see cref="Save"/>.</summary>
    public static HoltWintersModel Load(string file)
    {
        var saved = JsonSerializer.Deserialize<Saved>(File.ReadAllText(file), McpFlowJson.Options)!;
        return new HoltWintersModel(saved.Parameters, saved.Horizon);
    }

    /// <inheritdoc />
    public Prediction Predict(ModelInput input)
    {
        var forecasts = HoltWintersSmoother.Forecasts(parameters, input.Frame.History, horizon);
        return new Prediction(input.Rows.Select(r => forecasts[input.Frame.HistoryIndex[r]]).ToArray(), [], null);
    }

    /// <inheritdoc />
    public string Save(string path)
    {
        var file = path + ".holt_winters.json"; // not model.json: pipeline_train writes its model info there
        File.WriteAllText(file, JsonSerializer.Serialize(new Saved(parameters, horizon), McpFlowJson.Indented));
        return file;
    }

    private sealed record Saved(HoltWintersParameters Parameters, int Horizon);
}
