using System.Text.Json;
using McpFlow.Core.Errors;
using McpFlow.Core.Mcp;

namespace McpFlow.Pipelines.Models;

/// <summary>
/// Ordinary least squares (trainer <c>ols</c>) on the preprocessed feature matrix, fitted by <see cref="LeastSquares"/>.
/// Written here because ML.NET's OLS trainer lives in Microsoft.ML.Mkl.Components, which the package registry does
/// not serve.
/// </summary>
public sealed class OlsModel : ITrainedModel
{
    private OlsModel(LeastSquaresFit fit) => Fit = fit;

    /// <summary>Intercept, coefficients (one per feature in matrix order) and aliased columns.</summary>
    public LeastSquaresFit Fit { get; }

    /// <summary>Fits OLS on the training rows' numeric target.</summary>
    public static OlsModel Train(ModelInput train) =>
        new(LeastSquares.Fit(train.X, train.Rows.Select(r => train.Frame.Target[r]).ToList()));

    /// <summary>Loads a model saved by <see cref="Save"/>.</summary>
    public static OlsModel Load(string file)
    {
        var fit = JsonSerializer.Deserialize<LeastSquaresFit>(File.ReadAllText(file), McpFlowJson.Options)
            ?? throw McpFlowException.Invalid($"'{Path.GetFileName(file)}' holds no OLS model.", "Train the pipeline again with pipeline_train.");
        return new OlsModel(fit);
    }

    /// <inheritdoc />
    public Prediction Predict(ModelInput input) => new(input.X.Select(Fit.Predict).ToArray(), [], null);

    /// <inheritdoc />
    public string Save(string path)
    {
        var file = path + ".ols.json";
        File.WriteAllText(file, JsonSerializer.Serialize(Fit, McpFlowJson.Indented));
        return file;
    }
}
