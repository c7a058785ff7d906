using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace McpFlow.Core.Security;

/// <summary>
/// Removes secrets from what McpFlow writes down (audit trail, run manifests, logs) and from remote error texts.
/// By name: the value of any property whose name <see cref="SecretNames.IsSecret"/> (pwd, passwd, password, auth*,
/// *token*, *secret*, *key*, credential*, cookie, session, …) becomes <see cref="Redacted"/>, at any depth. By shape,
/// in every string: passwords in URLs (<c>https://user:PASS@host</c> → <c>https://user:***@host</c>), Authorization,
/// Cookie and API-key headers, bearer and basic credentials, <c>name=value</c> pairs whose name is a secret's, JSON
/// Web Tokens, vendor-prefixed tokens (GitHub, GitLab, Slack, <c>sk-</c>, Hugging Face, AWS key ids) and PEM private
/// keys become <see cref="Mask"/>.
/// </summary>
public static class SecretRedactor
{
    /// <summary>The replacement of a value redacted by its name.</summary>
    public const string Redacted = "[redacted]";

    /// <summary>The replacement of a secret found inside a text.</summary>
    public const string Mask = "***";

    /// <summary>What a text becomes when scanning it took too long (only hostile text gets there).</summary>
    public const string Unscannable = "[redacted: text could not be checked for secrets]";

    /// <summary>True when a value stored under <paramref name="name"/> is a secret (see <see cref="SecretNames"/>).</summary>
    public static bool IsSecretName(string? name) => SecretNames.IsSecret(name);

    /// <summary>The text with every credential-shaped part replaced by <see cref="Mask"/>.</summary>
    public static string RedactText(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return text ?? "";
        try
        {
            // Each pattern runs only when the text holds its anchor, so ordinary text costs a few vectorized searches.
            var result = text;
            if (Has(result, "PRIVATE KEY"))
                result = SecretPatterns.PrivateKey().Replace(result, "[redacted private key]");
            if (Has(result, "://"))
            {
                result = SecretPatterns.UrlPassword().Replace(result, m => m.Groups["scheme"].Value + m.Groups["user"].Value + ":" + Mask + "@");
                result = SecretPatterns.UrlToken().Replace(result, m => m.Groups["scheme"].Value + Mask + "@");
            }

            if (HasIgnoreCase(result, "authorization") || HasIgnoreCase(result, "cookie") || HasIgnoreCase(result, "api-key") || HasIgnoreCase(result, "auth-token"))
                result = SecretPatterns.HeaderValue().Replace(result, KeepName);
            if (HasIgnoreCase(result, "bearer"))
                result = SecretPatterns.Bearer().Replace(result, KeepName);
            if (HasIgnoreCase(result, "basic"))
                result = SecretPatterns.Basic().Replace(result, m => IsBasicCredential(m.Groups["secret"].Value) ? KeepName(m) : m.Value);
            if (result.AsSpan().IndexOfAny(':', '=') >= 0)
                result = MaskNamedValues(result);
            if (Has(result, "eyJ"))
                result = SecretPatterns.Jwt().Replace(result, Mask);
            return SecretPatterns.VendorToken().Replace(result, Mask);
        }
        catch (RegexMatchTimeoutException)
        {
            return Unscannable;
        }
    }

    /// <summary>A redacted deep copy of <paramref name="node"/>: secret-named values become <see cref="Redacted"/>,
    /// every other string (property names included) goes through <see cref="RedactText"/>.</summary>
    public static JsonNode? Redact(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    var name = RedactText(key);
                    if (!copy.ContainsKey(name))
                        copy[name] = SecretNames.IsSecret(key) && value is not null ? JsonValue.Create(Redacted) : Redact(value);
                }

                return copy;
            case JsonArray array:
                return new JsonArray(array.Select(Redact).ToArray());
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return JsonValue.Create(RedactText(value.GetValue<string>()));
            default:
                return node?.DeepClone();
        }
    }

    /// <summary>Longest value masked after a secret name.</summary>
    private const int MaxValueLength = 4096;

    // Masks the value after every secret name; a harmless name's value is scanned further (it may hold "password=…").
    private static string MaskNamedValues(string text)
    {
        StringBuilder? output = null;
        var copied = 0;
        var position = 0;
        var pattern = SecretPatterns.NamedValue();
        while (position < text.Length && pattern.Match(text, position) is { Success: true } m)
        {
            var valueStart = m.Index + m.Length;
            position = valueStart;
            if (!SecretNames.IsSecret(m.Groups["name"].Value))
                continue;
            var valueEnd = ValueEnd(text, valueStart, out var quote);
            if (valueEnd == valueStart)
                continue;
            output ??= new StringBuilder(text.Length);
            output.Append(text, copied, valueStart - copied).Append(quote).Append(Mask).Append(quote);
            copied = position = valueEnd;
        }

        return output is null ? text : output.Append(text, copied, text.Length - copied).ToString();
    }

    // Where the value starting at start ends: after its closing quote, or at the first separator of an unquoted value.
    private static int ValueEnd(string text, int start, out string quote)
    {
        quote = "";
        if (start >= text.Length)
            return start;
        var limit = Math.Min(text.Length, start + MaxValueLength);
        if (text[start] is '"' or '\'')
        {
            var q = text[start];
            for (var i = start + 1; i < limit; i++)
            {
                if (text[i] == '\\' && q == '"')
                    i++;
                else if (text[i] == q)
                {
                    quote = q.ToString();
                    return i + 1;
                }
                else if (text[i] is '\r' or '\n')
                    return i; // no closing quote on this line: mask to its end
            }

            return limit;
        }

        var end = start;
        while (end < limit && !char.IsWhiteSpace(text[end]) && text[end] is not ('&' or ';' or ',' or '"' or '\'' or '<' or '>' or '(' or ')' or '{' or '}' or '[' or ']'))
            end++;
        return end;
    }

    private static bool Has(string text, string anchor) => text.Contains(anchor, StringComparison.Ordinal);

    private static bool HasIgnoreCase(string text, string anchor) => text.Contains(anchor, StringComparison.OrdinalIgnoreCase);

    private static string KeepName(Match m)
    {
        var secret = m.Groups["secret"].Value;
        var quote = secret.Length >= 2 && secret[0] is '"' or '\'' && secret[^1] == secret[0] ? secret[0].ToString() : "";
        return m.Groups["name"].Value + m.Groups["sep"].Value + quote + Mask + quote;
    }

    private static bool IsBasicCredential(string base64)
    {
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var written)
            && Encoding.UTF8.GetString(buffer, 0, written) is var decoded && decoded.Contains(':', StringComparison.Ordinal)
            && decoded.All(c => !char.IsControl(c));
    }
}
