using System.Text.Json;
using McpFlow.Core.Mcp;

namespace McpFlow.Pipelines.Models;

/// <summary>Dummy baselines: majority class, stratified random classes, training mean, naive and seasonal-naive forecasts.</summary>
public sealed class BaselineModel : ITrainedModel
{
    private BaselineModel(string kind, int majority, double mean, int classes, IReadOnlyList<double> shares, int seed)
    {
        Kind = kind;
        Majority = majority;
        Mean = mean;
        Classes = classes;
        Shares = shares;
        Seed = seed;
    }

    /// <summary>Which baseline (a <see cref="TrainerNames"/> constant).</summary>
    public string Kind { get; }

    /// <summary>Most frequent training class.</summary>
    public int Majority { get; }

    /// <summary>Training mean of the target.</summary>
    public double Mean { get; }

    /// <summary>Number of classes.</summary>
    public int Classes { get; }

    /// <summary>Training share of each class (classification), the stratified baseline's scores and draw weights.</summary>
    public IReadOnlyList<double> Shares { get; }

    /// <summary>Seed of the stratified baseline's draws (the same rows get the same classes on every call).</summary>
    public int Seed { get; }

    /// <summary>Fits the baseline on the training rows.</summary>
    public static BaselineModel Fit(string kind, ModelInput train, int classes, int seed = 42)
    {
        var labels = classes == 0 ? [] : train.Rows.Select(r => train.Frame.Labels[r]).ToList();
        var majority = classes == 0 ? 0 : labels.GroupBy(l => l).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        var shares = classes == 0 ? [] : Enumerable.Range(0, classes).Select(k => labels.Count(l => l == k) / (double)labels.Count).ToArray();
        var mean = classes == 0 ? train.Rows.Select(r => train.Frame.Target[r]).Average() : 0;
        return new BaselineModel(kind, majority, mean, classes, shares, seed);
    }

    /// <summary>Loads a baseline saved by <see cref="Save"/>.</summary>
    public static BaselineModel Load(string file)
    {
        var json = JsonDocument.Parse(File.ReadAllText(file)).RootElement;
        var shares = json.TryGetProperty("shares", out var s) ? s.EnumerateArray().Select(v => v.GetDouble()).ToArray() : [];
        var seed = json.TryGetProperty("seed", out var seedValue) ? seedValue.GetInt32() : 42;
        return new BaselineModel(json.GetProperty("kind").GetString()!, json.GetProperty("majority").GetInt32(), json.GetProperty("mean").GetDouble(),
            json.GetProperty("classes").GetInt32(), shares, seed);
    }

    /// <inheritdoc />
    public Prediction Predict(ModelInput input)
    {
        var rows = input.Rows;
        switch (Kind)
        {
            case TrainerNames.Majority:
                // Scores are constant: AUC of a constant scorer is 0.5 and its average precision is the positive share.
                return new Prediction([], rows.Select(_ => Majority).ToArray(), rows.Select(_ => Enumerable.Range(0, Classes).Select(k => k == Majority ? 1.0 : 0).ToArray()).ToList());
            case TrainerNames.Stratified:
                var random = new Random(Seed);
                return new Prediction([], rows.Select(_ => Draw(random.NextDouble())).ToArray(), rows.Select(_ => Shares.ToArray()).ToList());
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
        File.WriteAllText(file, JsonSerializer.Serialize(new { kind = Kind, majority = Majority, mean = Mean, classes = Classes, shares = Shares, seed = Seed }, McpFlowJson.Indented));
        return file;
    }

    private int Draw(double u)
    {
        var cumulative = 0.0;
        for (var k = 0; k < Shares.Count; k++)
        {
            cumulative += Shares[k];
            if (u < cumulative)
                return k;
        }

        return Shares.Count - 1;
    }

    private double Fallback(double value) => double.IsNaN(value) ? Mean : value;
}
