namespace McpFlow.Pipelines.Models;

/// <summary>A fitted model.</summary>
public interface ITrainedModel
{
    /// <summary>Predicts the rows of <paramref name="input"/>.</summary>
    Prediction Predict(ModelInput input);

    /// <summary>Saves the model (ML.NET zip, or JSON for baselines, OLS and Holt-Winters) to <paramref name="path"/> without extension;
    /// returns the file written. The extension must not be plain <c>.json</c>: the model folder's <c>model.json</c> describes the model.</summary>
    string Save(string path);
}
