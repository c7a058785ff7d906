using McpFlow.Core.Errors;
using McpFlow.Pipelines.Features;
using McpFlow.Pipelines.Models;

namespace McpFlow.Pipelines.Explanations;

/// <summary>
/// Per-prediction contributions from ML.NET's feature contribution calculator (<c>CalculateFeatureContribution</c>, not
/// normalised): for linear models a feature's weight × its preprocessed value, for tree ensembles the change of the
/// score along each row's decision paths attributed to the split features. Slots are mapped back to their source
/// columns: the one-hot slots of a column (<c>city=Paris</c>, <c>city=Rome</c>, …) and its frequency code are summed
/// into <c>city</c>; numeric and derived features (lags, date parts) keep their names.
/// </summary>
public static class ContributionCalculator
{
    /// <summary>Most contributions per row a client may ask for.</summary>
    public const int MaxTop = 10;

    /// <summary>Rows whose contributions go into the answer (all rows go into the run's file).</summary>
    public const int FirstRows = 10;

    /// <summary>The trainers with a calculator (ML.NET linear and tree models of regression, forecasting and binary tasks).</summary>
    public const string Supported = "linear (sdca, online_gradient_descent, logistic_regression, sdca_logistic) and tree (fast_tree, fast_forest, lightgbm) models of regression, forecasting and binary classification";

    /// <summary>Contributions of every row of <paramref name="input"/>; throws an actionable error when the model has no calculator.</summary>
    public static ContributionReport Compute(string trainer, ITrainedModel model, ModelInput input, PreprocessorState state, int top)
    {
        var inner = model;
        while (inner is ThresholdModel or DifferencedModel)
            inner = inner is ThresholdModel t ? t.Inner : ((DifferencedModel)inner).Inner;
        var slots = inner is MlNetModel ml ? ml.Contributions(input) : null;
        if (slots is null)
            throw McpFlowException.Invalid($"contributions: the '{trainer}' model has no per-prediction contributions.",
                $"They exist for {Supported}. Call pipeline_predict with contributions=0, or train one of those (pipeline_train).");
        var columns = state.FeatureNames.Select(f => SourceColumn(f, state)).ToArray();
        var names = columns.Distinct(StringComparer.Ordinal).ToArray();
        var totals = new double[names.Length];
        var rows = new List<RowContributions>(slots.Length);
        for (var i = 0; i < slots.Length; i++)
        {
            var sums = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var j = 0; j < columns.Length && j < slots[i].Length; j++)
                sums[columns[j]] = sums.GetValueOrDefault(columns[j]) + slots[i][j];
            for (var k = 0; k < names.Length; k++)
                totals[k] += Math.Abs(sums.GetValueOrDefault(names[k]));
            rows.Add(new RowContributions(i, sums.Where(s => s.Value != 0).OrderByDescending(s => Math.Abs(s.Value)).ThenBy(s => s.Key, StringComparer.Ordinal)
                .Take(top).Select(s => new ColumnContribution(s.Key, s.Value)).ToList()));
        }

        var mean = names.Select((n, k) => new ColumnContribution(n, slots.Length == 0 ? 0 : totals[k] / slots.Length))
            .OrderByDescending(c => c.Value).ToList();
        var method = inner is MlNetModel m && m.IsLinear ? "linear: weight × preprocessed feature value (score units)" : "trees: score change along the decision paths (score units)";
        if (model is DifferencedModel)
            method += "; the model predicts the change of the target, so contributions are to the change";
        return new ContributionReport(trainer, method, slots.Length, rows.Take(FirstRows).ToList(), mean) { All = rows };
    }

    /// <summary>The column a feature slot encodes: <c>city</c> for <c>city=Paris</c> and <c>city_frequency</c>, else the slot's name.</summary>
    public static string SourceColumn(string feature, PreprocessorState state)
    {
        var eq = feature.IndexOf('=', StringComparison.Ordinal);
        if (eq > 0 && state.Levels.ContainsKey(feature[..eq]))
            return feature[..eq];
        const string frequency = "_frequency";
        if (feature.EndsWith(frequency, StringComparison.Ordinal) && state.Frequencies.ContainsKey(feature[..^frequency.Length]))
            return feature[..^frequency.Length];
        return feature;
    }
}
