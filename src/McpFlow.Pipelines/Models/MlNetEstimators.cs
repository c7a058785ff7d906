using McpFlow.Core.Errors;
using McpFlow.Core.Jobs;
using McpFlow.Pipelines.Specs;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace McpFlow.Pipelines.Models;

/// <summary>Creates the ML.NET estimator for a trainer name, task and hyperparameters (ML.NET defaults otherwise). The
/// tree trainers and LightGBM use the running job's thread budget on a team-mode worker (<see cref="JobThreads"/>;
/// null elsewhere, which is ML.NET's default of every core).</summary>
internal static class MlNetEstimators
{
    /// <summary>Default SDCA passes over the data. ML.NET's automatic choice ran for seconds on 100-row tables here;
    /// 50 passes converge on standardised features (the duality gap is checked every pass).</summary>
    public const int SdcaIterations = 50;

    public static IEstimator<ITransformer> Create(MLContext ml, PipelineTask task, string name, Hyperparameters h) => task switch
    {
        PipelineTask.Binary => Binary(ml, name, h),
        PipelineTask.Multiclass => Multiclass(ml, name, h),
        PipelineTask.Regression or PipelineTask.Forecasting => Regression(ml, name, h),
        PipelineTask.Clustering when name == "kmeans" => ml.Clustering.Trainers.KMeans(numberOfClusters: h.Int("k") ?? 3),
        PipelineTask.AnomalyDetection when name == "randomized_pca" => ml.AnomalyDetection.Trainers.RandomizedPca(rank: h.Int("rank") ?? 2, oversampling: h.Int("oversampling") ?? 20, seed: 42),
        _ => throw Unknown(task, name),
    };

    private static IEstimator<ITransformer> Binary(MLContext ml, string name, Hyperparameters h)
    {
        var b = ml.BinaryClassification.Trainers;
        return name switch
        {
            "logistic_regression" => b.LbfgsLogisticRegression(l1Regularization: (float)(h.Real("l1_regularization") ?? 1), l2Regularization: (float)(h.Real("l2_regularization") ?? 1)),
            "sdca_logistic" => b.SdcaLogisticRegression(l2Regularization: F(h.Real("l2_regularization")), l1Regularization: F(h.Real("l1_regularization")), maximumNumberOfIterations: h.Int("maximum_number_of_iterations") ?? SdcaIterations),
            "fast_tree" => b.FastTree(new FastTreeBinaryTrainer.Options
            {
                NumberOfLeaves = h.Int("number_of_leaves") ?? 20, NumberOfTrees = h.Int("number_of_trees") ?? 100,
                MinimumExampleCountPerLeaf = h.Int("minimum_example_count_per_leaf") ?? 10, LearningRate = h.Real("learning_rate") ?? 0.2, NumberOfThreads = JobThreads.Current,
            }),
            "fast_forest" => b.FastForest(new FastForestBinaryTrainer.Options
            {
                NumberOfLeaves = h.Int("number_of_leaves") ?? 20, NumberOfTrees = h.Int("number_of_trees") ?? 100,
                MinimumExampleCountPerLeaf = h.Int("minimum_example_count_per_leaf") ?? 10, NumberOfThreads = JobThreads.Current,
            }),
            "lightgbm" => b.LightGbm(new LightGbmBinaryTrainer.Options
            {
                NumberOfLeaves = h.Int("number_of_leaves"), MinimumExampleCountPerLeaf = h.Int("minimum_example_count_per_leaf"),
                LearningRate = h.Real("learning_rate"), NumberOfIterations = h.Int("number_of_trees") ?? 100, NumberOfThreads = JobThreads.Current,
            }),
            _ => throw Unknown(PipelineTask.Binary, name),
        };
    }

    private static IEstimator<ITransformer> Multiclass(MLContext ml, string name, Hyperparameters h)
    {
        var m = ml.MulticlassClassification.Trainers;
        var b = ml.BinaryClassification.Trainers;
        return name switch
        {
            "maximum_entropy" => m.LbfgsMaximumEntropy(l1Regularization: (float)(h.Real("l1_regularization") ?? 1), l2Regularization: (float)(h.Real("l2_regularization") ?? 1)),
            "sdca_maximum_entropy" => m.SdcaMaximumEntropy(l2Regularization: F(h.Real("l2_regularization")), l1Regularization: F(h.Real("l1_regularization")), maximumNumberOfIterations: h.Int("maximum_number_of_iterations") ?? SdcaIterations),
            "fast_tree_ova" => m.OneVersusAll(b.FastTree(new FastTreeBinaryTrainer.Options
            {
                NumberOfLeaves = h.Int("number_of_leaves") ?? 20, NumberOfTrees = h.Int("number_of_trees") ?? 100,
                MinimumExampleCountPerLeaf = h.Int("minimum_example_count_per_leaf") ?? 10, LearningRate = h.Real("learning_rate") ?? 0.2, NumberOfThreads = JobThreads.Current,
            })),
            "fast_forest_ova" => m.OneVersusAll(b.FastForest(new FastForestBinaryTrainer.Options
            {
                NumberOfLeaves = h.Int("number_of_leaves") ?? 20, NumberOfTrees = h.Int("number_of_trees") ?? 100,
                MinimumExampleCountPerLeaf = h.Int("minimum_example_count_per_leaf") ?? 10, NumberOfThreads = JobThreads.Current,
            })),
            "lightgbm" => m.LightGbm(new LightGbmMulticlassTrainer.Options
            {
                NumberOfLeaves = h.Int("number_of_leaves"), MinimumExampleCountPerLeaf = h.Int("minimum_example_count_per_leaf"),
                LearningRate = h.Real("learning_rate"), NumberOfIterations = h.Int("number_of_trees") ?? 100, NumberOfThreads = JobThreads.Current,
            }),
            _ => throw Unknown(PipelineTask.Multiclass, name),
        };
    }

    private static IEstimator<ITransformer> Regression(MLContext ml, string name, Hyperparameters h)
    {
        var r = ml.Regression.Trainers;
        return name switch
        {
            "sdca" => r.Sdca(l2Regularization: F(h.Real("l2_regularization")), l1Regularization: F(h.Real("l1_regularization")), maximumNumberOfIterations: h.Int("maximum_number_of_iterations") ?? SdcaIterations),
            "online_gradient_descent" => r.OnlineGradientDescent(learningRate: (float)(h.Real("learning_rate") ?? 0.1), l2Regularization: (float)(h.Real("l2_regularization") ?? 0),
                numberOfIterations: h.Int("maximum_number_of_iterations") ?? 10),
            "fast_tree" => r.FastTree(new FastTreeRegressionTrainer.Options
            {
                NumberOfLeaves = h.Int("number_of_leaves") ?? 20, NumberOfTrees = h.Int("number_of_trees") ?? 100,
                MinimumExampleCountPerLeaf = h.Int("minimum_example_count_per_leaf") ?? 10, LearningRate = h.Real("learning_rate") ?? 0.2, NumberOfThreads = JobThreads.Current,
            }),
            "fast_forest" => r.FastForest(new FastForestRegressionTrainer.Options
            {
                NumberOfLeaves = h.Int("number_of_leaves") ?? 20, NumberOfTrees = h.Int("number_of_trees") ?? 100,
                MinimumExampleCountPerLeaf = h.Int("minimum_example_count_per_leaf") ?? 10, NumberOfThreads = JobThreads.Current,
            }),
            "lightgbm" => r.LightGbm(new LightGbmRegressionTrainer.Options
            {
                NumberOfLeaves = h.Int("number_of_leaves"), MinimumExampleCountPerLeaf = h.Int("minimum_example_count_per_leaf"),
                LearningRate = h.Real("learning_rate"), NumberOfIterations = h.Int("number_of_trees") ?? 100, NumberOfThreads = JobThreads.Current,
            }),
            _ => throw Unknown(PipelineTask.Regression, name),
        };
    }

    private static float? F(double? value) => value is { } v ? (float)v : null;

    private static McpFlowException Unknown(PipelineTask task, string name) =>
        McpFlowException.Invalid($"Trainer '{name}' is not available for {Generation.TaskNames.Name(task)}.",
            $"Use one of: {string.Join(", ", TrainerNames.For(task, seasonal: true, series: true))}.");
}
