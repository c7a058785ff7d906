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
    public void Resolve_AllowsGlobInsideRoot_AndRefusesGlobThatClimbs()
    {
        var guard = new FileAccessGuard([_root]);
        guard.Resolve("data/*.csv").Should().Be(Path.Combine(_root, "data", "*.csv"));
        ((Action)(() => guard.Resolve("*/../../outside/*.csv"))).Should().Throw<McpFlowException>().Where(e => e.Kind == ErrorKind.Forbidden);
        ((Action)(() => guard.Resolve("../outside/*.csv"))).Should().Throw<McpFlowException>().Where(e => e.Kind == ErrorKind.Forbidden);
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
