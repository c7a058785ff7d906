using McpFlow.Core.Mcp;

namespace McpFlow.Core.Configuration;

/// <summary>Validates <see cref="McpFlowOptions"/> in one place and reports every problem together.</summary>
public static class OptionsValidator
{
    /// <summary>Highest nesting depth an operator may allow: DuckDB needs 39 s for one 1,000-deep JSON array here.</summary>
    public const int MaxNestingDepth = 512;

    /// <summary>Highest column limit an operator may allow: DuckDB needs about 20 s to load a 16,000-column CSV here.</summary>
    public const int MaxColumns = 20_000;

    /// <summary>Returns all problems found; empty when the options are usable. <paramref name="knownTools"/> maps
    /// every tool name compiled into the server to its group (tool names are not checked when it is null).</summary>
    public static IReadOnlyList<string> Validate(McpFlowOptions options, IEnumerable<string> knownGroups,
        IReadOnlyDictionary<string, string>? knownTools = null)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.WorkspacePath))
            errors.Add("workspace: must not be empty.");
        foreach (var root in options.AllowedRoots)
        {
            if (!Directory.Exists(root))
                errors.Add($"allowed root '{root}' does not exist or is not a folder.");
        }

        if (!McpFlowOptions.LogLevels.Contains(options.LogLevel, StringComparer.OrdinalIgnoreCase))
            errors.Add($"log level '{(options.LogLevel.Length <= 40 ? options.LogLevel : options.LogLevel[..40] + "…")}' is unknown; use one of {string.Join(", ", McpFlowOptions.LogLevels)}.");

        var known = knownGroups.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var group in options.Groups.Where(g => !known.Contains(g)))
            errors.Add($"group '{group}' is unknown; known groups: {string.Join(", ", known.Order())}.");

        if (knownTools is not null)
            ValidateTools(options, knownTools, errors);

        if (options.Sql.TimeoutSeconds is < 1 or > 600)
            errors.Add($"sql timeout {options.Sql.TimeoutSeconds}s is outside 1..600.");
        if (options.Sql.MaxRows is < 1 or > 100_000)
            errors.Add($"sql max rows {options.Sql.MaxRows} is outside 1..100000.");
        if (options.Sql.MaxCharacters is < 1_000 or > 10_000_000)
            errors.Add($"sql max characters {options.Sql.MaxCharacters} is outside 1000..10000000.");
        if (options.Jobs.Worker && !options.Team.Enabled)
            errors.Add($"--worker runs team jobs: set the team database in {TeamOptions.DatabaseVariable} (docs/deployment.md).");
        if (!(options.Jobs.TimeLimitSeconds is >= 1 and <= 604800))
            errors.Add($"--job-time-limit must be between 1 and 604800 seconds (a week); got {options.Jobs.TimeLimitSeconds}.");
        if (!(options.Jobs.RetryAfterSeconds is >= 1 and <= 86400))
            errors.Add($"--job-retry-after must be between 1 and 86400 seconds (a day); got {options.Jobs.RetryAfterSeconds}.");
        ValidateLoad(options.Load, errors);
        foreach (var (name, spec) in options.Sources)
        {
            if (DatabaseSourceSpec.Problem(name, spec) is { } problem)
                errors.Add(problem);
        }

        ValidateExport(options.Export, errors);
        if (options.MlflowTimeoutSeconds is < 1 or > 300)
            errors.Add($"mlflow timeout {options.MlflowTimeoutSeconds}s is outside 1..300.");
        if (options.Jobs.WaitSeconds is < 0 or > JobCalls.MaxWaitSeconds)
            errors.Add($"job wait {options.Jobs.WaitSeconds}s is outside 0..{JobCalls.MaxWaitSeconds} (clients cut calls at ~60 s).");
        if (options.Jobs.ThreadsPerJob is < 0 or > 1024)
            errors.Add($"--job-threads must be between 0 (the cores divided among --max-jobs) and 1024; got {options.Jobs.ThreadsPerJob}.");
        if (options.Jobs.MaxConcurrent is < 1 or > 64)
            errors.Add($"max concurrent jobs {options.Jobs.MaxConcurrent} is outside 1..64.");
        if (options.Physics.Threads is < 0 or > 1024)
            errors.Add($"physics threads {options.Physics.Threads} is outside 0..1024.");
        if (options.Physics.Device is not ("auto" or "cpu" or "cuda"))
            errors.Add($"physics device '{options.Physics.Device}' must be auto, cpu or cuda.");
        if (options.Http.Enabled)
        {
            foreach (var url in options.Http.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                    errors.Add($"http url '{url}' is not an absolute http(s) URL.");
            }

            HttpIdentityValidator.Validate(options.Http, errors);
        }

        return errors;
    }

    private static void ValidateTools(McpFlowOptions options, IReadOnlyDictionary<string, string> knownTools, List<string> errors)
    {
        var valid = string.Join(", ", knownTools.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, setting) in options.Tools.Select(t => (t, "--tools")).Concat(options.ExcludeTools.Select(t => (t, "--exclude-tools"))))
        {
            var shown = name.Length <= 60 ? name : name[..60] + "…";
            if (!knownTools.TryGetValue(name, out var group))
                errors.Add($"{setting}: tool '{shown}' is unknown; valid tools: {valid}.");
            else if (options.Groups.Count > 0 && group != "core" && !options.Groups.Contains(group, StringComparer.OrdinalIgnoreCase))
                errors.Add($"{setting}: tool '{shown}' belongs to group '{group}', which --groups does not enable; add '{group}' to --groups.");
        }

        if (options.Tools.Count > 0 && options.Tools.All(options.ExcludeTools.Contains))
            errors.Add("--exclude-tools removes every tool --tools names: no tool would be left.");
    }

    private static void ValidateLoad(LoadLimits load, List<string> errors)
    {
        Range(errors, "load timeout", load.TimeoutSeconds, 1, 86_400, "s");
        Range(errors, "load max depth", load.MaxNestingDepth, 1, MaxNestingDepth, "");
        Range(errors, "load max columns", load.MaxColumns, 1, MaxColumns, "");
        Range(errors, "load max line bytes", load.MaxLineBytes, 1_024, 1L << 30, "");
        Range(errors, "load max unzipped bytes", load.MaxUnzippedBytes, 1L << 20, 1L << 40, "");
        Range(errors, "load max zip entries", load.MaxZipEntries, 10, 1_000_000, "");
        Range(errors, "load max cell bytes", load.MaxCellBytes, 1_024, 1_000_000_000, "");
    }

    private static void ValidateExport(ExportLimits export, List<string> errors)
    {
        Range(errors, "export timeout", export.TimeoutSeconds, 1, 86_400, "s");
        Range(errors, "export max rows", export.MaxRows, 1, 1_000_000_000_000, "");
        Range(errors, "export max bytes", export.MaxBytes, 1_024, 1L << 42, "");
    }

    private static void Range(List<string> errors, string name, long value, long min, long max, string unit)
    {
        if (value < min || value > max)
            errors.Add($"{name} {value}{unit} is outside {min}..{max}.");
    }
}
