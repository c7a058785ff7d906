using System.Globalization;
using System.Text.Json;
using McpFlow.Core.Errors;
using McpFlow.Core.Tuning;
using McpFlow.Pipelines.Models;

namespace McpFlow.Pipelines.Tuning;

/// <summary>
/// The search space of each trainer: every hyperparameter <see cref="Hyperparameters.KeysFor"/> accepts, with a default
/// range around ML.NET's defaults (log scale for scale-like values), optionally narrowed by the client per name
/// (<c>{"learning_rate": [0.01, 0.3]}</c>; aliases such as <c>num_leaves</c> accepted).
/// </summary>
public static class TuneSpaces
{
    // Default ranges: each contains ML.NET's default (leaves 20, trees 100, min count 10, learning rate 0.2 for FastTree,
    // LightGBM's 0.1-ish; L1/L2 1; SDCA iterations auto) and spans roughly two orders of magnitude on a log scale.
    private static readonly Dictionary<string, TuningParameter> Defaults = new(StringComparer.Ordinal)
    {
        ["number_of_leaves"] = new("number_of_leaves", true, 4, 128, true),
        ["number_of_trees"] = new("number_of_trees", true, 20, 500, true),
        ["minimum_example_count_per_leaf"] = new("minimum_example_count_per_leaf", true, 2, 50, true),
        ["learning_rate"] = new("learning_rate", false, 0.01, 0.5, true),
        ["l1_regularization"] = new("l1_regularization", false, 1e-4, 10, true),
        ["l2_regularization"] = new("l2_regularization", false, 1e-4, 10, true),
        ["maximum_number_of_iterations"] = new("maximum_number_of_iterations", true, 5, 100, true),
    };

    /// <summary>The trainers that can be tuned (supervised, with hyperparameters) among <paramref name="candidates"/>.</summary>
    public static IReadOnlyList<string> Tunable(IEnumerable<string> candidates) =>
        candidates.Where(t => Hyperparameters.KeysFor(t).Count > 0 && Hyperparameters.KeysFor(t).All(Defaults.ContainsKey)).ToList();

    /// <summary>The space of <paramref name="trainer"/>, with the ranges of <paramref name="overrides"/> (a JSON object of
    /// name → [low, high]) replacing the defaults; every problem names the parameter and the fix.</summary>
    public static IReadOnlyList<TuningParameter> For(string trainer, JsonElement? overrides)
    {
        var keys = Hyperparameters.KeysFor(trainer);
        var space = keys.Select(k => Defaults[k]).ToDictionary(p => p.Name, StringComparer.Ordinal);
        if (overrides is not { } o || o.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            return [.. space.Values];
        if (o.ValueKind != JsonValueKind.Object)
            throw McpFlowException.Invalid("space must be an object of name → [low, high], e.g. {\"learning_rate\": [0.01, 0.3]}.");
        foreach (var property in o.EnumerateObject())
        {
            // Parse canonicalises aliases and refuses names the trainer does not take, listing the accepted ones.
            var name = Hyperparameters.Parse(trainer, new Dictionary<string, string> { [property.Name] = "1" }).Values.Keys.Single();
            space[name] = Range(space[name], property.Name, property.Value);
        }

        return [.. space.Values];
    }

    private static TuningParameter Range(TuningParameter basis, string key, JsonElement value)
    {
        var shown = ArgumentEcho.Show(key);
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() != 2
            || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.Number))
            throw McpFlowException.Invalid($"space.{shown} must be [low, high], two numbers, e.g. [{Format(basis.Low)}, {Format(basis.High)}].");
        var low = value[0].GetDouble();
        var high = value[1].GetDouble();
        if (!double.IsFinite(low) || !double.IsFinite(high) || low < 0 || high > TuneLimits.MaxBound || low >= high)
            throw McpFlowException.Invalid(
                $"space.{shown}: the range [{Format(low)}, {Format(high)}] is invalid; it needs 0 <= low < high <= {Format(TuneLimits.MaxBound)}.",
                $"e.g. [{Format(basis.Low)}, {Format(basis.High)}].");
        if (basis.IsInteger && (Math.Ceiling(low) > Math.Floor(high) || Math.Ceiling(low) < 1))
            throw McpFlowException.Invalid($"space.{shown} is a whole number of at least 1; [{Format(low)}, {Format(high)}] holds none.",
                $"e.g. [{Format(basis.Low)}, {Format(basis.High)}].");
        return basis with { Low = low, High = high, Log = basis.Log && low > 0 };
    }

    private static string Format(double v) => v.ToString("G10", CultureInfo.InvariantCulture);
}
