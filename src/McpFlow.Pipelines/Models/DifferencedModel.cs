namespace McpFlow.Pipelines.Models;

/// <summary>
/// Wraps a model so that it learns the change of the target from the frame's <c>Base</c> (the latest value known at
/// forecast time) and forecasts base + predicted change. Rows whose base is unknown (the very start of the series)
/// are left out of training; their forecast is NaN.
/// </summary>
public sealed class DifferencedModel(ITrainedModel inner) : ITrainedModel
{
    /// <summary>The model of the change.</summary>
    public ITrainedModel Inner => inner;

    /// <summary>Fits <paramref name="fit"/> on the changes of the training rows.</summary>
    public static DifferencedModel Fit(ModelInput train, Func<ModelInput, ITrainedModel> fit)
    {
        var frame = train.Frame;
        var changes = frame.Target.Select((y, i) => y - frame.Base[i]).ToArray();
        var kept = Enumerable.Range(0, train.Rows.Count).Where(i => !double.IsNaN(changes[train.Rows[i]])).ToList();
        var input = new ModelInput(kept.Select(i => train.X[i]).ToArray(), frame with { Target = changes }, kept.Select(i => train.Rows[i]).ToArray());
        return new DifferencedModel(fit(input));
    }

    /// <inheritdoc />
    public Prediction Predict(ModelInput input)
    {
        var change = inner.Predict(input);
        return change with { Values = change.Values.Select((v, i) => input.Frame.Base[input.Rows[i]] + v).ToArray() };
    }

    /// <inheritdoc />
    public string Save(string path) => inner.Save(path);
}
