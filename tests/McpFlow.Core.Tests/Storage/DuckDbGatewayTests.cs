using DuckDB.NET.Data;
using McpFlow.Core.Files;
using McpFlow.Core.Storage;
using McpFlow.Core.Workspace;
using McpFlow.Testing;

namespace McpFlow.Core.Tests.Storage;

public sealed class DuckDbGatewayTests : IDisposable
{
    private readonly string _temp = TempFolder.Create("gateway");
    private readonly string _root;
    private readonly DuckDbGateway _gateway;

    public DuckDbGatewayTests()
    {
        _root = Directory.CreateDirectory(Path.Combine(_temp, "root")).FullName;
        var workspace = Path.Combine(_temp, "ws");
        _gateway = new DuckDbGateway(new McpFlowWorkspace(workspace), new FileAccessGuard([_root, workspace], workspace));
        File.WriteAllText(Path.Combine(_temp, "outside.csv"), "secret\n1\n");
    }

    public void Dispose()
    {
        _gateway.Dispose();
        TempFolder.TryDelete(_temp);
    }

    [Fact]
    public void Lockdown_HoldsOnTheFirstSecondAndHundredthConnection()
    {
        // The issue's reproduction: the settings were lost once the first connection closed (DuckDB.NET drops the
        // database with its last connection). Each connection here is opened and closed in turn.
        for (var i = 1; i <= 100; i++)
        {
            using var connection = _gateway.Open();
            var state = DuckDbLockdown.Read(connection);
            if (i is 1 or 2 or 100)
            {
                state.ExternalAccess.Should().BeFalse($"connection {i}");
                state.ConfigurationLocked.Should().BeTrue($"connection {i}");
                state.AutoloadExtensions.Should().BeFalse($"connection {i}");
                state.AutoinstallExtensions.Should().BeFalse($"connection {i}");
                state.AllowedDirectories.Should().Contain(_root + "/", $"connection {i}");
            }

            state.IsLocked.Should().BeTrue($"connection {i}");
        }
    }

    [Theory]
    [InlineData("SET enable_external_access = true")]
    [InlineData("SET allowed_directories = ['/']")]
    [InlineData("RESET allowed_directories")]
    [InlineData("SET lock_configuration = false")]
    [InlineData("SET autoload_known_extensions = true")]
    public void Lockdown_CannotBeUndoneByAStatement(string statement)
    {
        using var connection = _gateway.Open();
        var act = () => Execute(connection, statement);
        act.Should().Throw<DuckDBException>().WithMessage("*locked*");
        DuckDbLockdown.Read(connection).IsLocked.Should().BeTrue();
    }

    [Fact]
    public void Engine_RefusesFilesOutsideTheRoots_AndExtensions()
    {
        using var connection = _gateway.Open();
        File.WriteAllText(Path.Combine(_root, "in.csv"), "a\n7\n");
        Scalar(connection, $"SELECT a FROM read_csv({SqlQuote.Literal(Path.Combine(_root, "in.csv"))})").Should().Be(7L);
        ((Action)(() => Scalar(connection, $"SELECT * FROM read_csv({SqlQuote.Literal(Path.Combine(_temp, "outside.csv"))})")))
            .Should().Throw<DuckDBException>().WithMessage("*Permission*");
        ((Action)(() => Execute(connection, "INSTALL httpfs"))).Should().Throw<DuckDBException>();
        ((Action)(() => Execute(connection, "LOAD httpfs"))).Should().Throw<DuckDBException>();
        ((Action)(() => Execute(connection, $"COPY (SELECT 1) TO {SqlQuote.Literal(Path.Combine(_temp, "out.csv"))}")))
            .Should().Throw<DuckDBException>().WithMessage("*Permission*");
        File.Exists(Path.Combine(_temp, "out.csv")).Should().BeFalse();
    }

    [Fact]
    public void Engine_RefusesALinkInsideARootThatLeadsOutside()
    {
        // DuckDB resolves links before it compares with allowed_directories: a second wall behind our own guard.
        File.CreateSymbolicLink(Path.Combine(_root, "p.csv"), Path.Combine(_temp, "outside.csv"));
        using var connection = _gateway.Open();
        ((Action)(() => Scalar(connection, $"SELECT * FROM read_csv({SqlQuote.Literal(Path.Combine(_root, "p.csv"))})")))
            .Should().Throw<DuckDBException>().WithMessage("*Permission*");
    }

    [Fact]
    public void EngineVersion_ComesFromALockedInMemoryDatabase() => DuckDbGateway.EngineVersion().Should().MatchRegex(@"^v\d+\.\d+");

    [Fact]
    public void Open_Fails_AfterDispose()
    {
        _gateway.Dispose();
        ((Action)(() => _gateway.Open())).Should().Throw<ObjectDisposedException>();
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
