using System.Text.Json.Nodes;
using McpFlow.Security.Tests.Sandbox;

namespace McpFlow.Security.Tests.Fuzz;

/// <summary>Builds the attempts of each fuzz class from the listed tools: one argument changed at a time from the
/// tool's baseline.</summary>
internal sealed class FuzzPlan(IReadOnlyList<ToolShape> tools, SeedIds ids)
{
    /// <summary>Every tool with no arguments at all, and with an empty object. A tool with required parameters must
    /// refuse naming one of them.</summary>
    public IEnumerable<FuzzAttempt> NoArguments() => tools.SelectMany(t =>
    {
        var required = t.Parameters.Where(p => p.Required).Select(p => p.Name).ToList();
        return new[] { new FuzzAttempt(t.Name, "no arguments", null, required), new FuzzAttempt(t.Name, "{}", new JsonObject(), required) };
    });

    /// <summary>Each parameter with each wrong JSON type; the error must name it.</summary>
    public IEnumerable<FuzzAttempt> WrongTypes() =>
        Each((t, p) => FuzzValues.WrongTypes(p).Select(v => Changed(t, p, v.Label, v.Value, mustName: true)));

    /// <summary>Each parameter outside its documented range or choices; the error must name it.</summary>
    public IEnumerable<FuzzAttempt> OutOfRange() =>
        Each((t, p) => FuzzValues.OutOfRange(t.Name, p).Select(v => Changed(t, p, v.Label, v.Value, mustName: true)));

    /// <summary>Each parameter with absurd, well-typed values; the server must survive and stay within its caps.</summary>
    public IEnumerable<FuzzAttempt> Absurd() =>
        Each((t, p) => FuzzValues.Absurd(p).Select(v => Changed(t, p, v.Label, v.Value, mustName: false)));

    /// <summary>Each tool's baseline plus an argument no tool has; the error must name it.</summary>
    public IEnumerable<FuzzAttempt> UnknownArgument() => tools.Select(t =>
    {
        var arguments = Baseline(t);
        arguments[UnknownName] = 1;
        return new FuzzAttempt(t.Name, UnknownName + "=1", arguments, [UnknownName]);
    });

    /// <summary>The name of the argument no tool has.</summary>
    public const string UnknownName = "zz_no_such_argument";

    /// <summary>Baseline arguments, or the required parameters with plain values for a tool the suite has no baseline for.</summary>
    public JsonObject Baseline(ToolShape tool) =>
        Baselines.For(tool.Name, ids) ?? new JsonObject(tool.Parameters.Where(p => p.Required)
            .Select(p => KeyValuePair.Create(p.Name, Plain(p))));

    private IEnumerable<FuzzAttempt> Each(Func<ToolShape, ToolParameter, IEnumerable<FuzzAttempt>> make) =>
        tools.SelectMany(t => t.Parameters.SelectMany(p => make(t, p)));

    private FuzzAttempt Changed(ToolShape tool, ToolParameter parameter, string label, JsonNode? value, bool mustName)
    {
        var arguments = Baseline(tool);
        arguments[parameter.Name] = value?.DeepClone();
        return new FuzzAttempt(tool.Name, $"{parameter.Name}: {label}", arguments, mustName ? [parameter.Name] : []);
    }

    private static JsonNode? Plain(ToolParameter p) => p.Kind switch
    {
        "string" => "x",
        "integer" or "number" => 1,
        "boolean" => false,
        "array" => new JsonArray(),
        _ => new JsonObject(),
    };
}
