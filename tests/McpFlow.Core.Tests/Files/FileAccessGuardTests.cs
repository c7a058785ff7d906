using McpFlow.Core.Errors;
using McpFlow.Core.Files;
using McpFlow.Testing;

namespace McpFlow.Core.Tests.Files;

public sealed class FileAccessGuardTests : IDisposable
{
    private readonly string _temp = TempFolder.Create("guard");
    private readonly string _root;
    private readonly string _outside;

    public FileAccessGuardTests()
    {
        _root = Directory.CreateDirectory(Path.Combine(_temp, "root")).FullName;
        _outside = Directory.CreateDirectory(Path.Combine(_temp, "outside")).FullName;
        File.WriteAllText(Path.Combine(_root, "inside.csv"), "a\n1\n");
        File.WriteAllText(Path.Combine(_outside, "secret.csv"), "s\n1\n");
    }

    public void Dispose() => TempFolder.TryDelete(_temp);

    [Fact]
    public void ResolveExistingFile_ReturnsFullPath_WhenRelativePathIsInsideRoot()
    {
        var guard = new FileAccessGuard([_root]);
        guard.ResolveExistingFile("inside.csv").Should().Be(Path.Combine(_root, "inside.csv"));
    }

    [Theory]
    [InlineData("../outside/secret.csv")]
    [InlineData("/etc/passwd")]
    [InlineData("sub/../../outside/secret.csv")]
    public void Resolve_RefusesAndNamesRoots_WhenPathEscapesRoot(string path)
    {
        var guard = new FileAccessGuard([_root]);
        var act = () => guard.Resolve(path);
        act.Should().Throw<McpFlowException>()
            .Where(e => e.Kind == ErrorKind.Forbidden && e.Message.Contains(_root) && e.Hint!.Contains("--allow-root"));
    }

    [Fact]
    public void Resolve_Refuses_WhenSymlinkInsideRootPointsOutside()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "link.csv"), Path.Combine(_outside, "secret.csv"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "linkdir"), _outside);
        var guard = new FileAccessGuard([_root]);

        ((Action)(() => guard.ResolveExistingFile("link.csv"))).Should().Throw<McpFlowException>().Where(e => e.Kind == ErrorKind.Forbidden);
        ((Action)(() => guard.ResolveExistingFile("linkdir/secret.csv"))).Should().Throw<McpFlowException>().Where(e => e.Kind == ErrorKind.Forbidden);
    }

    [Fact]
    public void Resolve_Follows_SymlinkThatStaysInsideRoot()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "alias.csv"), Path.Combine(_root, "inside.csv"));
        var guard = new FileAccessGuard([_root]);
        guard.ResolveExistingFile("alias.csv").Should().Be(Path.Combine(_root, "inside.csv"));
    }

    [Fact]
    public void ResolveFiles_ExpandsGlobInsideRoot_AndRefusesGlobThatClimbs()
    {
        Directory.CreateDirectory(Path.Combine(_root, "data"));
        File.WriteAllText(Path.Combine(_root, "data", "b.csv"), "b");
        File.WriteAllText(Path.Combine(_root, "data", "a.csv"), "a");
        var guard = new FileAccessGuard([_root]);
        guard.ResolveFiles("data/*.csv").Should().Equal(Path.Combine(_root, "data", "a.csv"), Path.Combine(_root, "data", "b.csv"));
        ((Action)(() => guard.ResolveFiles("*/../../outside/*.csv"))).Should().Throw<McpFlowException>().Where(e => e.Kind == ErrorKind.Forbidden);
        ((Action)(() => guard.ResolveFiles("../outside/*.csv"))).Should().Throw<McpFlowException>().Where(e => e.Kind == ErrorKind.Forbidden);
        ((Action)(() => guard.Resolve("data/*.csv"))).Should().Throw<McpFlowException>().WithMessage("*wildcard*");
    }

    [Fact]
    public void ResolveFiles_RefusesGlobMatchThatLinksOutside()
    {
        // The reproduction: R/*.txt where R/p.txt links to a file outside the roots.
        File.WriteAllText(Path.Combine(_root, "ok.txt"), "fine");
        File.CreateSymbolicLink(Path.Combine(_root, "p.txt"), Path.Combine(_outside, "secret.csv"));
        var guard = new FileAccessGuard([_root]);
        ((Action)(() => guard.ResolveFiles("*.txt"))).Should().Throw<McpFlowException>().Where(e => e.Kind == ErrorKind.Forbidden);
    }

    [Fact]
    public void Resolve_ResolvesDotDotAfterTheLink_NotBeforeIt()
    {
        // R/a/b/link -> outside/dir; R/a/b/link/../secret.csv is outside/secret.csv for the OS, not R/a/b/secret.csv.
        var dir = Directory.CreateDirectory(Path.Combine(_outside, "dir")).FullName;
        Directory.CreateDirectory(Path.Combine(_root, "a", "b"));
        File.WriteAllText(Path.Combine(_root, "a", "b", "secret.csv"), "decoy inside");
        Directory.CreateSymbolicLink(Path.Combine(_root, "a", "b", "link"), dir);
        var guard = new FileAccessGuard([_root]);
        ((Action)(() => guard.ResolveExistingFile("a/b/link/../secret.csv"))).Should().Throw<McpFlowException>().Where(e => e.Kind == ErrorKind.Forbidden);
    }

    [Fact]
    public void ResolveFiles_NegatedClass_MatchesWhatTheShellWould()
    {
        Directory.CreateDirectory(Path.Combine(_root, "globs"));
        foreach (var name in new[] { "a.csv", "b.csv", "!.csv", ".hidden.csv" })
            File.WriteAllText(Path.Combine(_root, "globs", name), name);
        var guard = new FileAccessGuard([_root]);
        guard.ResolveFiles("globs/[!a].csv").Select(Path.GetFileName).Should().Equal("!.csv", "b.csv");
        guard.ResolveFiles("globs/[^ab].csv").Select(Path.GetFileName).Should().Equal("!.csv");
        guard.ResolveFiles("globs/[a-b].csv").Select(Path.GetFileName).Should().Equal("a.csv", "b.csv");
        guard.ResolveFiles("globs/*.csv").Should().HaveCount(3, "wildcards never match a leading dot");
        guard.ResolveFiles("**/?.csv").Should().HaveCount(3);
    }

    [Fact]
    public void ResolveExistingFile_RefusesFifo_WithoutOpeningIt()
    {
        var fifo = Path.Combine(_root, "pipe.csv");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
            mkfifo.WaitForExit();
        var guard = new FileAccessGuard([_root]);
        ((Action)(() => guard.ResolveExistingFile("pipe.csv"))).Should().Throw<McpFlowException>().WithMessage("*not a regular file*");
        ((Action)(() => guard.ResolveFiles("*.csv"))).Should().Throw<McpFlowException>().WithMessage("*not a regular file*");
        ((Action)(() => guard.ResolveForWrite("pipe.csv"))).Should().Throw<McpFlowException>().WithMessage("*not a regular file*");
        FileKinds.Of("/dev/null").Should().Be(FileKind.Special);
        FileKinds.Of(Path.Combine(_root, "inside.csv")).Should().Be(FileKind.Regular);
        FileKinds.Of(_root).Should().Be(FileKind.Directory);
        FileKinds.Of(Path.Combine(_root, "nope")).Should().Be(FileKind.Missing);
    }

    [Theory]
    [InlineData("audit/audit.jsonl")]
    [InlineData("workbench.json")]
    [InlineData("data.duckdb")]
    [InlineData("runs/run-20261123-101500-ab12cd/manifest.json")]
    [InlineData("jobs/x.json")]
    [InlineData("mlruns/0/meta.yaml")]
    public void ResolveForWrite_RefusesTheWorkspaceOwnRecords(string record)
    {
        var workspace = Directory.CreateDirectory(Path.Combine(_root, ".mcpflow")).FullName;
        var guard = new FileAccessGuard([_root, workspace], workspace);
        var act = () => guard.ResolveForWrite(Path.Combine(workspace, record));
        act.Should().Throw<McpFlowException>().Where(e => e.Kind == ErrorKind.Forbidden && e.Hint!.Contains("exports"));
        guard.ResolveForWrite(Path.Combine(workspace, "exports", "out.csv")).Should().Be(Path.Combine(workspace, "exports", "out.csv"));
        guard.ResolveForWrite("out.csv").Should().Be(Path.Combine(_root, "out.csv"));
    }

    [Fact]
    public void ResolveForWrite_RefusesALinkInsideARootThatLeadsIntoTheWorkspace()
    {
        var workspace = Directory.CreateDirectory(Path.Combine(_temp, "ws")).FullName;
        File.WriteAllText(Path.Combine(workspace, "workbench.json"), "{}");
        File.CreateSymbolicLink(Path.Combine(_root, "innocent.json"), Path.Combine(workspace, "workbench.json"));
        var guard = new FileAccessGuard([_root, workspace], workspace);
        ((Action)(() => guard.ResolveForWrite("innocent.json"))).Should().Throw<McpFlowException>().Where(e => e.Kind == ErrorKind.Forbidden);
    }

    [Fact]
    public void Resolve_RefusesSiblingFolderWithCommonPrefix()
    {
        var sibling = Directory.CreateDirectory(_root + "2").FullName;
        File.WriteAllText(Path.Combine(sibling, "x.csv"), "x");
        var guard = new FileAccessGuard([_root]);
        ((Action)(() => guard.ResolveExistingFile(Path.Combine(sibling, "x.csv")))).Should().Throw<McpFlowException>().Where(e => e.Kind == ErrorKind.Forbidden);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a\0b")]
    public void Resolve_RefusesEmptyOrNulPaths(string path)
    {
        var guard = new FileAccessGuard([_root]);
        ((Action)(() => guard.Resolve(path))).Should().Throw<McpFlowException>().Where(e => e.Kind == ErrorKind.InvalidInput);
    }

    [Fact]
    public void ResolveExistingFile_ReportsNotFound_WithResolvedPath()
    {
        var guard = new FileAccessGuard([_root]);
        ((Action)(() => guard.ResolveExistingFile("missing.csv"))).Should().Throw<McpFlowException>()
            .Where(e => e.Kind == ErrorKind.NotFound && e.Message.Contains(Path.Combine(_root, "missing.csv")));
    }

    [Fact]
    public void ResolveForWrite_CreatesFolder_InsideRoot()
    {
        var guard = new FileAccessGuard([_root]);
        var path = guard.ResolveForWrite("exports/out.csv");
        Directory.Exists(Path.Combine(_root, "exports")).Should().BeTrue();
        path.Should().Be(Path.Combine(_root, "exports", "out.csv"));
    }
}
