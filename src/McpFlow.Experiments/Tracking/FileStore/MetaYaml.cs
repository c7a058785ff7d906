using System.Globalization;
using McpFlow.Core.Files;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace McpFlow.Experiments.Tracking.FileStore;

/// <summary>Reads and writes MLflow's <c>meta.yaml</c> files as PyYAML's <c>safe_dump</c> writes them: flat
/// mappings, keys in alphabetical order, strings that would read as numbers (ids) or empty strings in single
/// quotes, <c>null</c> for missing values, <c>[]</c> and <c>{}</c> for empty lists and mappings, and non-empty ones in
/// block style (<c>default_flow_style=False</c>: list items at the key's indentation, mapping entries indented by two,
/// sorted) as the model registry's files hold them.</summary>
internal static class MetaYaml
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().IgnoreUnmatchedProperties().Build();

    public static void Write(string path, IDictionary<string, object?> values)
    {
        var mapping = new YamlMappingNode();
        foreach (var (key, value) in values.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            mapping.Add(new YamlScalarNode(key), Node(value));
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        new YamlStream(new YamlDocument(mapping)).Save(writer, assignAnchors: false);
        var text = writer.ToString().Replace("\n...\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";
        AtomicFile.WriteAllText(path, text);
    }

    public static Dictionary<string, object?> Read(string path)
    {
        var text = File.ReadAllText(path);
        return Deserializer.Deserialize<Dictionary<string, object?>>(text) ?? [];
    }

    public static string? String(Dictionary<string, object?> meta, string key) =>
        meta.TryGetValue(key, out var v) && v is string s && s is not ("null" or "~") ? s : null;

    public static long? Long(Dictionary<string, object?> meta, string key) =>
        long.TryParse(String(meta, key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static YamlNode Node(object? value) => value switch
    {
        null => new YamlScalarNode("null") { Style = ScalarStyle.Plain },
        IDictionary<string, object?> map => Mapping(map),
        IEnumerable<object> list when value is not string => Sequence(list.ToList()),
        long or int => new YamlScalarNode(Convert.ToString(value, CultureInfo.InvariantCulture)) { Style = ScalarStyle.Plain },
        _ => StringNode(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    private static YamlMappingNode Mapping(IDictionary<string, object?> map)
    {
        var node = new YamlMappingNode { Style = map.Count == 0 ? YamlDotNet.Core.Events.MappingStyle.Flow : YamlDotNet.Core.Events.MappingStyle.Block };
        foreach (var (key, value) in map.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            node.Add(StringNode(key), Node(value));
        return node;
    }

    private static YamlSequenceNode Sequence(List<object> items) =>
        new(items.Select(Node)) { Style = items.Count == 0 ? YamlDotNet.Core.Events.SequenceStyle.Flow : YamlDotNet.Core.Events.SequenceStyle.Block };

    private static YamlScalarNode StringNode(string text)
    {
        var needsQuotes = text.Length == 0
            || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            || text.ToLowerInvariant() is "null" or "~" or "true" or "false" or "yes" or "no" or "on" or "off"
            || text.IndexOfAny(['#', '{', '}', '[', ']', ',', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`']) >= 0
            || text.Contains(": ", StringComparison.Ordinal) || text.EndsWith(':') || text.Trim() != text || text.StartsWith('-') || text.StartsWith('?');
        return new YamlScalarNode(text) { Style = needsQuotes ? ScalarStyle.SingleQuoted : ScalarStyle.Plain };
    }
}
