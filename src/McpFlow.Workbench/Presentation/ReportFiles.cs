using McpFlow.Core.Charts;
using McpFlow.Core.Errors;
using McpFlow.Core.Workspace;

namespace McpFlow.Workbench.Presentation;

/// <summary>
/// Where workbench tools write what they produce besides run records: final reports in the workspace's
/// <c>reports/</c> folder and comparison tables and charts in <c>reports/comparisons/</c>. Names from clients
/// (titles, experiment names) only ever become a file name through <see cref="ChartRenderer.SafeName"/> (letters,
/// digits, '-', '_' and '.', at most 100 characters, no leading dot), and every path is checked to be a direct child
/// of its folder, so no argument can place a file elsewhere.
/// </summary>
public sealed class ReportFiles(McpFlowWorkspace workspace)
{
    /// <summary>Sub-folder of <c>reports/</c> holding comparison tables and charts.</summary>
    public const string ComparisonsFolderName = "comparisons";

    /// <summary>The final reports' folder (created).</summary>
    public string ReportsFolder => workspace.ReportsPath;

    /// <summary>The comparisons' folder (created).</summary>
    public string ComparisonsFolder => workspace.Folder(Path.Combine("reports", ComparisonsFolderName));

    /// <summary>A new file in <paramref name="folder"/> named from client text: <c>{safe stem}{suffix}</c>, with -2, -3, …
    /// added when <paramref name="unique"/> and the name is taken.</summary>
    public static string NewFile(string folder, string stem, string suffix, bool unique)
    {
        var safe = ChartRenderer.SafeName(stem);
        var path = Child(folder, safe + suffix);
        for (var n = 2; unique && File.Exists(path); n++)
            path = Child(folder, $"{safe}-{n}{suffix}");
        return path;
    }

    private static string Child(string folder, string name)
    {
        var parent = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var full = Path.GetFullPath(Path.Combine(parent, name));
        if (!string.Equals(Path.GetDirectoryName(full), parent, StringComparison.Ordinal))
            throw McpFlowException.Forbidden($"The file name '{name}' would leave the folder {parent}.");
        return full;
    }
}
