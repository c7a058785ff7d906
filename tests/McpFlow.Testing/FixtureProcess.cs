using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace McpFlow.Testing;

/// <summary>What the real-database fixtures (PostgreSQL, MariaDB) share: running the server's tools (as the server's
/// system user under root, since the servers refuse root), a free loopback port and reading a log for an error.</summary>
public static class FixtureProcess
{
    /// <summary>Longest wait for one set-up step (a safety net around a real process).</summary>
    public static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(120);

    /// <summary>True when the tests run as root.</summary>
    public static bool IsRoot() => Environment.UserName == "root";

    /// <summary>A free TCP port on 127.0.0.1.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The text of a log, or a word saying why there is none.</summary>
    public static string TryRead(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : "(no log)";
        }
        catch (IOException)
        {
            return "(log unreadable)";
        }
    }

    /// <summary>Runs <paramref name="file"/> (as <paramref name="runAs"/> through runuser when root and it is given) and
    /// fails with its output when it fails or outlasts <see cref="StepTimeout"/>.</summary>
    public static void Run(string file, IReadOnlyList<string> args, string? runAs)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (runAs is not null && IsRoot())
        {
            start.FileName = "runuser";
            foreach (var a in new[] { "-u", runAs, "--", file })
                start.ArgumentList.Add(a);
        }
        else
        {
            start.FileName = file;
        }

        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(StepTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(file)} did not finish within {StepTimeout.TotalSeconds} s.");
        }

        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} failed with exit code {process.ExitCode}:\n{Output(stdout)}\n{Output(stderr)}");
    }

    // A server forked by a tool could keep a pipe open: the output is read for a few seconds at most.
    private static string Output(Task<string> read) => read.Wait(TimeSpan.FromSeconds(5)) ? read.Result : "(output not closed)";
}
