using McpFlow.Core.Errors;

namespace McpFlow.Experiments.Registry;

/// <summary>A <c>models:/</c> URI as MLflow parses it (mlflow/store/artifact/utils/models.py, <c>_parse_model_uri</c>):
/// <c>models:/name/3</c> (a version), <c>models:/name@champion</c> (an alias), <c>models:/name/Production</c> (the latest
/// version in a stage) or <c>models:/name/latest</c> (the latest version).</summary>
/// <param name="Name">Registered model name.</param>
/// <param name="Version">Version number, when the URI names one.</param>
/// <param name="Alias">Alias, when the URI names one.</param>
/// <param name="Stage">Canonical stage, or <c>latest</c>, when the URI names one.</param>
public sealed record ModelUri(string Name, int? Version, string? Alias, string? Stage)
{
    /// <summary>The scheme prefix.</summary>
    public const string Prefix = "models:/";

    /// <summary>True when <paramref name="text"/> starts with <c>models:/</c>.</summary>
    public static bool IsModelUri(string? text) => text is not null && text.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Parses <paramref name="text"/>, validating every part.</summary>
    public static ModelUri Parse(string text, string parameter)
    {
        if (!IsModelUri(text))
            throw Bad(parameter);
        var rest = text[Prefix.Length..];
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
            return new ModelUri(RegistryNames.RequireModelName(rest[..at], parameter), null, RegistryNames.RequireAlias(rest[(at + 1)..], parameter), null);
        var parts = rest.Split('/');
        if (parts.Length != 2)
            throw Bad(parameter);
        var name = RegistryNames.RequireModelName(parts[0], parameter);
        if (parts[1].Length > 0 && parts[1].All(char.IsAsciiDigit))
            return new ModelUri(name, RegistryNames.RequireVersion(parts[1], parameter), null, null);
        if (parts[1].Equals("latest", StringComparison.OrdinalIgnoreCase))
            return new ModelUri(name, null, null, "latest");
        return new ModelUri(name, null, null, ModelStages.Canonical(parts[1]));
    }

    /// <inheritdoc />
    public override string ToString() =>
        Prefix + Name + (Alias is not null ? "@" + Alias : "/" + (Version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Stage));

    private static McpFlowException Bad(string parameter) =>
        McpFlowException.Invalid($"{parameter} is not a models:/ URI.", "Write models:/<name>/<version> or models:/<name>@<alias>, e.g. \"models:/churn@champion\".");
}
