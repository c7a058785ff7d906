namespace McpFlow.Core.Configuration;

/// <summary>
/// Everything an operator can configure. Bound, in increasing precedence, from defaults, an optional JSON file,
/// <c>MCPFLOW_*</c> environment variables and command-line options (see the server's <c>--help</c>).
/// </summary>
public sealed class McpFlowOptions
{
    /// <summary>Name of the default workspace folder, created under the current directory.</summary>
    public const string DefaultWorkspaceFolderName = ".mcpflow";

    /// <summary>Workspace folder (DuckDB database, tracking store, runs, reports, jobs). Default: <c>./.mcpflow</c>.</summary>
    public string WorkspacePath { get; set; } = Path.Combine(Environment.CurrentDirectory, DefaultWorkspaceFolderName);

    /// <summary>Folders a client may read files from or write files to. Default: the current directory.
    /// The workspace is always allowed.</summary>
    public List<string> AllowedRoots { get; set; } = [];

    /// <summary>Tool groups to enable, by name (e.g. <c>data</c>, <c>experiments</c>). Empty means all.</summary>
    public List<string> Groups { get; set; } = [];

    /// <summary>Only these tools are listed and callable, by name (e.g. <c>data_query</c>), within the enabled groups.
    /// Empty means every tool of the enabled groups. Default: empty.</summary>
    public List<string> Tools { get; set; } = [];

    /// <summary>Tools neither listed nor callable, by name, e.g. <c>data_export</c>. Default: none.</summary>
    public List<string> ExcludeTools { get; set; } = [];

    /// <summary>When true only read-only tools are listed and callable. Default: false.</summary>
    public bool ReadOnly { get; set; }

    /// <summary>MLflow tracking URI (<c>http(s)://…</c>, <c>sqlite:///path</c> or a folder). Default: the
    /// workspace's own MLflow-format store. The loader also reads it from <c>MLFLOW_TRACKING_URI</c>.</summary>
    public string? MlflowTrackingUri { get; set; }

    /// <summary>Credentials for an MLflow server, from MLflow's environment variables only (secrets). Default: none.</summary>
    public MlflowCredentials MlflowCredentials { get; set; } = new();

    /// <summary>Seconds one request to an MLflow server may take, retries included, before the tool fails with a
    /// timeout. Default 20: a third of a chat client's ~60 s call limit.</summary>
    public double MlflowTimeoutSeconds { get; set; } = 20;

    /// <summary>Database sources by name, each <c>kind:connection string</c> (<see cref="DatabaseSourceSpec"/>), from the
    /// JSON file (<c>sources</c>), <c>--source name=…</c> or <c>MCPFLOW_SOURCE__NAME</c>. Never serialized: a connection
    /// string from the environment may hold a password. Default: none.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Dictionary<string, string> Sources { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Passwords of sources by name, from <c>MCPFLOW_SOURCE_PASSWORD__NAME</c> only (secrets). Default: none.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Dictionary<string, string> SourcePasswords { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>SQL safety settings.</summary>
    public SqlOptions Sql { get; set; } = new();

    /// <summary>Limits on every file load.</summary>
    public LoadLimits Load { get; set; } = new();

    /// <summary>Limits on every export.</summary>
    public ExportLimits Export { get; set; } = new();

    /// <summary>Background-job settings.</summary>
    public JobOptions Jobs { get; set; } = new();

    /// <summary>Streamable HTTP transport settings.</summary>
    public HttpOptions Http { get; set; } = new();

    /// <summary>Team mode's shared engines (a PostgreSQL database from <c>MCPFLOW_TEAM_DATABASE</c>). Default: off.</summary>
    public TeamOptions Team { get; set; } = new();

    /// <summary>Names of the levels <see cref="LogLevel"/> accepts.</summary>
    public static readonly IReadOnlyList<string> LogLevels = ["Trace", "Debug", "Information", "Warning", "Error", "Critical", "None"];

    /// <summary>Lowest level logged to stderr: one of <see cref="LogLevels"/> (case-insensitive). Default: <c>Information</c>.
    /// Payload categories never go below Debug, and every log line is redacted, whatever the level.</summary>
    public string LogLevel { get; set; } = "Information";

    /// <summary>Physics (TorchSharp) settings.</summary>
    public PhysicsOptions Physics { get; set; } = new();

    /// <summary>The allowed roots actually in force: the configured ones (or the current directory when none
    /// is configured) plus the workspace, as full paths.</summary>
    public IReadOnlyList<string> EffectiveAllowedRoots()
    {
        var roots = AllowedRoots.Count == 0 ? [Environment.CurrentDirectory] : AllowedRoots;
        return roots.Append(WorkspacePath)
            .Select(r => Path.TrimEndingDirectorySeparator(Path.GetFullPath(r)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }
}
