namespace McpFlow.Pipelines.Models;

/// <summary>
/// The equal-weight mean of two forecasts: Holt-Winters and the sdca linear model on the pipeline's features.
/// Averaging forecasts of different kinds is a classic way to lower the error (Bates and Granger 1969; simple
/// combinations ranked near the top of the M4 competition, Makridakis et al. 2020).
/// </summary>
public sealed class CombinationModel(ITrainedModel first, ITrainedModel second) : ITrainedModel
{
    /// <summary>The models averaged.</summary>
    public IReadOnlyList<ITrainedModel> Parts => [first, second];

    /// <inheritdoc />
    public Prediction Predict(ModelInput input)
    {
        var a = first.Predict(input).Values;
        var b = second.Predict(input).Values;
        return new Prediction(a.Select((v, i) => (v + b[i]) / 2).ToArray(), [], null);
    }

    /// <summary>Saves both parts next to each other (<c>path.holt_winters.json</c> and <c>path.zip</c>); returns the second file.</summary>
    public string Save(string path)
    {
        first.Save(path);
        return second.Save(path);
    }
}
