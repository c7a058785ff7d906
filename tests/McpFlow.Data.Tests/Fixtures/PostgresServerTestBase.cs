using McpFlow.Core.Configuration;
using McpFlow.Testing.Postgres;

namespace McpFlow.Data.Tests.Fixtures;

/// <summary>A data-group server with the fixture's PostgreSQL configured as source <c>pg</c>: the connection string
/// without the password, the password apart (as <c>MCPFLOW_SOURCE_PASSWORD__PG</c> gives it).</summary>
public abstract class PostgresServerTestBase(PostgresServer postgres) : SourceServerTestBase
{
    /// <summary>The source name tests use.</summary>
    public const string Source = "pg";

    /// <summary>The server.</summary>
    protected PostgresServer Postgres { get; } = postgres;

    /// <inheritdoc />
    protected override void ConfigureOptions(McpFlowOptions options)
    {
        options.Sources[Source] = "postgresql:" + Postgres.ReaderConnectionString;
        options.SourcePasswords[Source] = Postgres.ReaderPassword;
    }
}
