namespace McpFlow.Core.Configuration;

/// <summary>Validates <see cref="McpFlowOptions"/> in one place and reports every problem together.</summary>
public static class OptionsValidator
{
    /// <summary>Maximum job wait: clients cut tool calls at about 60 s.</summary>
    public const double MaxJobWaitSeconds = 50;

    /// <summary>Returns all problems found; empty when the options are usable.</summary>
    public static IReadOnlyList<string> Validate(McpFlowOptions options, IEnumerable<string> knownGroups)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.WorkspacePath))
            errors.Add("workspace: must not be empty.");
        foreach (var root in options.AllowedRoots)
        {
            if (!Directory.Exists(root))
                errors.Add($"allowed root '{root}' does not exist or is not a folder.");
        }

        var known = knownGroups.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var group in options.Groups.Where(g => !known.Contains(g)))
            errors.Add($"group '{group}' is unknown; known groups: {string.Join(", ", known.Order())}.");

        if (options.Sql.TimeoutSeconds is < 1 or > 600)
            errors.Add($"sql timeout {options.Sql.TimeoutSeconds}s is outside 1..600.");
        if (options.Sql.MaxRows is < 1 or > 100_000)
            errors.Add($"sql max rows {options.Sql.MaxRows} is outside 1..100000.");
        if (options.Sql.MaxCharacters is < 1_000 or > 10_000_000)
            errors.Add($"sql max characters {options.Sql.MaxCharacters} is outside 1000..10000000.");
        if (options.Jobs.WaitSeconds is < 0 or > MaxJobWaitSeconds)
            errors.Add($"job wait {options.Jobs.WaitSeconds}s is outside 0..{MaxJobWaitSeconds} (clients cut calls at ~60 s).");
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
        }

        return errors;
    }
}
