using McpFlow.Core.Configuration;

namespace McpFlow.Core.Workspace;

/// <summary>
/// The workspace folder: the DuckDB database, the MLflow-format tracking store, run folders, reports and job
/// records. Folders are created on first use; reopening an existing workspace is always safe.
/// </summary>
public sealed class McpFlowWorkspace
{
    /// <summary>Creates the workspace view over <paramref name="root"/>; nothing is created until used.</summary>
    public McpFlowWorkspace(string root)
    {
        Root = Path.GetFullPath(root);
    }

    /// <summary>Creates the workspace from the options.</summary>
    public McpFlowWorkspace(McpFlowOptions options)
        : this(options.WorkspacePath)
    {
    }

    /// <summary>Full path of the workspace folder.</summary>
    public string Root { get; }

    /// <summary>The DuckDB database file holding loaded tables.</summary>
    public string DatabasePath => Path.Combine(EnsureRoot(), "data.duckdb");

    /// <summary>The local tracking store in MLflow's file-store layout (<c>mlruns/</c>).</summary>
    public string TrackingStorePath => Folder("mlruns");

    /// <summary>Per-run artifact folders (workbench).</summary>
    public string RunsPath => Folder("runs");

    /// <summary>Generated reports.</summary>
    public string ReportsPath => Folder("reports");

    /// <summary>Job records and results.</summary>
    public string JobsPath => Folder("jobs");

    /// <summary>Charts and other loose artifacts.</summary>
    public string ArtifactsPath => Folder("artifacts");

    /// <summary>Exports written on request.</summary>
    public string ExportsPath => Folder("exports");

    /// <summary>Returns (creating it if needed) a sub-folder of the workspace.</summary>
    public string Folder(string name)
    {
        if (name.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(name))
            throw new ArgumentException($"Workspace folder name '{name}' must be relative and stay inside the workspace.", nameof(name));
        var path = Path.Combine(EnsureRoot(), name);
        Directory.CreateDirectory(path);
        return path;
    }

    private string EnsureRoot()
    {
        Directory.CreateDirectory(Root);
        return Root;
    }
}
