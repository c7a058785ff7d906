using System.Security.Cryptography;
using System.Text.RegularExpressions;
using McpFlow.Core.Errors;

namespace McpFlow.Workbench.Runs;

/// <summary>Run ids: <c>run-yyyyMMdd-HHmmss-xxxxxx</c> (UTC time and 6 random hex digits).</summary>
public static partial class RunIds
{
    /// <summary>A new id for a run started at <paramref name="at"/>.</summary>
    public static string New(DateTimeOffset at) =>
        $"run-{at.UtcDateTime:yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";

    /// <summary>True when <paramref name="id"/> has the shape of a run id (so it is safe as a folder name).</summary>
    public static bool IsValid(string? id) => id is not null && Shape().IsMatch(id);

    /// <summary>Throws an actionable error unless <paramref name="id"/> is a well-formed run id.</summary>
    public static string Require(string? id, string parameter = "run_id") =>
        IsValid(id) ? id! : throw McpFlowException.Invalid($"{parameter} '{id}' is not a run id (they look like run-20261123-101500-ab12cd).",
            "Call workbench_list_runs to see the run ids.");

    [GeneratedRegex("^run-[0-9]{8}-[0-9]{6}-[0-9a-f]{6}\\z")]
    private static partial Regex Shape();
}
