using System.CommandLine;
using McpFlow.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace McpFlow.Server.Cli;

/// <summary>
/// Builds <see cref="McpFlowOptions"/> from defaults, a JSON file, environment variables and the command line (in
/// increasing precedence). The one place that reads configuration: product code reads <see cref="McpFlowOptions"/>, and
/// <c>Environment.GetEnvironmentVariable</c> is banned elsewhere (build/BannedSymbols.txt). Secrets (the HTTP bearer token,
/// MLflow credentials) come from the environment only.
/// </summary>
internal static class OptionsLoader
{
    public const string DefaultConfigFile = "mcpflow.json";

    /// <summary>The process's environment variables, for <see cref="Load"/>.</summary>
    public static IReadOnlyDictionary<string, string?> ProcessEnvironment() =>
#pragma warning disable RS0030 // The options loader is the one place that reads the environment (BannedSymbols.txt).
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
#pragma warning restore RS0030
            .ToDictionary(e => (string)e.Key, e => e.Value as string, StringComparer.Ordinal);

    public static McpFlowOptions Load(ParseResult parsed, CommandLineDefinition cli, IReadOnlyDictionary<string, string?> environment)
    {
        var options = new McpFlowOptions();
        var configPath = parsed.GetValue(cli.Config) ?? Env(environment, "MCPFLOW_CONFIG");
        if (configPath is not null || File.Exists(DefaultConfigFile))
        {
            var path = Path.GetFullPath(configPath ?? DefaultConfigFile);
            if (!File.Exists(path))
                throw new OptionsException([$"config file '{path}' does not exist."]);
            try
            {
                new ConfigurationBuilder().AddJsonFile(path, optional: false).Build().Bind(options);
            }
            catch (Exception ex) when (ex is InvalidDataException or FormatException or InvalidOperationException)
            {
                throw new OptionsException([$"config file '{path}' is not valid: {ex.Message}"]);
            }
        }

        // Secrets are never taken from the file (a file is easily committed or shared): only from the environment.
        options.Http.Token = null;
        options.MlflowCredentials.Clear();
        foreach (var user in options.Http.Users)
            user.Source = null; // a file's entries are named by their index, whatever the file says
        options.SourcePasswords.Clear();
        var sourceErrors = SecretsOutsideEnvironment(options.Sources, "the config file");
        ApplyEnvironment(options, environment);
        ApplySources(options, environment);
        var fromCli = CommandLineSources(parsed.GetValue(cli.Source) ?? [], sourceErrors);
        sourceErrors.AddRange(SecretsOutsideEnvironment(fromCli, "--source"));
        if (sourceErrors.Count > 0)
            throw new OptionsException(sourceErrors);
        foreach (var (name, spec) in fromCli)
            options.Sources[name] = spec;
        options.Sources = options.Sources.ToDictionary(p => p.Key.ToLowerInvariant(), p => p.Value, StringComparer.OrdinalIgnoreCase);
        ApplyCommandLine(options, parsed, cli);
        options.WorkspacePath = Path.GetFullPath(options.WorkspacePath);
        options.AllowedRoots = options.AllowedRoots.Select(Path.GetFullPath).ToList();
        return options;
    }

    private static void ApplyEnvironment(McpFlowOptions o, IReadOnlyDictionary<string, string?> env)
    {
        var errors = new List<string>();
        if (Env(env, "MCPFLOW_WORKSPACE") is { } ws) o.WorkspacePath = ws;
        if (Env(env, "MCPFLOW_ALLOWED_ROOTS") is { } roots) o.AllowedRoots = roots.Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (Env(env, "MCPFLOW_GROUPS") is { } groups) o.Groups = SplitList(groups);
        if (Env(env, "MCPFLOW_TOOLS") is { } tools) o.Tools = SplitList(tools);
        if (Env(env, "MCPFLOW_EXCLUDE_TOOLS") is { } excluded) o.ExcludeTools = SplitList(excluded);
        if (Env(env, "MLFLOW_TRACKING_URI") is { } uri) o.MlflowTrackingUri = uri;
        if (Env(env, MlflowCredentials.TokenVariable) is { } mlflowToken) o.MlflowCredentials.Token = mlflowToken;
        if (Env(env, MlflowCredentials.UsernameVariable) is { } mlflowUser) o.MlflowCredentials.Username = mlflowUser;
        if (Env(env, MlflowCredentials.PasswordVariable) is { } mlflowPassword) o.MlflowCredentials.Password = mlflowPassword;
        if (Env(env, HttpOptions.TokenVariable) is { } httpToken) o.Http.Token = httpToken;
        if (Env(env, "MCPFLOW_LOG_LEVEL") is { } level) o.LogLevel = level;
        if (Env(env, "MCPFLOW_DEVICE") is { } device) o.Physics.Device = device;
        if (Env(env, "MCPFLOW_WORKER_QUEUES") is { } queues) o.Jobs.WorkerQueues = SplitList(queues);
        if (Env(env, "MCPFLOW_URLS") is { } urls) o.Http.Urls = urls;
        if (Env(env, TeamOptions.DatabaseVariable) is { } teamDatabase) o.Team.Database = teamDatabase;
        if (Env(env, UserEntries.Variable) is { } users) o.Http.Users = UserEntries.FromEnvironment(users, errors);
        // The configuration system's nested form (MCPFLOW_HTTP__USERS__0__NAME) is not read: refuse it rather than start
        // without the users it meant to add (a loopback server without users asks no token at all). The database sources'
        // own variables (MCPFLOW_SOURCE__NAME, MCPFLOW_SOURCE_PASSWORD__NAME) are read by ApplySources.
        foreach (var name in env.Keys.Where(k => k.StartsWith("MCPFLOW_", StringComparison.Ordinal) && k.Contains("__", StringComparison.Ordinal) &&
                     !k.StartsWith(DatabaseSourceSpec.EnvironmentPrefix, StringComparison.Ordinal) && !k.StartsWith(DatabaseSourceSpec.PasswordPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            errors.Add($"environment variable {name} is not read (McpFlow reads no nested '__' variables); use {UserEntries.Variable}=name:role:sha256 for users, or the config file.");
        if (Env(env, "MCPFLOW_ALLOWED_ORIGINS") is { } origins) o.Http.AllowedOrigins = origins.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        Bool(env, "MCPFLOW_READ_ONLY", v => o.ReadOnly = v, errors);
        Bool(env, "MCPFLOW_SQL_ALLOW_WRITES", v => o.Sql.AllowWrites = v, errors);
        Bool(env, "MCPFLOW_HTTP", v => o.Http.Enabled = v, errors);
        Number(env, "MCPFLOW_SQL_TIMEOUT", v => o.Sql.TimeoutSeconds = (int)v, errors);
        Number(env, "MCPFLOW_SQL_MAX_ROWS", v => o.Sql.MaxRows = (int)v, errors);
        Number(env, "MCPFLOW_SQL_MAX_CHARS", v => o.Sql.MaxCharacters = (int)v, errors);
        Number(env, "MCPFLOW_LOAD_TIMEOUT", v => o.Load.TimeoutSeconds = (int)v, errors);
        Number(env, "MCPFLOW_LOAD_MAX_DEPTH", v => o.Load.MaxNestingDepth = (int)v, errors);
        Number(env, "MCPFLOW_LOAD_MAX_COLUMNS", v => o.Load.MaxColumns = (int)v, errors);
        Number(env, "MCPFLOW_LOAD_MAX_LINE_BYTES", v => o.Load.MaxLineBytes = (int)v, errors);
        Number(env, "MCPFLOW_LOAD_MAX_UNZIPPED_BYTES", v => o.Load.MaxUnzippedBytes = (long)v, errors);
        Number(env, "MCPFLOW_LOAD_MAX_ZIP_ENTRIES", v => o.Load.MaxZipEntries = (int)v, errors);
        Number(env, "MCPFLOW_LOAD_MAX_CELL_BYTES", v => o.Load.MaxCellBytes = (int)v, errors);
        Number(env, "MCPFLOW_EXPORT_TIMEOUT", v => o.Export.TimeoutSeconds = (int)v, errors);
        Number(env, "MCPFLOW_EXPORT_MAX_ROWS", v => o.Export.MaxRows = (long)v, errors);
        Number(env, "MCPFLOW_EXPORT_MAX_BYTES", v => o.Export.MaxBytes = (long)v, errors);
        Number(env, "MCPFLOW_MLFLOW_TIMEOUT", v => o.MlflowTimeoutSeconds = v, errors);
        Number(env, "MCPFLOW_JOB_WAIT", v => o.Jobs.WaitSeconds = v, errors);
        Number(env, "MCPFLOW_MAX_JOBS", v => o.Jobs.MaxConcurrent = (int)v, errors);
        Number(env, "MCPFLOW_JOB_TIME_LIMIT", v => o.Jobs.TimeLimitSeconds = v, errors);
        Bool(env, "MCPFLOW_WORKER", v => o.Jobs.Worker = v, errors);
        Number(env, "MCPFLOW_JOB_RETRY_AFTER", v => o.Jobs.RetryAfterSeconds = v, errors);
        Number(env, "MCPFLOW_TORCH_THREADS", v => o.Physics.Threads = (int)v, errors);
        Number(env, "MCPFLOW_JOB_THREADS", v => o.Jobs.ThreadsPerJob = (int)v, errors);
        if (errors.Count > 0)
            throw new OptionsException(errors);
    }

    private static void ApplyCommandLine(McpFlowOptions o, ParseResult p, CommandLineDefinition c)
    {
        if (p.GetValue(c.Workspace) is { } ws) o.WorkspacePath = ws;
        if (p.GetValue(c.AllowRoot) is { Length: > 0 } roots) o.AllowedRoots = roots.ToList();
        if (p.GetValue(c.Groups) is { Length: > 0 } groups) o.Groups = groups.SelectMany(SplitList).ToList();
        if (p.GetValue(c.Tools) is { Length: > 0 } tools) o.Tools = tools.SelectMany(SplitList).ToList();
        if (p.GetValue(c.ExcludeTools) is { Length: > 0 } excluded) o.ExcludeTools = excluded.SelectMany(SplitList).ToList();
        if (p.GetValue(c.ReadOnly)) o.ReadOnly = true;
        if (p.GetValue(c.MlflowUri) is { } uri) o.MlflowTrackingUri = uri;
        if (p.GetValue(c.MlflowTimeout) is { } mlflowTimeout) o.MlflowTimeoutSeconds = mlflowTimeout;
        if (p.GetValue(c.SqlAllowWrites)) o.Sql.AllowWrites = true;
        if (p.GetValue(c.SqlTimeout) is { } timeout) o.Sql.TimeoutSeconds = timeout;
        if (p.GetValue(c.SqlMaxRows) is { } rows) o.Sql.MaxRows = rows;
        if (p.GetValue(c.SqlMaxChars) is { } chars) o.Sql.MaxCharacters = chars;
        if (p.GetValue(c.LoadTimeout) is { } loadTimeout) o.Load.TimeoutSeconds = loadTimeout;
        if (p.GetValue(c.LoadMaxDepth) is { } depth) o.Load.MaxNestingDepth = depth;
        if (p.GetValue(c.LoadMaxColumns) is { } columns) o.Load.MaxColumns = columns;
        if (p.GetValue(c.LoadMaxLineBytes) is { } line) o.Load.MaxLineBytes = line;
        if (p.GetValue(c.LoadMaxUnzippedBytes) is { } unzipped) o.Load.MaxUnzippedBytes = unzipped;
        if (p.GetValue(c.LoadMaxZipEntries) is { } entries) o.Load.MaxZipEntries = entries;
        if (p.GetValue(c.LoadMaxCellBytes) is { } cell) o.Load.MaxCellBytes = cell;
        if (p.GetValue(c.ExportTimeout) is { } exportTimeout) o.Export.TimeoutSeconds = exportTimeout;
        if (p.GetValue(c.ExportMaxRows) is { } exportRows) o.Export.MaxRows = exportRows;
        if (p.GetValue(c.ExportMaxBytes) is { } exportBytes) o.Export.MaxBytes = exportBytes;
        if (p.GetValue(c.JobWait) is { } wait) o.Jobs.WaitSeconds = wait;
        if (p.GetValue(c.MaxJobs) is { } jobs) o.Jobs.MaxConcurrent = jobs;
        if (p.GetValue(c.JobTimeLimit) is { } timeLimit) o.Jobs.TimeLimitSeconds = timeLimit;
        if (p.GetValue(c.Worker)) o.Jobs.Worker = true;
        if (p.GetValue(c.JobRetryAfter) is { } retryAfter) o.Jobs.RetryAfterSeconds = retryAfter;
        if (p.GetValue(c.Queues) is { Length: > 0 } queues) o.Jobs.WorkerQueues = queues.SelectMany(SplitList).ToList();
        if (p.GetValue(c.TorchThreads) is { } threads) o.Physics.Threads = threads;
        if (p.GetValue(c.JobThreads) is { } jobThreads) o.Jobs.ThreadsPerJob = jobThreads;
        if (p.GetValue(c.Device) is { } device) o.Physics.Device = device;
        if (p.GetValue(c.LogLevel) is { } level) o.LogLevel = level;
        if (p.GetValue(c.Http)) o.Http.Enabled = true;
        if (p.GetValue(c.Urls) is { } urls) o.Http.Urls = urls;
        if (p.GetValue(c.AllowOrigin) is { Length: > 0 } origins) o.Http.AllowedOrigins = origins.ToList();
        if (p.GetValue(c.User) is { Length: > 0 } users)
        {
            var errors = new List<string>();
            o.Http.Users = UserEntries.FromCommandLine(users, errors);
            if (errors.Count > 0)
                throw new OptionsException(errors);
        }
    }

    // A source's password comes from the environment only: MCPFLOW_SOURCE__NAME carries a whole source (with or without
    // one), MCPFLOW_SOURCE_PASSWORD__NAME the password of a source configured anywhere.
    private static void ApplySources(McpFlowOptions o, IReadOnlyDictionary<string, string?> env)
    {
        foreach (var (key, value) in env)
        {
            if (string.IsNullOrWhiteSpace(value))
                continue;
            if (key.StartsWith(DatabaseSourceSpec.PasswordPrefix, StringComparison.Ordinal))
                o.SourcePasswords[key[DatabaseSourceSpec.PasswordPrefix.Length..].ToLowerInvariant()] = value;
            else if (key.StartsWith(DatabaseSourceSpec.EnvironmentPrefix, StringComparison.Ordinal))
                o.Sources[key[DatabaseSourceSpec.EnvironmentPrefix.Length..].ToLowerInvariant()] = value;
        }
    }

    private static Dictionary<string, string> CommandLineSources(string[] values, List<string> errors)
    {
        var sources = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in values)
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
                errors.Add("--source takes name=kind:connection string, e.g. --source warehouse=postgresql:Host=db;Database=sales;Username=reader.");
            else
                sources[value[..equals].Trim().ToLowerInvariant()] = value[(equals + 1)..];
        }

        return sources;
    }

    private static List<string> SecretsOutsideEnvironment(Dictionary<string, string> sources, string where) =>
        sources.Where(s => DatabaseSourceSpec.HasSecret(s.Value))
            .Select(s => $"source '{s.Key}' in {where} holds a password; passwords come from the environment only: set {DatabaseSourceSpec.PasswordPrefix}{s.Key.ToUpperInvariant()}.")
            .ToList();

    private static List<string> SplitList(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToLowerInvariant()).ToList();

    private static string? Env(IReadOnlyDictionary<string, string?> env, string name) =>
        env.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    private static void Bool(IReadOnlyDictionary<string, string?> env, string name, Action<bool> set, List<string> errors)
    {
        if (Env(env, name) is not { } text)
            return;
        if (text is "1" or "true" or "True" or "TRUE" or "yes") set(true);
        else if (text is "0" or "false" or "False" or "FALSE" or "no") set(false);
        else errors.Add($"environment variable {name}='{text}' is not a boolean (use true or false).");
    }

    private static void Number(IReadOnlyDictionary<string, string?> env, string name, Action<double> set, List<string> errors)
    {
        if (Env(env, name) is not { } text)
            return;
        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value))
            set(value);
        else
            errors.Add($"environment variable {name}='{text}' is not a number.");
    }
}
