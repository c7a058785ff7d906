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
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        await process.WaitForExitAsync(timeout.Token);

        var output = await stdout;
        process.ExitCode.Should().Be(0, "the walkthrough failed:\n" + output + "\n" + await stderr);
        output.Should().Contain("=== The server: tools, groups and engines ===").And.Contain("Walkthrough finished");
    }
}
