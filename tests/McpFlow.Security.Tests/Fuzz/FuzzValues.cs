using System.Globalization;
using System.Text.Json.Nodes;

namespace McpFlow.Security.Tests.Fuzz;

/// <summary>The values the fuzz sends for a parameter, by its JSON type.</summary>
internal static class FuzzValues
{
    /// <summary>Elements of the huge arrays (issue 11 asks for absurd sizes; 100,000 is pinn_evaluate's documented maximum
    /// of points, and everything else documents less).</summary>
    public const int HugeArrayLength = 100_001;

    /// <summary>Keys of the huge objects.</summary>
    public const int HugeObjectKeys = 10_000;

    /// <summary>Nesting the SDK's client can still send and the server's parser accepts (System.Text.Json's default
    /// MaxDepth is 64; deeper arguments are sent raw, see the deep-nesting fuzz).</summary>
    public const int ClientNesting = 50;

    /// <summary>Values of the wrong JSON type (and null where null is not allowed).</summary>
    public static IEnumerable<(string Label, JsonNode? Value)> WrongTypes(ToolParameter p)
    {
        IEnumerable<(string, JsonNode?)> values = p.Kind switch
        {
            "string" => [("number", 12345), ("boolean", true), ("object", new JsonObject { ["wrong"] = 1 })],
            "integer" => [("text", "abc"), ("fraction", 2.5), ("object", new JsonObject { ["wrong"] = 1 })],
            "number" => [("text", "abc"), ("boolean", true), ("array", new JsonArray(1))],
            "boolean" => [("text", "yes"), ("number", 3), ("array", new JsonArray(true))],
            "array" => [("text", "abc"), ("number", 42), ("object", new JsonObject { ["wrong"] = 1 })],
            "object" => [("text", "abc"), ("number", 42), ("array", new JsonArray(1))],
            _ => [("number", 42), ("boolean", true), ("array", new JsonArray(1, 2))],
        };
        foreach (var value in values)
            yield return value;
        if (p.Kind == "array" && WrongItem(p.ItemKind) is { } item)
            yield return ("wrong item type", new JsonArray(item, item.DeepClone()));
        if (!p.Nullable)
            yield return ("null", null);
    }

    /// <summary>Values outside what the description allows: its stated range, below zero for counts, an unknown choice,
    /// and for integers a number beyond 64 bits.</summary>
    public static IEnumerable<(string Label, JsonNode? Value)> OutOfRange(string tool, ToolParameter p)
    {
        var integer = p.Kind == "integer";
        if (DocumentedRange.Of(p) is var (min, max))
        {
            if (double.IsFinite(min))
                yield return ($"below {Show(min)}", Number(min >= 1 ? min - 1 : min > 0 ? min / 10 : min - 1, integer));
            if (double.IsFinite(max))
                yield return ($"above {Show(max)}", Number(integer ? max + 1 : max * 10, integer));
        }
        else if (ClosedChoices.NonNegative.Contains(p.Name) && p.Kind is "integer" or "number")
        {
            yield return ("negative", Number(-1, integer));
        }

        if (integer)
            yield return ("beyond int64", JsonNode.Parse("100000000000000000000"));
        if (p.HasEnum || ClosedChoices.Enumerated.Contains($"{tool}.{p.Name}"))
            yield return ("unknown choice", p.Kind == "array" ? new JsonArray(ClosedChoices.Unknown) : ClosedChoices.Unknown);
    }

    /// <summary>Absurd but well-typed values: empty, huge (1 MB strings, 100,001-element arrays, 10,000-key objects),
    /// NUL characters, extreme numbers, 50-deep nesting.</summary>
    public static IEnumerable<(string Label, JsonNode? Value)> Absurd(ToolParameter p)
    {
        switch (p.Kind)
        {
            case "string":
                yield return ("empty", "");
                yield return ("NUL inside", "a\u0000b");
                yield return ("300 characters", HugeText.Make(300, 3));
                yield return ("1 MB", HugeText.Mega);
                yield return ("controls and bidi", "\u001b[31m\u202e\ufeff\ud835\udd18\r\n\t");
                break;
            case "integer":
                yield return ("zero", 0);
                yield return ("int max", int.MaxValue);
                yield return ("int min", int.MinValue);
                break;
            case "number":
                yield return ("zero", 0.0);
                yield return ("1e308", 1e308);
                yield return ("-1e308", -1e308);
                yield return ("denormal", double.Epsilon);
                break;
            case "array":
                yield return ("empty", new JsonArray());
                yield return ("100,001 items", new JsonArray(Enumerable.Range(0, HugeArrayLength).Select(i => Item(p.ItemKind, i)).ToArray()));
                yield return ("1 MB item", new JsonArray(p.ItemKind is "string" or "any" ? HugeText.Mega : Item(p.ItemKind, 0)));
                break;
            case "object":
            case "any":
                yield return ("empty object", new JsonObject());
                yield return ("10,000 keys", HugeObject());
                yield return ("1 MB value", new JsonObject { ["k"] = HugeText.Mega });
                yield return ("50 deep", Nested(ClientNesting));
                break;
        }
    }

    /// <summary>An object nested <paramref name="depth"/> levels deep.</summary>
    public static JsonNode Nested(int depth)
    {
        JsonNode node = new JsonObject { ["leaf"] = 1 };
        for (var i = 1; i < depth; i++)
            node = new JsonObject { ["a"] = node };
        return node;
    }

    private static JsonObject HugeObject()
    {
        var o = new JsonObject();
        for (var i = 0; i < HugeObjectKeys; i++)
            o["k" + i.ToString(CultureInfo.InvariantCulture)] = i;
        return o;
    }

    private static JsonNode? Item(string? kind, int i) => kind switch
    {
        "string" or "any" => "v" + i.ToString(CultureInfo.InvariantCulture),
        "number" or "integer" => i,
        "array" => new JsonArray(0.5, 0.5),
        _ => i,
    };

    private static JsonNode? WrongItem(string? kind) => kind switch
    {
        "string" => 7,
        "number" or "integer" => "seven",
        "array" => "seven",
        _ => null,
    };

    private static JsonValue Number(double value, bool integer) =>
        integer ? JsonValue.Create((long)value) : JsonValue.Create(value);

    private static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);
}
