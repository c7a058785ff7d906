using System.Security.Cryptography;
using McpFlow.Core.Ids;

namespace McpFlow.Workbench.Runs;

/// <summary>Run ids: <c>run-yyyyMMdd-HHmmss-xxxxxx</c> (UTC time and 6 random hex digits); their shape is
/// <see cref="IdKind.Run"/> in <see cref="WorkspaceIds"/>, which every run id from a client passes.</summary>
public static class RunIds
{
    /// <summary>A new id for a run started at <paramref name="at"/>.</summary>
    public static string New(DateTimeOffset at) =>
        $"run-{at.UtcDateTime:yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";

    /// <summary>True when <paramref name="id"/> has the shape of a run id (so it is safe as a folder name).</summary>
    public static bool IsValid(string? id) => WorkspaceIds.IsValid(IdKind.Run, id);

    /// <summary>Throws an actionable error naming <paramref name="parameter"/> unless <paramref name="id"/> is a well-formed run id.</summary>
    public static string Require(string? id, string parameter = "run_id") => WorkspaceIds.Require(IdKind.Run, id, parameter);
}
