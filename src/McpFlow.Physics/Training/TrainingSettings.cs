using System.Globalization;
using System.Text.Json;
using McpFlow.Core.Errors;

namespace McpFlow.Physics.Training;

/// <summary>
/// Overrides of a planned <see cref="TrainingOptions"/> given as one JSON object (pinn_train's <c>settings</c>). Keys
/// are the options' names in snake_case (<c>adam_steps</c>) or camelCase (<c>adamSteps</c>, as analyze_pde_problem's
/// plan is written), so a plan can be passed back as it is, whole or in part. A key that is not a setting, one given
/// twice, or a value of the wrong type is refused with the valid keys named; ranges are checked later with the rest
/// of the plan (<see cref="TrainingLimits"/>).
/// </summary>
public static class TrainingSettings
{
    private delegate TrainingOptions Setter(TrainingOptions options, JsonElement value, string key);

    private static readonly (string Key, Setter Set)[] Settings =
    [
        ("depth", (o, v, k) => o with { Depth = Int(v, k, "4") }),
        ("width", (o, v, k) => o with { Width = Int(v, k, "50") }),
        ("activation", (o, v, k) => o with { Activation = Text(v, k, "\"sin\"") }),
        ("fourier_features", (o, v, k) => o with { FourierFeatures = Int(v, k, "4") }),
        ("hard_boundary", (o, v, k) => o with { HardBoundary = Bool(v, k) }),
        ("hard_initial", (o, v, k) => o with { HardInitial = Bool(v, k) }),
        ("time_windows", (o, v, k) => o with { TimeWindows = Int(v, k, "10") }),
        ("interior_points", (o, v, k) => o with { InteriorPoints = Int(v, k, "4000") }),
        ("boundary_points", (o, v, k) => o with { BoundaryPoints = Int(v, k, "400") }),
        ("initial_points", (o, v, k) => o with { InitialPoints = Int(v, k, "800") }),
        ("adam_steps", (o, v, k) => o with { AdamSteps = Int(v, k, "500") }),
        ("learning_rate", (o, v, k) => o with { LearningRate = Number(v, k, "0.005") }),
        ("lbfgs_steps", (o, v, k) => o with { LbfgsSteps = Int(v, k, "200") }),
        ("lbfgs_windows", (o, v, k) => o with { LbfgsWindows = Int(v, k, "10") }),
        ("lbfgs_memory", (o, v, k) => o with { LbfgsMemory = Number(v, k, "100") }),
        ("dtype", (o, v, k) => o with { Dtype = Text(v, k, "\"float64\"") }),
        ("adaptive_weights", (o, v, k) => o with { AdaptiveWeights = Bool(v, k) }),
        ("resample_every", (o, v, k) => o with { ResampleEvery = Int(v, k, "250") }),
        ("lbfgs_resample_every", (o, v, k) => o with { LbfgsResampleEvery = Int(v, k, "500") }),
        ("causal_chunks", (o, v, k) => o with { CausalChunks = Int(v, k, "32") }),
        ("causal_epsilon", (o, v, k) => o with { CausalEpsilon = Number(v, k, "1") }),
        ("target_loss", (o, v, k) => o with { TargetLoss = v.ValueKind == JsonValueKind.Null ? null : Number(v, k, "1e-4") }),
        ("max_seconds", (o, v, k) => o with { MaxSeconds = Number(v, k, "60") }),
        ("log_every", (o, v, k) => o with { LogEvery = Int(v, k, "50") }),
        ("checkpoint_every", (o, v, k) => o with { CheckpointEvery = Int(v, k, "1000") }),
        ("seed", (o, v, k) => o with { Seed = Int(v, k, "7") }),
    ];

    private static readonly Dictionary<string, (string Key, Setter Set)> ByFoldedName =
        Settings.ToDictionary(s => Fold(s.Key), StringComparer.Ordinal);

    /// <summary>The setting names, snake_case, in the order the tool's page lists them.</summary>
    public static IReadOnlyList<string> Keys { get; } = [.. Settings.Select(s => s.Key)];

    /// <summary>Returns <paramref name="plan"/> with the settings in <paramref name="settings"/> (a JSON object, or a
    /// string holding one; null or absent: the plan as it is).</summary>
    public static TrainingOptions Apply(TrainingOptions plan, JsonElement? settings)
    {
        if (settings is not { } given || given.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            return plan;
        var element = given.ValueKind == JsonValueKind.String ? Parse(given.GetString() ?? "") : given;
        if (element.ValueKind != JsonValueKind.Object)
            throw McpFlowException.Invalid($"settings must be a JSON object such as {{\"adam_steps\": 500, \"depth\": 4}}, not {Describe(element.ValueKind)}.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var options = plan;
        foreach (var property in element.EnumerateObject())
        {
            if (!ByFoldedName.TryGetValue(Fold(property.Name), out var setting))
                throw McpFlowException.Invalid($"settings has a key that is not a training setting ({Shown(property.Name)}). Valid keys: {string.Join(", ", Keys)}.");
            if (!seen.Add(setting.Key))
                throw McpFlowException.Invalid($"settings gives {setting.Key} twice; give each setting once.");
            options = setting.Set(options, property.Value, setting.Key);
        }

        return options;
    }

    // adam_steps, adamSteps and AdamSteps all fold to "adamsteps".
    private static string Fold(string name) => name.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();

    private static JsonElement Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw McpFlowException.Invalid("settings is not valid JSON; give an object such as {\"adam_steps\": 500, \"depth\": 4}.");
        }
    }

    private static int Int(JsonElement value, string key, string example)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
            return number;
        if (value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out number))
            return number;
        throw WrongType(key, "a whole number", example, value);
    }

    private static double Number(JsonElement value, string key, string example)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number))
            return number;
        if (value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number))
            return number;
        throw WrongType(key, "a finite number", example, value);
    }

    private static bool Bool(JsonElement value, string key) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String when bool.TryParse(value.GetString(), out var flag) => flag,
        _ => throw WrongType(key, "true or false", "false", value),
    };

    private static string Text(JsonElement value, string key, string example) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw WrongType(key, "a string", example, value);

    private static McpFlowException WrongType(string key, string expected, string example, JsonElement value) =>
        McpFlowException.Invalid($"settings.{key} must be {expected}, e.g. {example}; it is {Describe(value.ValueKind)}.");

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string that does not read as one",
        JsonValueKind.Number => "a number out of range",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    // A key is the model's text: shown only when short and plain, so an error never replays a long or hostile string.
    private static string Shown(string key) =>
        key.Length <= 40 && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? "'" + key + "'" : "a key of " + key.Length + " characters";
}
