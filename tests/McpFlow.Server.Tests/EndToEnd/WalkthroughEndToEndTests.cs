using System.Diagnostics;
using McpFlow.Testing;

namespace McpFlow.Server.Tests.EndToEnd;

/// <summary>Keeps the README's first command true: the walkthrough runs every chapter against the real server.</summary>
public sealed class WalkthroughEndToEndTests
{
    [Fact]
    public async Task Walkthrough_RunsEveryChapter_AndFinishes()
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        // Run it from its own output folder (same configuration as these tests), as `dotnet run` would.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        info.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "tools", "McpFlow.Walkthrough", "bin", configuration, "net10.0", "McpFlow.Walkthrough.dll"));
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // Six minutes for the chapters, four more for installing the server (ServerInstall: once per build; about 1.5 min
        // under a load average of 25, 4 min with a pack and two test runs beside it).
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true); // never leave the walkthrough and its server behind
            throw;
        }

        var output = await stdout;
        process.ExitCode.Should().Be(0, "the walkthrough failed:\n" + output + "\n" + await stderr);
        output.Should().Contain("=== The server: tools, groups and engines ===").And.Contain("Walkthrough finished");
        // It ran the installed server, the one mcp.json launches.
        output.Should().Contain($"({McpFlow.Walkthrough.ServerInstall.EntryPoint})");
        File.Exists(Path.Combine(RepositoryPaths.Root, McpFlow.Walkthrough.ServerInstall.EntryPoint)).Should().BeTrue();
    }
}
