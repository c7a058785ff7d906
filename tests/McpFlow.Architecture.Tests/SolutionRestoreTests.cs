using System.Diagnostics;

namespace McpFlow.Architecture.Tests;

/// <summary>
/// The solution's restore check (build/SolutionRestore.targets, imported by the root Directory.Solution.targets), on a
/// fixture solution of one empty class library that imports the repository's two files: the first build runs NuGet's
/// restore, an identical second build skips it, and a changed project file, a changed command line or a deleted NuGet
/// output restores again. NuGet's restore is recognised by its own messages ("Restored …" or "All projects are
/// up-to-date for restore."), which a skipped restore does not print.
/// </summary>
public sealed class SolutionRestoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mcpflow-restore-" + Guid.NewGuid().ToString("N")[..8]);

    public SolutionRestoreTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "build"));
        Directory.CreateDirectory(Path.Combine(_folder, "lib"));
        File.Copy(Path.Combine(ProductSources.Root, "Directory.Solution.targets"), Path.Combine(_folder, "Directory.Solution.targets"));
        File.Copy(Path.Combine(ProductSources.Root, "build", "SolutionRestore.targets"), Path.Combine(_folder, "build", "SolutionRestore.targets"));
        File.WriteAllText(Path.Combine(_folder, "lib", "Lib.csproj"),
            "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");
        File.WriteAllText(Path.Combine(_folder, "lib", "Lib.cs"), "namespace Lib; public static class Empty { }");
        Dotnet("new", "sln", "--name", "Fixture", "--format", "sln");
        Dotnet("sln", "Fixture.sln", "add", "lib/Lib.csproj");
    }

    [Fact]
    public void AnIdenticalBuild_SkipsNuGetsRestore_AndAnyChangeRestoresAgain()
    {
        Restores(Build()).Should().BeTrue("a first build restores");
        File.Exists(Path.Combine(_folder, "obj", "McpFlow.restore.stamp")).Should().BeTrue("a restore through the check leaves its stamp");

        Restores(Build()).Should().BeFalse("nothing a restore reads changed");

        // An edit after the last restore, without waiting: the stamp is dated a minute back, the project a second later.
        var stamp = Path.Combine(_folder, "obj", "McpFlow.restore.stamp");
        File.SetLastWriteTimeUtc(stamp, File.GetLastWriteTimeUtc(stamp).AddMinutes(-1));
        File.SetLastWriteTimeUtc(Path.Combine(_folder, "lib", "Lib.csproj"), File.GetLastWriteTimeUtc(stamp).AddSeconds(1));
        Restores(Build()).Should().BeTrue("the project file is newer than the stamp");
        Restores(Build()).Should().BeFalse();

        Restores(Build("-p:Configuration=Release")).Should().BeTrue("the command line is part of the stamp's key");

        File.Delete(Path.Combine(_folder, "lib", "obj", "project.assets.json"));
        Restores(Build("-p:Configuration=Release")).Should().BeTrue("a NuGet output is missing");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temp folder is left behind.
        }
    }

    private static bool Restores(string output) =>
        output.Contains("Restored ", StringComparison.Ordinal) || output.Contains("up-to-date for restore", StringComparison.Ordinal);

    private string Build(params string[] extra) => Dotnet(["build", "Fixture.sln", "-nologo", "-v:n", .. extra]);

    private string Dotnet(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.Should().Be(0, $"dotnet {string.Join(' ', arguments)} failed:\n{output}\n{error.Result}");
        return output;
    }
}
