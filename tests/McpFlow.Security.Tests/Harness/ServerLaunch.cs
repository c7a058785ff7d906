using System.Diagnostics;

namespace McpFlow.Security.Tests.Harness;

/// <summary>How to start one server: workspace, allowed roots, working folder, extra options and environment.</summary>
internal sealed record ServerLaunch(string Workspace, IReadOnlyList<string> Roots, string WorkingDirectory)
{
    /// <summary>Options after the workspace and roots, e.g. <c>--sql-allow-writes</c>.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>The SQL, load and export timeout in seconds. Default <see cref="Deadlines.ServerSqlTimeoutSeconds"/>.</summary>
    public int TimeoutSeconds { get; init; } = Deadlines.ServerSqlTimeoutSeconds;

    /// <summary>Extra environment variables.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The process start information: <c>dotnet McpFlow.Server.dll …</c> with stdio redirected.</summary>
    public ProcessStartInfo StartInfo()
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = WorkingDirectory,
        };
        info.ArgumentList.Add(ServerBinary.Dll);
        info.ArgumentList.Add("--workspace");
        info.ArgumentList.Add(Workspace);
        foreach (var root in Roots)
        {
            info.ArgumentList.Add("--allow-root");
            info.ArgumentList.Add(root);
        }

        info.ArgumentList.Add("--sql-timeout");
        info.ArgumentList.Add(TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // One TorchSharp thread and one job at a time: the suite shares a 2-core machine with the other test projects.
        info.ArgumentList.Add("--torch-threads");
        info.ArgumentList.Add("1");
        foreach (var argument in ExtraArguments)
            info.ArgumentList.Add(argument);
        info.Environment["MCPFLOW_LOG_LEVEL"] = "Warning";
        // Loads and exports end within the same timeout as queries, so a hostile file is judged against one deadline.
        // (Environment rather than options: a server without these limits ignores them instead of refusing to start.)
        info.Environment["MCPFLOW_LOAD_TIMEOUT"] = TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["MCPFLOW_EXPORT_TIMEOUT"] = TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in Environment)
            info.Environment[key] = value;
        return info;
    }
}
