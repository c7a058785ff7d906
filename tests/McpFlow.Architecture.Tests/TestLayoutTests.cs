namespace McpFlow.Architecture.Tests;

/// <summary>Tests mirror src/: a test folder names the source folder whose code it tests, or is one of the harness folders.</summary>
public sealed class TestLayoutTests
{
    /// <summary>Folders that hold test harness code or whole-server tests rather than tests of one source folder.</summary>
    private static readonly HashSet<string> HarnessFolders =
        ["Support", "Fixtures", "TestDoubles", "EndToEnd", "Integration", "Catalogue"];

    [Fact]
    public void EveryTestFolder_MirrorsASourceFolder_OrIsAHarnessFolder()
    {
        var root = ProductSources.Root;
        var strays = new List<string>();
        foreach (var testProject in Directory.EnumerateDirectories(Path.Combine(root, "tests"), "McpFlow.*.Tests"))
        {
            var source = Path.Combine(root, "src", Path.GetFileName(testProject)[..^".Tests".Length]);
            if (!Directory.Exists(source))
                continue; // Architecture and Security tests test the whole product, not one project.
            foreach (var folder in Directory.EnumerateDirectories(testProject, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(testProject, folder);
                var top = relative.Split(Path.DirectorySeparatorChar)[0];
                if (top is "bin" or "obj" || HarnessFolders.Contains(top))
                    continue;
                if (!Directory.Exists(Path.Combine(source, relative)))
                    strays.Add(Path.GetRelativePath(root, folder).Replace('\\', '/'));
            }
        }

        strays.Should().BeEmpty("a test folder must have a source folder of the same name (or be one of {0})", string.Join(", ", HarnessFolders));
    }
}
