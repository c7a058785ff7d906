using System.Globalization;
using McpFlow.Core.Errors;

namespace McpFlow.Pipelines.Models;

/// <summary>Hyperparameters a trainer accepts, parsed from MLflow-style string params (aliases accepted).</summary>
public sealed class Hyperparameters
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["num_leaves"] = "number_of_leaves", ["leaves"] = "number_of_leaves",
        ["n_estimators"] = "number_of_trees", ["num_trees"] = "number_of_trees", ["trees"] = "number_of_trees", ["num_iterations"] = "number_of_trees",
        ["min_child_samples"] = "minimum_example_count_per_leaf", ["min_samples_leaf"] = "minimum_example_count_per_leaf", ["min_data_in_leaf"] = "minimum_example_count_per_leaf",
        ["lr"] = "learning_rate", ["eta"] = "learning_rate",
        ["l2"] = "l2_regularization", ["lambda_l2"] = "l2_regularization", ["l1"] = "l1_regularization", ["lambda_l1"] = "l1_regularization",
        ["max_iter"] = "maximum_number_of_iterations", ["iterations"] = "maximum_number_of_iterations",
        ["n_clusters"] = "k", ["clusters"] = "k", ["number_of_clusters"] = "k",
    };

    private static readonly string[] TreeKeys = ["number_of_leaves", "number_of_trees", "minimum_example_count_per_leaf", "learning_rate"];
    private static readonly string[] LinearKeys = ["l1_regularization", "l2_regularization", "maximum_number_of_iterations"];
    private static readonly string[] OgdKeys = ["learning_rate", "l2_regularization", "maximum_number_of_iterations"];

    private readonly Dictionary<string, double> _values;

    private Hyperparameters(Dictionary<string, double> values) => _values = values;

    /// <summary>No hyperparameters: trainer defaults.</summary>
    public static Hyperparameters Defaults { get; } = new([]);

    /// <summary>The parsed values by canonical name.</summary>
    public IReadOnlyDictionary<string, double> Values => _values;

    /// <summary>Keys a trainer accepts.</summary>
    public static IReadOnlyList<string> KeysFor(string trainer) => trainer switch
    {
        "fast_forest" or "fast_forest_ova" => ["number_of_leaves", "number_of_trees", "minimum_example_count_per_leaf"],
        "fast_tree" or "fast_tree_ova" or "lightgbm" => TreeKeys,
        "logistic_regression" or "maximum_entropy" => ["l1_regularization", "l2_regularization"],
        "sdca" or "sdca_logistic" or "sdca_maximum_entropy" => LinearKeys,
        "online_gradient_descent" => OgdKeys,
        "kmeans" => ["k"],
        "randomized_pca" => ["rank", "oversampling"],
        _ => [],
    };

    /// <summary>Parses <paramref name="raw"/> for <paramref name="trainer"/>; unknown keys and bad values are errors.</summary>
    public static Hyperparameters Parse(string trainer, IReadOnlyDictionary<string, string>? raw)
    {
        var values = new Dictionary<string, double>();
        foreach (var (key, text) in raw ?? new Dictionary<string, string>())
        {
            var normalized = key.Trim().Replace('-', '_').ToLowerInvariant();
            var name = Aliases.GetValueOrDefault(normalized, normalized);
            var accepted = KeysFor(trainer);
            if (!accepted.Contains(name))
                throw McpFlowException.Invalid($"Trainer '{trainer}' has no hyperparameter '{key}'.",
                    accepted.Count == 0 ? "This trainer takes no hyperparameters." : $"Accepted: {string.Join(", ", accepted)}.");
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value) || value < 0)
                throw McpFlowException.Invalid($"Hyperparameter '{key}' must be a non-negative number; got '{text}'.");
            values[name] = value;
        }

        return new Hyperparameters(values);
    }

    /// <summary>Integer value or null.</summary>
    public int? Int(string name) => _values.TryGetValue(name, out var v) ? Math.Max(1, (int)Math.Round(v)) : null;

    /// <summary>Real value or null.</summary>
    public double? Real(string name) => _values.TryGetValue(name, out var v) ? v : null;

    /// <summary>As MLflow param strings.</summary>
    public IReadOnlyDictionary<string, string> ToParams() => _values.ToDictionary(kv => kv.Key, kv => kv.Value.ToString("R", CultureInfo.InvariantCulture));
}
