using System.Text.Json;
using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Tools;

/// <summary>Accepts a spec given as a JSON object or as a string holding JSON.</summary>
internal static class SpecArgument
{
    /// <summary>The spec parameter's description; the keys and presets are on the tools' pages (docs/tools).</summary>
    public const string Description = "PDE spec, e.g. {\"preset\":\"poisson\"}.";

    public static PdeProblem Compile(JsonElement spec) =>
        PdeSpecCompiler.Compile(spec.ValueKind == JsonValueKind.String ? spec.GetString() ?? "" : spec.GetRawText());
}
