using System.Data.Common;
using System.Text.RegularExpressions;

namespace McpFlow.Core.Configuration;

/// <summary>
/// One configured database source, <c>kind:connection string</c> (e.g.
/// <c>postgresql:Host=db;Database=sales;Username=reader</c>, or <c>mysql:</c> / <c>mariadb:</c> with MySqlConnector's keys), named by the operator. The model names a source; it
/// never sees or sends a connection string. Passwords come from the environment only (docs/deployment.md).
/// </summary>
public static partial class DatabaseSourceSpec
{
    /// <summary>Environment variable prefix of a whole source: <c>MCPFLOW_SOURCE__WAREHOUSE=postgresql:Host=…</c>.</summary>
    public const string EnvironmentPrefix = "MCPFLOW_SOURCE__";

    /// <summary>Environment variable prefix of a source's password: <c>MCPFLOW_SOURCE_PASSWORD__WAREHOUSE=…</c>.</summary>
    public const string PasswordPrefix = "MCPFLOW_SOURCE_PASSWORD__";

    /// <summary>Kinds accepted before the colon, with the dialect each names.</summary>
    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["postgresql"] = "postgresql",
        ["postgres"] = "postgresql",
        ["mysql"] = "mysql",
        ["mariadb"] = "mariadb",
    };

    /// <summary>Connection-string keys that carry a secret.</summary>
    public static readonly IReadOnlyList<string> SecretKeys = ["password", "pwd", "passfile", "certificatepassword", "certificate password"];

    /// <summary>True when <paramref name="name"/> is a usable source name: lower-case letters, digits, <c>_</c>, <c>-</c>; 1-63 characters.</summary>
    public static bool IsValidName(string name) => NamePattern().IsMatch(name);

    /// <summary>Splits <c>kind:connection string</c>; null when there is no known kind before the colon.</summary>
    public static (string Kind, string ConnectionString)? Split(string spec)
    {
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !Kinds.TryGetValue(spec[..colon].Trim(), out var kind))
            return null;
        return (kind, spec[(colon + 1)..].Trim());
    }

    /// <summary>The problem with a spec (null when usable), never quoting the connection string (it may hold a password).</summary>
    public static string? Problem(string name, string spec)
    {
        if (!IsValidName(name))
            return $"source name '{(name.Length <= 40 ? name : name[..40] + "…")}' must be 1-63 lower-case letters, digits, '_' or '-', starting with a letter.";
        if (Split(spec) is not { } parts)
            return $"source '{name}' must be 'kind:connection string' with kind one of {string.Join(", ", Kinds.Keys)}.";
        try
        {
            _ = new DbConnectionStringBuilder { ConnectionString = parts.ConnectionString };
            return null;
        }
        catch (ArgumentException)
        {
            return $"source '{name}': the connection string is not in 'Key=Value;Key=Value' form.";
        }
    }

    /// <summary>True when the connection string of <paramref name="spec"/> carries a password.</summary>
    public static bool HasSecret(string spec)
    {
        if (Split(spec) is not { } parts)
            return false;
        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = parts.ConnectionString };
            return SecretKeys.Any(builder.ContainsKey);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
