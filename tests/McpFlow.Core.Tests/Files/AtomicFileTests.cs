using System.Text;
using McpFlow.Core.Files;
using McpFlow.Testing;

namespace McpFlow.Core.Tests.Files;

/// <summary>Replacing a file in one step, with concurrent writers of the same file (the load test's finding: two
/// sessions profiling one table shared one temporary name, and the second rename failed with FileNotFoundException).</summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly string _temp = TempFolder.Create("atomic");

    public void Dispose() => TempFolder.TryDelete(_temp);

    [Fact]
    public void WriteAllText_ReplacesTheFile_AsUtf8WithoutBom_AndLeavesNoTemporaryFile()
    {
        var path = Path.Combine(_temp, "meta.yaml");
        File.WriteAllText(path, "old");

        AtomicFile.WriteAllText(path, "name: é\n");

        File.ReadAllBytes(path).Should().Equal(Encoding.UTF8.GetBytes("name: é\n"), "no byte-order mark, as File.WriteAllText writes");
        Directory.GetFiles(_temp).Should().Equal(path);
    }

    [Fact]
    public async Task ConcurrentWritersOfOneFile_AllSucceed_AndTheFileIsOneOfTheirContents()
    {
        var path = Path.Combine(_temp, "customers.json");
        var contents = Enumerable.Range(0, 16).Select(i => $"{{\"writer\":{i},\"pad\":\"{new string('x', 20_000)}\"}}").ToList();
        using var start = new Barrier(contents.Count);

        // Every writer is released at once and writes 20 times; with a shared temporary name, a rename finds its temporary
        // file already moved away by another writer.
        var writers = contents.Select(text => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < 20; i++)
                AtomicFile.WriteAllText(path, text);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));
        await Task.WhenAll(writers);

        contents.Should().Contain(File.ReadAllText(path));
        Directory.GetFiles(_temp).Should().Equal(path);
    }

    [Fact]
    public void AFailedWrite_LeavesTheOldFile_AndNoTemporaryFile()
    {
        var path = Path.Combine(_temp, "state.json");
        File.WriteAllText(path, "old");
        Directory.CreateDirectory(path + ".dir");

        // The rename target is a folder: the move fails after the temporary file was written.
        var act = () => AtomicFile.WriteAllText(path + ".dir", "new");

        act.Should().Throw<IOException>();
        File.ReadAllText(path).Should().Be("old");
        Directory.GetFiles(_temp).Should().Equal(path);
    }
}
