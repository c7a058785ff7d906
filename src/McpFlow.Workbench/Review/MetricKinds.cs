using System.Text.RegularExpressions;

namespace McpFlow.Workbench.Review;

/// <summary>Classifies metric names (e.g. <c>val_accuracy</c>, <c>test-rmse</c>, <c>rel_l2</c>) by the range they imply.</summary>
public static partial class MetricKinds
{
    private static readonly HashSet<string> UnitTokens = ["accuracy", "acc", "auc", "rocauc", "prauc", "f1", "precision", "recall",
        "specificity", "sensitivity", "iou", "jaccard", "dice", "tpr", "fpr"];
    private static readonly HashSet<string> SignedTokens = ["silhouette", "mcc"];
    private static readonly HashSet<string> RSquaredTokens = ["r2", "rsquared", "r²"];
    private static readonly HashSet<string> NonNegativeTokens = ["loss", "error", "err", "mae", "mse", "rmse", "rmsle", "mape", "smape",
        "mase", "residual", "l1", "l2", "logloss", "deviance", "mad"];

    /// <summary>Lower-case tokens of a metric name, split at anything but letters and digits.</summary>
    public static IReadOnlyList<string> Tokens(string name) =>
        Separators().Split(name.ToLowerInvariant()).Where(t => t.Length > 0).ToList();

    /// <summary>The kind implied by the name.</summary>
    public static MetricKind Of(string name)
    {
        var tokens = Tokens(name);
        var joined = string.Concat(tokens);
        if (tokens.Any(RSquaredTokens.Contains) || joined.Contains("rsquared", StringComparison.Ordinal))
            return MetricKind.RSquared;
        if (tokens.Any(SignedTokens.Contains))
            return MetricKind.SignedUnitInterval;
        if (tokens.Any(UnitTokens.Contains) || joined.Contains("accuracy", StringComparison.Ordinal))
            return MetricKind.UnitInterval;
        if (tokens.Any(NonNegativeTokens.Contains) || joined.Contains("loss", StringComparison.Ordinal) || joined.Contains("error", StringComparison.Ordinal))
            return MetricKind.NonNegative;
        return MetricKind.Unknown;
    }

    /// <summary>True when smaller is better (losses and errors).</summary>
    public static bool LowerIsBetter(string name) => Of(name) == MetricKind.NonNegative;

    [GeneratedRegex("[^a-z0-9²]+")]
    private static partial Regex Separators();
}
