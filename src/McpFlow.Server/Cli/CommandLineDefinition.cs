using System.CommandLine;

namespace McpFlow.Server.Cli;

/// <summary>The command line: every option, with the environment variable and JSON key it mirrors.</summary>
internal sealed class CommandLineDefinition
{
    public Option<string?> Config { get; } = new("--config") { Description = "JSON configuration file (env MCPFLOW_CONFIG; default ./mcpflow.json when present). Keys mirror the options below, e.g. {\"workspacePath\": \".mcpflow\", \"sql\": {\"timeoutSeconds\": 30}}." };
    public Option<string?> Workspace { get; } = new("--workspace") { Description = "Workspace folder for the DuckDB database, tracking store, runs, reports and jobs (env MCPFLOW_WORKSPACE; default ./.mcpflow)." };
    public Option<string[]> AllowRoot { get; } = new("--allow-root") { Description = "Folder clients may read and write files in; repeat for several (env MCPFLOW_ALLOWED_ROOTS, separated by ':'; default: the current folder). The workspace is always allowed.", AllowMultipleArgumentsPerToken = false };
    public Option<string[]> Groups { get; } = new("--groups") { Description = "Tool groups to enable, comma-separated: data, experiments, physics, pipelines, workbench (env MCPFLOW_GROUPS; default: all).", AllowMultipleArgumentsPerToken = true };
    public Option<string[]> Tools { get; } = new("--tools") { Description = "Only these tools, comma-separated, e.g. data_query,data_describe_table,job_status (env MCPFLOW_TOOLS; default: every tool of the enabled groups). Add job_status when a chosen tool starts jobs.", AllowMultipleArgumentsPerToken = true };
    public Option<string[]> ExcludeTools { get; } = new("--exclude-tools") { Description = "Tools to leave out, comma-separated, e.g. data_export,pinn_train (env MCPFLOW_EXCLUDE_TOOLS; default: none).", AllowMultipleArgumentsPerToken = true };
    public Option<bool> ReadOnly { get; } = new("--read-only") { Description = "List and allow only read-only tools (env MCPFLOW_READ_ONLY=true)." };
    public Option<string?> MlflowUri { get; } = new("--mlflow-uri") { Description = "MLflow tracking URI: http(s)://server, sqlite:///path/mlflow.db or a folder (env MLFLOW_TRACKING_URI; default: the workspace's own MLflow-format store). Credentials come from MLFLOW_TRACKING_TOKEN or MLFLOW_TRACKING_USERNAME/PASSWORD." };
    public Option<double?> MlflowTimeout { get; } = new("--mlflow-timeout") { Description = "Seconds one request to an MLflow server may take, retries included, 1-300 (env MCPFLOW_MLFLOW_TIMEOUT; default 20)." };
    public Option<bool> SqlAllowWrites { get; } = new("--sql-allow-writes") { Description = "Allow SQL statements that change workspace tables (env MCPFLOW_SQL_ALLOW_WRITES=true; default: read-only SQL)." };
    public Option<string[]> Source { get; } = new("--source") { Description = "Database source for data_load_source, name=kind:connection string, e.g. warehouse=postgresql:Host=db;Database=sales;Username=reader; repeat for several (env MCPFLOW_SOURCE__<NAME>; password only from env MCPFLOW_SOURCE_PASSWORD__<NAME>).", AllowMultipleArgumentsPerToken = false };
    public Option<int?> SqlTimeout { get; } = new("--sql-timeout") { Description = "Seconds a SQL statement may run before it is interrupted (env MCPFLOW_SQL_TIMEOUT; default 30)." };
    public Option<int?> SqlMaxRows { get; } = new("--sql-max-rows") { Description = "Rows per result page at most (env MCPFLOW_SQL_MAX_ROWS; default 500)." };
    public Option<int?> SqlMaxChars { get; } = new("--sql-max-chars") { Description = "Characters of rendered output per call at most (env MCPFLOW_SQL_MAX_CHARS; default 60000)." };
    public Option<int?> LoadTimeout { get; } = new("--load-timeout") { Description = "Seconds one file load may run, inline or as a job, before it is stopped (env MCPFLOW_LOAD_TIMEOUT; default 300)." };
    public Option<int?> LoadMaxDepth { get; } = new("--load-max-depth") { Description = "Deepest JSON/NDJSON nesting (and Parquet type nesting) a load accepts (env MCPFLOW_LOAD_MAX_DEPTH; default 64)." };
    public Option<int?> LoadMaxColumns { get; } = new("--load-max-columns") { Description = "Most columns a loaded table may have (env MCPFLOW_LOAD_MAX_COLUMNS; default 2000)." };
    public Option<int?> LoadMaxLineBytes { get; } = new("--load-max-line-bytes") { Description = "Longest line of a CSV/TSV file, in bytes (env MCPFLOW_LOAD_MAX_LINE_BYTES; default 2097152)." };
    public Option<long?> LoadMaxUnzippedBytes { get; } = new("--load-max-unzipped-bytes") { Description = "Largest total uncompressed size an Excel workbook may declare, in bytes (env MCPFLOW_LOAD_MAX_UNZIPPED_BYTES; default 536870912)." };
    public Option<int?> LoadMaxZipEntries { get; } = new("--load-max-zip-entries") { Description = "Most zip entries an Excel workbook may hold (env MCPFLOW_LOAD_MAX_ZIP_ENTRIES; default 10000)." };
    public Option<int?> LoadMaxCellBytes { get; } = new("--load-max-cell-bytes") { Description = "Longest text or blob value read from a SQLite file, in bytes (env MCPFLOW_LOAD_MAX_CELL_BYTES; default 1048576)." };
    public Option<int?> ExportTimeout { get; } = new("--export-timeout") { Description = "Seconds one export may run before it is stopped and its partial file deleted (env MCPFLOW_EXPORT_TIMEOUT; default 300)." };
    public Option<long?> ExportMaxRows { get; } = new("--export-max-rows") { Description = "Most rows one export may write (env MCPFLOW_EXPORT_MAX_ROWS; default 10000000)." };
    public Option<long?> ExportMaxBytes { get; } = new("--export-max-bytes") { Description = "Largest file one export may write, in bytes (env MCPFLOW_EXPORT_MAX_BYTES; default 1073741824)." };
    public Option<double?> JobWait { get; } = new("--job-wait") { Description = "Seconds a tool waits for its background job before returning the job id, 0-45 (env MCPFLOW_JOB_WAIT; default 20)." };
    public Option<int?> MaxJobs { get; } = new("--max-jobs") { Description = "Background jobs running at once (env MCPFLOW_MAX_JOBS; default 2)." };
    public Option<int?> TorchThreads { get; } = new("--torch-threads") { Description = "CPU threads for TorchSharp, 0 = all cores (env MCPFLOW_TORCH_THREADS; default 0)." };
    public Option<string?> Device { get; } = new("--device") { Description = "TorchSharp device: auto, cpu or cuda (env MCPFLOW_DEVICE; default auto)." };
    public Option<bool> Http { get; } = new("--http") { Description = "Serve Streamable HTTP at /mcp instead of stdio (env MCPFLOW_HTTP=true). Binds loopback unless --urls says otherwise; a non-loopback bind requires a bearer token in MCPFLOW_HTTP_TOKEN (one user with every role) or users/JWTs with roles (--user, MCPFLOW_USERS, or http.users and http.jwt in the config file; docs/deployment.md)." };
    public Option<string?> Urls { get; } = new("--urls") { Description = "URLs for --http, ';'-separated (env MCPFLOW_URLS; default http://127.0.0.1:3001)." };
    public Option<string[]> AllowOrigin { get; } = new("--allow-origin") { Description = "Extra browser Origin allowed to call the HTTP endpoint, e.g. https://app.example.com (env MCPFLOW_ALLOWED_ORIGINS, ';'-separated). Loopback origins are always allowed." };
    public Option<string[]> User { get; } = new("--user") { Description = "HTTP team-mode user as name:role:sha256 (role viewer, analyst or approver; the SHA-256 of their token from --new-token, never the token), optionally ending in :self-approval; repeat for several (env MCPFLOW_USERS, ','-separated). Replaces http.users of the config file.", AllowMultipleArgumentsPerToken = false };
    public Option<string?> LogLevel { get; } = new("--log-level") { Description = "Lowest level logged to stderr: Trace, Debug, Information, Warning, Error, Critical or None (env MCPFLOW_LOG_LEVEL; default Information). Logs are redacted at every level." };
    public Option<bool> Worker { get; } = new("--worker") { Description = "Run as a team-mode job worker instead of a server: execute distributable jobs (pinn_train, pipeline_compare_models, pipeline_tune, generate_eda_report) from the team database in MCPFLOW_TEAM_DATABASE, --max-jobs at once (env MCPFLOW_WORKER=true; docs/deployment.md)." };
    public Option<double?> JobTimeLimit { get; } = new("--job-time-limit") { Description = "Seconds a distributed job may run on a worker before it is stopped (env MCPFLOW_JOB_TIME_LIMIT; default 3600)." };
    public Option<string[]> Queues { get; } = new("--queues") { Description = "Queues a --worker serves, comma-separated: physics, pipelines, reports (env MCPFLOW_WORKER_QUEUES; default all).", AllowMultipleArgumentsPerToken = true };
    public Option<int?> JobThreads { get; } = new("--job-threads") { Description = "CPU threads per job for ML.NET/LightGBM on a --worker, 0 = cores / --max-jobs (env MCPFLOW_JOB_THREADS; default 0); libtorch uses --torch-threads." };
    public Option<double?> JobRetryAfter { get; } = new("--job-retry-after") { Description = "Seconds after which another worker retries the job of a worker that died (env MCPFLOW_JOB_RETRY_AFTER; default 300)." };
    public Option<bool> ListGroups { get; } = new("--list-groups") { Description = "Print the tool groups and exit." };
    public Option<bool> NewToken { get; } = new("--new-token") { Description = "Print a new random HTTP user token and the SHA-256 for http.users[].tokenSha256, then exit." };

    public RootCommand Build()
    {
        var root = new RootCommand(
            "McpFlow: a Model Context Protocol server that turns any MCP client into a data-science co-pilot.\n" +
            "By default it speaks MCP over stdio (stdout carries only protocol messages; logs go to stderr).\n" +
            "Precedence: command line > environment variables > JSON config file > defaults.\n" +
            "Secrets come from the environment only: MCPFLOW_HTTP_TOKEN, MLFLOW_TRACKING_TOKEN, MLFLOW_TRACKING_USERNAME/PASSWORD, MCPFLOW_SOURCE_PASSWORD__<NAME>.");
        foreach (var option in new Option[]
                 {
                     Config, Workspace, AllowRoot, Groups, Tools, ExcludeTools, ReadOnly, MlflowUri, MlflowTimeout, SqlAllowWrites, Source, SqlTimeout, SqlMaxRows, SqlMaxChars,
                     LoadTimeout, LoadMaxDepth, LoadMaxColumns, LoadMaxLineBytes, LoadMaxUnzippedBytes, LoadMaxZipEntries, LoadMaxCellBytes,
                     ExportTimeout, ExportMaxRows, ExportMaxBytes, JobWait, MaxJobs, TorchThreads, Device, Http, Urls, AllowOrigin, User, LogLevel, Worker, JobTimeLimit, JobRetryAfter, Queues, JobThreads, ListGroups, NewToken,
                 })
            root.Options.Add(option);
        return root;
    }
}
