using System.Text;
using System.Text.RegularExpressions;
using McpFlow.Core.Errors;
using McpFlow.Experiments.Tracking;

namespace McpFlow.Experiments.Registry;

/// <summary>
/// Registered-model names, aliases, versions and tag keys are ids, never paths. MLflow's file store makes a model's
/// name a folder (<c>models/&lt;name&gt;</c>) and an alias or tag key a file, refusing only path separators and '%'
/// (mlflow/store/model_registry/file_store.py, <c>_validate_model_name</c>); McpFlow accepts a stricter shape, so no
/// name can climb, hide (leading dot) or need quoting in a <c>models:/</c> URI: letters and digits of any script (as
/// Python's <c>\w</c> on a str, so a registry MLflow wrote with <c>réverse-model</c> reads), '.', '_' and '-'. Aliases
/// follow MLflow's <c>_validate_model_alias_name</c> (mlflow/utils/validation.py: <c>^[\w\-]*$</c> on a str, at most
/// 255 characters, not <c>latest</c>, not <c>v1</c>-style version names).
/// </summary>
public static partial class RegistryNames
{
    /// <summary>Longest model name accepted.</summary>
    public const int MaxNameLength = 100;

    /// <summary>MLflow's MAX_REGISTERED_MODEL_ALIAS_LENGTH.</summary>
    public const int MaxAliasLength = 255;

    /// <summary>MLflow's MAX_MODEL_REGISTRY_TAG_VALUE_LENGTH.</summary>
    public const int MaxTagValueLength = 5000;

    /// <summary>Returns <paramref name="name"/> when it is a valid registered-model name, otherwise an error naming <paramref name="parameter"/>.</summary>
    public static string RequireModelName(string? name, string parameter = "name") =>
        name is { Length: > 0 and <= MaxNameLength } && IsWord(name.EnumerateRunes().First()) && name.EnumerateRunes().All(r => IsWord(r) || r.Value is '.' or '_' or '-') ? name
            : throw McpFlowException.Invalid($"{parameter} {Show(name)} is not a registered model name.",
                $"Use letters, digits, '.', '_' and '-', starting with a letter or digit, at most {MaxNameLength} characters; e.g. \"churn-model\".");

    /// <summary>Returns <paramref name="pattern"/> when it is a SQL LIKE pattern over model names ('%' and '_' as
    /// wildcards, no quote). A pattern that percent-decodes to a path ('/', '\\' or '..', e.g. <c>%2E%2E%2F</c>) is refused:
    /// names never hold encoded characters (MLflow's file store refuses '%' in names for that reason).</summary>
    public static string RequireNamePattern(string pattern, string parameter = "name")
    {
        if (pattern.Length > MaxNameLength || !PatternPattern().IsMatch(pattern))
            throw McpFlowException.Invalid($"{parameter} {Show(pattern)} is not a model name pattern.", "Use name characters and % as a wildcard, e.g. \"%churn%\".");
        var decoded = Uri.UnescapeDataString(pattern);
        if (decoded.Contains("..", StringComparison.Ordinal) || decoded.IndexOfAny(['/', '\\']) >= 0)
            throw McpFlowException.Invalid($"{parameter} {Show(pattern)} reads as a percent-encoded path, not a model name pattern.", "Use name characters and % as a wildcard, e.g. \"%churn%\".");
        return pattern;
    }

    /// <summary>Returns <paramref name="alias"/> when MLflow accepts it as an alias.</summary>
    public static string RequireAlias(string? alias, string parameter = "alias")
    {
        if (alias is null || alias.Length == 0 || alias.Length > MaxAliasLength || !alias.EnumerateRunes().All(r => IsWord(r) || r.Value is '_' or '-'))
            throw McpFlowException.Invalid($"{parameter} {Show(alias)} is not a model alias.", "Aliases hold letters, digits, '_' and '-'; e.g. \"champion\".");
        if (alias.Equals("latest", StringComparison.OrdinalIgnoreCase) || VersionAliasPattern().IsMatch(alias))
            throw McpFlowException.Invalid($"{parameter} '{alias}' is reserved by MLflow ('latest' and v<number> name versions).", "Pick another alias, e.g. \"champion\" or \"challenger\".");
        return alias;
    }

    /// <summary>Returns <paramref name="version"/> when it is a positive version number.</summary>
    public static int RequireVersion(string? version, string parameter = "version") =>
        int.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) && v > 0 ? v
            : throw McpFlowException.Invalid($"{parameter} {Show(version)} is not a model version number.", "Versions are 1, 2, 3, …; mlflow_models name=\"…\" lists them.");

    /// <summary>Returns <paramref name="key"/> when it is a valid tag key for the registry: MLflow's tag-name rule
    /// (<see cref="TrackingKeys.Validate"/>) without '/', so a key is one file in the store's <c>tags/</c> folder.</summary>
    public static string RequireTagKey(string? key)
    {
        TrackingKeys.Validate(key ?? "", "tag");
        if (key!.Contains('/', StringComparison.Ordinal) || key.Trim() != key)
            throw McpFlowException.Invalid($"Invalid tag name '{key}'.", "Registry tag names hold no '/' and no leading or trailing space; e.g. \"team\".");
        return key;
    }

    /// <summary>Returns <paramref name="value"/> when it fits MLflow's registry tag value limit.</summary>
    public static string RequireTagValue(string value) =>
        value.Length <= MaxTagValueLength ? value
            : throw McpFlowException.Invalid($"Tag value has {value.Length} characters; MLflow allows {MaxTagValueLength}.");

    private static string Show(string? s) => s is null ? "(missing)" : s.Length <= 40 ? $"'{s}'" : $"'{s[..40]}…' ({s.Length} characters)";

    /// <summary>A letter or digit of any script: Python's <c>\w</c> on a str without '_' (Unicode L* and N*; not marks,
    /// format characters such as U+202E, separators or symbols, so nothing invisible and nothing a path reads).</summary>
    private static bool IsWord(Rune r) => Rune.IsLetter(r) || Rune.IsNumber(r);

    [GeneratedRegex("^[\\p{L}\\p{N}._%-]+\\z", RegexOptions.CultureInvariant)]
    private static partial Regex PatternPattern();

    [GeneratedRegex("^[vV][0-9]+\\z", RegexOptions.CultureInvariant)]
    private static partial Regex VersionAliasPattern();
}
