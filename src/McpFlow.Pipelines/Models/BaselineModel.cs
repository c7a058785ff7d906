using System.Text.Json;
using McpFlow.Core.Mcp;

namespace McpFlow.Pipelines.Models;

/// <summary>Dummy baselines: majority class, training mean, naive and seasonal-naive forecasts.</summary>
public sealed class BaselineModel : ITrainedModel
{
    private BaselineModel(string kind, int majority, double mean, int classes)
    {
        Kind = kind;
        Majority = majority;
        Mean = mean;
        Classes = classes;
    }

    /// <summary>Which baseline (a <see cref="TrainerNames"/> constant).</summary>
    public string Kind { get; }

    /// <summary>Most frequent training class.</summary>
    public int Majority { get; }

    /// <summary>Training mean of the target.</summary>
    public double Mean { get; }

    /// <summary>Number of classes.</summary>
    public int Classes { get; }

    /// <summary>Fits the baseline on the training rows.</summary>
    public static BaselineModel Fit(string kind, ModelInput train, int classes)
    {
        var majority = classes == 0 ? 0 : train.Rows.Select(r => train.Frame.Labels[r]).GroupBy(l => l).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        var mean = classes == 0 ? train.Rows.Select(r => train.Frame.Target[r]).Average() : 0;
        return new BaselineModel(kind, majority, mean, classes);
    }

    /// <summary>Loads a baseline saved by <see cref="Save"/>.</summary>
    public static BaselineModel Load(string file)
    {
        var json = JsonDocument.Parse(File.ReadAllText(file)).RootElement;
        return new BaselineModel(json.GetProperty("kind").GetString()!, json.GetProperty("majority").GetInt32(), json.GetProperty("mean").GetDouble(), json.GetProperty("classes").GetInt32());
    }

    /// <inheritdoc />
    public Prediction Predict(ModelInput input)
    {
        var rows = input.Rows;
        switch (Kind)
        {
            case TrainerNames.Majority:
                // Scores are constant: AUC of a constant scorer is 0.5.
                return new Prediction([], rows.Select(_ => Majority).ToArray(), rows.Select(_ => Enumerable.Range(0, Classes).Select(k => k == Majority ? 1.0 : 0).ToArray()).ToList());
            case TrainerNames.Naive:
                return new Prediction(rows.Select(r => Fallback(input.Frame.Naive[r])).ToArray(), [], null);
            case TrainerNames.SeasonalNaive:
                return new Prediction(rows.Select(r => Fallback(input.Frame.SeasonalNaive[r])).ToArray(), [], null);
            default:
                return new Prediction(rows.Select(_ => Mean).ToArray(), [], null);
        }
    }

    /// <inheritdoc />
    public string Save(string path)
    {
        var file = path + ".baseline.json"; // not model.json: pipeline_train writes its model info there
        File.WriteAllText(file, JsonSerializer.Serialize(new { kind = Kind, majority = Majority, mean = Mean, classes = Classes }, McpFlowJson.Indented));
        return file;
    }

    private double Fallback(double value) => double.IsNaN(value) ? Mean : value;
}
