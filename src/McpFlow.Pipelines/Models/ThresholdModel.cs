namespace McpFlow.Pipelines.Models;

/// <summary>
/// A binary classifier whose class is decided by a tuned threshold on its class-1 score instead of the trainer's
/// own rule (probability 0.5, or score 0): class 1 when the score is at or above <see cref="Threshold"/>. Scores
/// are passed through unchanged, so AUC and average precision do not depend on it.
/// </summary>
public sealed class ThresholdModel(ITrainedModel inner, double threshold) : ITrainedModel
{
    /// <summary>The classifier whose scores are thresholded.</summary>
    public ITrainedModel Inner => inner;

    /// <summary>The decision threshold on the class-1 score.</summary>
    public double Threshold => threshold;

    /// <inheritdoc />
    public Prediction Predict(ModelInput input)
    {
        var p = inner.Predict(input);
        return p.Scores is null ? p : p with { Classes = p.Scores.Select(s => s[1] >= threshold ? 1 : 0).ToArray() };
    }

    /// <inheritdoc />
    public string Save(string path) => inner.Save(path);
}
