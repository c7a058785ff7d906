using System.Text.Json;
using McpFlow.Core.Errors;

namespace McpFlow.Experiments.Optimization;

/// <summary>Reads an explicit search space: <c>{"lr": {"type": "float", "low": 1e-4, "high": 0.1, "log": true},
/// "batch_size": {"type": "int", "low": 16, "high": 256}, "optimizer": {"type": "categorical", "choices": ["adam", "sgd"]}}</c>.</summary>
public static class SearchSpaceParser
{
    /// <summary>Parses the space.</summary>
    public static SearchSpace Parse(IReadOnlyDictionary<string, JsonElement> space)
    {
        var specs = new List<ParameterSpec>();
        foreach (var (name, def) in space)
        {
            if (def.ValueKind != JsonValueKind.Object || !def.TryGetProperty("type", out var typeElement))
                throw Invalid(name, "each parameter is an object with a \"type\"");
            var type = typeElement.GetString()?.ToLowerInvariant();
            if (type is "categorical" or "choice")
            {
                if (!def.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() < 2)
                    throw Invalid(name, "a categorical parameter needs \"choices\" with at least two values");
                specs.Add(new ParameterSpec(name, ParameterKind.Categorical, 0, 0, false, choices.EnumerateArray().Select(c => c.ToString()).ToList(), "given"));
                continue;
            }

            if (type is not ("float" or "int" or "integer"))
                throw Invalid(name, $"type '{type}' is not float, int or categorical");
            if (!def.TryGetProperty("low", out var lowElement) || !def.TryGetProperty("high", out var highElement)
                || lowElement.ValueKind != JsonValueKind.Number || highElement.ValueKind != JsonValueKind.Number)
                throw Invalid(name, "numeric parameters need numeric \"low\" and \"high\"");
            var (low, high) = (lowElement.GetDouble(), highElement.GetDouble());
            var log = def.TryGetProperty("log", out var logElement) && logElement.ValueKind == JsonValueKind.True;
            if (!(low < high))
                throw Invalid(name, $"low ({low}) must be below high ({high})");
            if (log && low <= 0)
                throw Invalid(name, "a log-scale range must have low > 0");
            specs.Add(new ParameterSpec(name, type == "float" ? ParameterKind.Float : ParameterKind.Int, low, high, log, [], "given"));
        }

        return new SearchSpace(specs);
    }

    private static McpFlowException Invalid(string name, string reason) => McpFlowException.Invalid(
        $"Search space parameter '{name}': {reason}.",
        "Example: {\"lr\": {\"type\": \"float\", \"low\": 0.0001, \"high\": 0.1, \"log\": true}, \"optimizer\": {\"type\": \"categorical\", \"choices\": [\"adam\", \"sgd\"]}}.");
}
