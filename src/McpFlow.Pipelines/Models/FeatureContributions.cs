using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;

namespace McpFlow.Pipelines.Models;

/// <summary>Builds ML.NET's feature contribution calculator for a fitted prediction transformer, when its model supports one.</summary>
internal static class FeatureContributions
{
    private static readonly MethodInfo Calibrated = typeof(ExplainabilityCatalog).GetMethods()
        .Single(m => m.Name == nameof(ExplainabilityCatalog.CalculateFeatureContribution) && m.IsGenericMethodDefinition);

    /// <summary>The calculator (all slots, not normalised) for <paramref name="transformer"/>, or null when its model has none.</summary>
    public static IEstimator<ITransformer>? Estimator(MLContext ml, ITransformer transformer, int width)
    {
        if (transformer is ISingleFeaturePredictionTransformer<ICalculateFeatureContribution> plain)
            return ml.Transforms.CalculateFeatureContribution(plain, width, width, normalize: false);
        // Calibrated binary models (logistic regression, fast_tree, lightgbm): the calculator of the model under the calibrator.
        var model = transformer.GetType().GetProperty("Model")?.GetValue(transformer);
        for (var type = model?.GetType(); type is not null; type = type.BaseType)
        {
            if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(CalibratedModelParametersBase<,>))
                continue;
            var arguments = type.GetGenericArguments();
            if (!typeof(ICalculateFeatureContribution).IsAssignableFrom(arguments[0]) || !typeof(ICalibrator).IsAssignableFrom(arguments[1]))
                return null;
            var expected = typeof(ISingleFeaturePredictionTransformer<>).MakeGenericType(type);
            if (!expected.IsInstanceOfType(transformer))
                return null;
            return (FeatureContributionCalculatingEstimator?)Calibrated.MakeGenericMethod(arguments)
                .Invoke(null, [ml.Transforms, transformer, width, width, false]);
        }

        return null;
    }

    /// <summary>True when the transformer's model is linear (directly or under a calibrator).</summary>
    public static bool IsLinear(ITransformer transformer)
    {
        var model = transformer.GetType().GetProperty("Model")?.GetValue(transformer);
        if (model is LinearModelParameters)
            return true;
        for (var type = model?.GetType(); type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(CalibratedModelParametersBase<,>))
                return typeof(LinearModelParameters).IsAssignableFrom(type.GetGenericArguments()[0]);
        }

        return false;
    }
}
