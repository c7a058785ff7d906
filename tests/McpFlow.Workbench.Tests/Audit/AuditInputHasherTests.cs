using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using McpFlow.Core.Files;
using McpFlow.Testing;
using McpFlow.Workbench.Audit;
using McpFlow.Workbench.Hashing;

namespace McpFlow.Workbench.Tests.Audit;

public sealed class AuditInputHasherTests : IDisposable
{
    private readonly string _root = TempFolder.Create("mcpflow-hash");
    private readonly AuditInputHasher _hasher;

    public AuditInputHasherTests() => _hasher = new AuditInputHasher(new FileAccessGuard([_root]), new ContentHasher());

    private static Dictionary<string, JsonElement> Args(object value) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(JsonSerializer.Serialize(value))!;

    [Fact]
    public void Hash_HashesExistingRegularFiles_NamedByPathArguments()
    {
        var file = Artifacts.Write(_root, "train.csv", "x\n1\n");
        var result = _hasher.Hash(Args(new { input_files = new[] { file }, path = "missing.csv", title = file }));

        // SHA-256 of "x\n1\n", the file's content; "title" is not a path argument and "missing.csv" does not exist.
        result.Hashes.Should().Equal(new Dictionary<string, string> { [$"input_files:{file}"] = Convert.ToHexStringLower(SHA256.HashData("x\n1\n"u8.ToArray())) });
        result.NotHashed.Should().BeNull();
    }

    [Fact]
    public void Hash_NeverOpensAFifo_AndSkipsGlobsAndPathsOutsideTheRoots()
    {
        var fifo = Path.Combine(_root, "pipe.csv");
        using (var mkfifo = Process.Start("mkfifo", fifo))
            mkfifo.WaitForExit();
        Artifacts.Write(_root, "a.csv", "a\n");

        // Opening the FIFO for reading would block this thread for as long as no writer comes: returning proves it was not opened.
        var result = _hasher.Hash(Args(new { path = fifo, files = new[] { Path.Combine(_root, "*.csv"), "/etc/passwd", "../x.csv" } }));

        result.Hashes.Should().BeNull();
        result.NotHashed.Should().BeNull();
    }

    [Fact]
    public void Hash_ListsAFileOverTheSizeLimitAsNotHashed_WithoutReadingIt()
    {
        var big = Path.Combine(_root, "big.bin");
        using (var stream = File.Create(big))
            stream.SetLength(AuditInputHasher.MaxFileBytes + 1); // sparse: no data is written

        var result = _hasher.Hash(Args(new { file = big }));

        result.Hashes.Should().BeNull();
        result.NotHashed.Should().Equal(new Dictionary<string, string> { [$"file:{big}"] = "not hashed: 67,108,865 bytes is over the 67,108,864 bytes limit per file" });
    }

    [Fact]
    public void Hash_LooksAtNoMoreThanItsLimitOfPaths()
    {
        var file = Artifacts.Write(_root, "a.csv", "a\n");
        var paths = Enumerable.Range(0, 10_000).Select(i => i == 0 ? file : $"{file}?{i}").Prepend(file).ToArray();

        var result = _hasher.Hash(Args(new { input_files = paths }));

        result.Hashes.Should().ContainSingle();
        result.NotHashed.Should().Equal(new Dictionary<string, string> { ["…"] = $"not hashed: the call names more than {AuditInputHasher.MaxFiles} paths; only the first {AuditInputHasher.MaxFiles} were looked at" });
    }

    public void Dispose() => TempFolder.TryDelete(_root);
}
