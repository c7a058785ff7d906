using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace McpFlow.Workbench.Audit;

/// <summary>
/// McpFlow's canonical JSON: no whitespace, object properties sorted by ordinal name at every depth, strings escaped
/// by System.Text.Json's default encoder, numbers exactly as the client wrote them. Two argument objects that differ
/// only in property order or spacing have the same canonical text, and so the same hash.
/// </summary>
public static class CanonicalJson
{
    /// <summary>The SHA-256 (lower-case hex) of the canonical UTF-8 text of <paramref name="node"/>.</summary>
    public static string Sha256(JsonNode? node) => Convert.ToHexStringLower(SHA256.HashData(ToUtf8(node)));

    /// <summary>The canonical text of <paramref name="node"/>.</summary>
    public static string ToText(JsonNode? node) => System.Text.Encoding.UTF8.GetString(ToUtf8(node));

    private static byte[] ToUtf8(JsonNode? node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
            Write(writer, node);
        return stream.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                    Write(writer, item);
                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
