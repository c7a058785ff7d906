using System.Text.Json.Nodes;

namespace McpFlow.Workbench.Hashing;

/// <summary>
/// Removes secrets from tool arguments before they are written to a manifest or the audit trail: the value of
/// any property whose name contains token, password, passwd, secret, api_key/apikey, authorization, credential or
/// private_key (case and separators ignored) becomes <c>[redacted]</c>, at any depth; credentials inside URIs
/// (<c>https://user:pass@host</c>) become <c>***</c>.
/// </summary>
public static class SecretRedactor
{
    /// <summary>The replacement text.</summary>
    public const string Redacted = "[redacted]";

    private static readonly string[] SecretMarkers = ["token", "password", "passwd", "secret", "apikey", "authorization", "credential", "privatekey", "accesskey"];

    /// <summary>True when a property name denotes a secret.</summary>
    public static bool IsSecretName(string name)
    {
        var normalized = new string(name.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
        return SecretMarkers.Any(m => normalized.Contains(m, StringComparison.Ordinal));
    }

    /// <summary>Replaces the user-info part of an absolute URI (<c>https://user:pass@host</c>) with <c>***</c>.</summary>
    public static string RedactUriCredentials(string text) =>
        text.Contains('@', StringComparison.Ordinal) && Uri.TryCreate(text, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.UserInfo)
            ? text.Replace(uri.UserInfo + "@", "***@", StringComparison.Ordinal)
            : text;

    /// <summary>A redacted deep copy of <paramref name="node"/>.</summary>
    public static JsonNode? Redact(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                    copy[key] = IsSecretName(key) && value is not null ? JsonValue.Create(Redacted) : Redact(value);
                return copy;
            case JsonArray array:
                return new JsonArray(array.Select(Redact).ToArray());
            case JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String:
                return JsonValue.Create(RedactUriCredentials(value.GetValue<string>()));
            default:
                return node?.DeepClone();
        }
    }
}
