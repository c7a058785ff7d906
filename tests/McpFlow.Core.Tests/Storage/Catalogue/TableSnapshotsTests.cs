using System.Security.Cryptography;
using McpFlow.Core.Errors;
using McpFlow.Core.Files;
using McpFlow.Core.Storage;
using McpFlow.Core.Storage.Catalogue;
using McpFlow.Core.Workspace;
using McpFlow.Testing;

namespace McpFlow.Core.Tests.Storage.Catalogue;

/// <summary>The team catalogue's snapshots on the workspace folder: content-addressed, and read only after a local copy
/// matched the recorded hash.</summary>
public sealed class TableSnapshotsTests : IDisposable
{
    private readonly string _temp = TempFolder.Create("snapshots");
    private readonly DuckDbGateway _gateway;

    public TableSnapshotsTests()
    {
        var workspace = Path.Combine(_temp, "ws");
        _gateway = new DuckDbGateway(new McpFlowWorkspace(workspace), new FileAccessGuard([workspace], workspace));
        Directory.CreateDirectory(Staging);
    }

    private string Folder => Path.Combine(_temp, "ws", TableSnapshots.Folder);

    private string Staging => Path.Combine(_temp, "ws", "staging");

    public void Dispose()
    {
        _gateway.Dispose();
        TempFolder.TryDelete(_temp);
    }

    [Fact]
    public void Write_NamesTheSnapshotByItsHash_AndTheSameRowsShareOneFile()
    {
        using var connection = _gateway.Open();
        Execute(connection, "CREATE TABLE t AS SELECT range AS x FROM range(100)");

        var first = TableSnapshots.Write(connection, "t", Folder, CancellationToken.None);
        var second = TableSnapshots.Write(connection, "t", Folder, CancellationToken.None);

        // The expected name is the file's SHA-256, computed here from its bytes.
        Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(TableSnapshots.PathOf(Folder, first)))).Should().Be(first);
        second.Should().Be(first, "DuckDB writes the same rows to the same bytes");
        Directory.GetFiles(Folder).Should().ContainSingle("no temporary file is left and the same rows are not stored twice");
    }

    [Fact]
    public void CopyVerified_CopiesAMatchingSnapshot_AndRefusesAChangedOrMissingOne()
    {
        using var connection = _gateway.Open();
        Execute(connection, "CREATE TABLE t AS SELECT range AS x FROM range(10)");
        var sha = TableSnapshots.Write(connection, "t", Folder, CancellationToken.None);
        var entry = new CatalogueEntry("t", 3, [new CatalogueColumn("x", "BIGINT")], 10, sha, null, "data_load", "ana", new DateTime(2026, 12, 3, 0, 0, 0, DateTimeKind.Utc), false);

        var copy = TableSnapshots.CopyVerified(entry, Folder, Staging);
        File.ReadAllBytes(copy).Should().Equal(File.ReadAllBytes(TableSnapshots.PathOf(Folder, sha)));

        File.AppendAllText(TableSnapshots.PathOf(Folder, sha), "x");
        var changed = () => TableSnapshots.CopyVerified(entry, Folder, Staging);
        changed.Should().Throw<McpFlowException>().Where(e => e.Kind == ErrorKind.Conflict)
            .WithMessage($"Table 't' version 3 was refused: its snapshot team/tables/{sha}.parquet on the shared workspace folder has SHA-256 *, not the {sha[..12]}… the team catalogue recorded, so it was changed outside McpFlow.");
        Directory.GetFiles(Staging).Should().ContainSingle("the refused copy is deleted; the first, good copy stays for its reader");

        File.Delete(TableSnapshots.PathOf(Folder, sha));
        var missing = () => TableSnapshots.CopyVerified(entry, Folder, Staging);
        missing.Should().Throw<McpFlowException>().WithMessage("*is missing from the shared workspace folder.");
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("ABCDEF0000000000000000000000000000000000000000000000000000000000")]
    [InlineData("")]
    public void PathOf_RefusesAnythingButALowerCaseSha256(string sha)
    {
        var act = () => TableSnapshots.PathOf(Folder, sha);

        act.Should().Throw<McpFlowException>().WithMessage("The team catalogue holds a snapshot hash that is not a SHA-256*");
    }

    private static void Execute(DuckDB.NET.Data.DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
