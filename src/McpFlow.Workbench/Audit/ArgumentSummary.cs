using System.Globalization;
using System.Text.Json.Nodes;

namespace McpFlow.Workbench.Audit;

/// <summary>
/// A bounded summary of (already redacted) tool arguments for the audit trail: strings longer than
/// <see cref="MaxStringLength"/> keep their start and their length, long arrays their first items and their count,
/// large objects their first properties and how many were left out, deep nesting its shape; at most
/// <see cref="MaxValues"/> values in all. A call adds a few kilobytes to the trail at most, whatever its arguments
/// (the SHA-256 of the complete arguments sits next to the summary).
/// </summary>
public static class ArgumentSummary
{
    /// <summary>Characters kept of a string value (the "at most ~200 characters per value").</summary>
    public const int MaxStringLength = 200;

    /// <summary>Characters kept of a property name.</summary>
    public const int MaxNameLength = 100;

    /// <summary>Items kept of an array (the rest are counted).</summary>
    public const int MaxArrayItems = 10;

    /// <summary>Properties kept of an object (the rest are counted).</summary>
    public const int MaxObjectProperties = 30;

    /// <summary>Nesting kept; deeper arrays and objects are described by their size.</summary>
    public const int MaxDepth = 5;

    /// <summary>Values kept in all (with ≤ 200 characters each, a summary stays under about 40 kB even at worst).</summary>
    public const int MaxValues = 100;

    /// <summary>The summary of <paramref name="node"/>.</summary>
    public static JsonNode? Summarize(JsonNode? node)
    {
        var budget = MaxValues;
        return Summarize(node, 0, ref budget);
    }

    private static JsonNode? Summarize(JsonNode? node, int depth, ref int budget)
    {
        if (budget <= 0)
            return JsonValue.Create("…");
        budget--;
        switch (node)
        {
            case JsonObject obj when depth >= MaxDepth:
                return JsonValue.Create($"{{object with {Count(obj.Count)} properties}}");
            case JsonArray array when depth >= MaxDepth:
                return JsonValue.Create($"[array of {Count(array.Count)} items]");
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj.Take(MaxObjectProperties))
                {
                    var name = Shorten(key, MaxNameLength);
                    for (var n = 2; copy.ContainsKey(name); n++)
                        name = $"{Shorten(key, MaxNameLength)} #{n}"; // long names that share their start stay apart
                    copy[name] = Summarize(value, depth + 1, ref budget);
                }

                if (obj.Count > MaxObjectProperties)
                    copy["…"] = $"{Count(obj.Count - MaxObjectProperties)} more properties ({Count(obj.Count)} in all)";
                return copy;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var item in array.Take(MaxArrayItems))
                    items.Add(Summarize(item, depth + 1, ref budget));
                if (array.Count > MaxArrayItems)
                    items.Add($"… {Count(array.Count - MaxArrayItems)} more items ({Count(array.Count)} in all)");
                return items;
            case JsonValue value when value.TryGetValue<string>(out var text):
                return JsonValue.Create(Shorten(text, MaxStringLength));
            default:
                return node?.DeepClone();
        }
    }

    private static string Shorten(string text, int max)
    {
        if (text.Length <= max)
            return text;
        var keep = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max; // never split a surrogate pair
        return $"{text[..keep]}… ({Count(text.Length)} characters)";
    }

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
