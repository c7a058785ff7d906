using System.Text.Json;
using System.Text.Json.Serialization;

namespace McpFlow.Experiments.Tracking.Rest;

/// <summary>JSON conventions of MLflow's REST API: snake_case names, int64 as numbers or strings, NaN and
/// infinities as the strings protobuf's JSON mapping uses, nulls omitted from requests.</summary>
public static class MlflowJson
{
    /// <summary>The shared options.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
