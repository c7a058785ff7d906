using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using McpFlow.Testing;

namespace McpFlow.Server.Tests.Support;

/// <summary>Runs the built server (McpFlow.Server.dll next to the tests) as a real child process.</summary>
internal static class ServerProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "McpFlow.Server.dll");

    /// <summary>Runs the server to completion (for --help and bad options) and returns exit code and output.</summary>
    public static async Task<(int ExitCode, string StdOut, string StdErr)> RunToExitAsync(
        IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, int timeoutSeconds = 30)
    {
        using var process = Process.Start(StartInfo(args, environment))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    public static Process Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null) =>
        Process.Start(StartInfo(args, environment))!;

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static ProcessStartInfo StartInfo(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            info.Environment[key] = value;
        return info;
    }
}
