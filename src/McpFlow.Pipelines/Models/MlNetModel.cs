using McpFlow.Core.Native;
using McpFlow.Pipelines.Specs;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace McpFlow.Pipelines.Models;

/// <summary>A fitted ML.NET model over a preprocessed feature matrix.</summary>
public sealed class MlNetModel : ITrainedModel
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly DataViewSchema _schema;
    private readonly PipelineTask _task;
    private readonly int _classes;

    private MlNetModel(MLContext ml, ITransformer model, DataViewSchema schema, PipelineTask task, int classes)
    {
        _ml = ml;
        _model = model;
        _schema = schema;
        _task = task;
        _classes = classes;
    }

    /// <summary>Fits trainer <paramref name="name"/> on the training rows.</summary>
    public static MlNetModel Fit(PipelineTask task, string name, Hyperparameters h, ModelInput train, int classes, int seed)
    {
        OpenMpWaitPolicy.Apply(); // LightGBM's OpenMP threads read it when the native library loads (the server applies it at start)
        var ml = new MLContext(seed);
        var data = View(ml, task, train, classes, labelled: true);
        var estimator = MlNetEstimators.Create(ml, task, name, h);
        return new MlNetModel(ml, estimator.Fit(data), data.Schema, task, classes);
    }

    /// <summary>Loads a model saved by <see cref="Save"/>.</summary>
    public static MlNetModel Load(string file, PipelineTask task, int classes)
    {
        OpenMpWaitPolicy.Apply();
        var ml = new MLContext(0);
        var model = ml.Model.Load(file, out var schema);
        return new MlNetModel(ml, model, schema, task, classes);
    }

    /// <inheritdoc />
    public Prediction Predict(ModelInput input)
    {
        var output = _model.Transform(View(_ml, _task, input, _classes, labelled: false));
        switch (_task)
        {
            case PipelineTask.Binary:
                var hasProbability = output.Schema.GetColumnOrNull("Probability") is not null;
                var p = output.GetColumn<float>(hasProbability ? "Probability" : "Score").Select(v => (double)v).ToArray();
                var predicted = output.GetColumn<bool>("PredictedLabel").Select(b => b ? 1 : 0).ToArray();
                return new Prediction([], predicted, p.Select(v => new[] { -v, v }).ToList());
            case PipelineTask.Multiclass:
                var scores = output.GetColumn<VBuffer<float>>("Score").Select(s => s.DenseValues().Select(v => (double)v).ToArray()).ToList();
                var keys = output.GetColumn<uint>("PredictedLabel").Select(k => (int)k - 1).ToArray();
                return new Prediction([], keys, scores);
            case PipelineTask.Clustering:
                return new Prediction([], output.GetColumn<uint>("PredictedLabel").Select(k => (int)k - 1).ToArray(), null);
            default:
                return new Prediction(output.GetColumn<float>("Score").Select(v => (double)v).ToArray(), [], null);
        }
    }

    /// <summary>
    /// Each row's contribution of every feature slot to the model's score, from ML.NET's feature contribution calculator
    /// (not normalised: a linear model's weight × feature value, a tree ensemble's summed leaf-value changes along each
    /// row's paths), or null when the trainer's family has no calculator (multiclass, clustering, anomaly models).
    /// </summary>
    public float[][]? Contributions(ModelInput input)
    {
        if (input.X.Length == 0 || FeatureContributions.Estimator(_ml, Last, input.X[0].Length) is not { } estimator)
            return null;
        var view = View(_ml, _task, input, _classes, labelled: false);
        var output = estimator.Fit(view).Transform(view);
        return output.GetColumn<VBuffer<float>>("FeatureContributions").Select(v => v.DenseValues().ToArray()).ToArray();
    }

    /// <summary>True when the model is linear in its features (its contributions are weight × value).</summary>
    public bool IsLinear => FeatureContributions.IsLinear(Last);

    private ITransformer Last => _model is TransformerChain<ITransformer> chain ? chain.LastTransformer : _model;

    /// <summary>The weights and bias of a linear regression model (null for other models); tests check contributions against them.</summary>
    internal (float[] Weights, float Bias)? LinearWeights() =>
        Last is ISingleFeaturePredictionTransformer<object> { Model: Microsoft.ML.Trainers.LinearRegressionModelParameters linear }
            ? (linear.Weights.ToArray(), linear.Bias)
            : null;

    /// <inheritdoc />
    public string Save(string path)
    {
        var file = path + ".zip";
        _ml.Model.Save(_model, _schema, file);
        return file;
    }

    private static IDataView View(MLContext ml, PipelineTask task, ModelInput input, int classes, bool labelled) => task switch
    {
        PipelineTask.Binary => MlRows.Booleans(ml, input.X, labelled ? input.Rows.Select(r => input.Frame.Labels[r]).ToList() : null),
        PipelineTask.Multiclass => MlRows.Keys(ml, input.X, labelled ? input.Rows.Select(r => input.Frame.Labels[r]).ToList() : null, classes),
        PipelineTask.Regression or PipelineTask.Forecasting => MlRows.Numbers(ml, input.X, labelled ? input.Rows.Select(r => input.Frame.Target[r]).ToList() : null),
        _ => MlRows.Numbers(ml, input.X, null),
    };
}
