using McpFlow.Core.Configuration;
using McpFlow.Data.Storage;
using McpFlow.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace McpFlow.Data.Tests.Fixtures;

/// <summary>A data-group server with the fixture's PostgreSQL configured as source <c>pg</c>: the connection string
/// without the password, the password apart (as <c>MCPFLOW_SOURCE_PASSWORD__PG</c> gives it).</summary>
public abstract class PostgresServerTestBase(PostgresServer postgres) : DataServerTestBase
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

    /// <summary>Rows of a workspace query, each value as the DuckDB reader returns it.</summary>
    protected List<object?[]> WorkspaceRows(string sql)
    {
        using var connection = Services.GetRequiredService<DataDatabase>().Open();
        return DataDatabase.Rows(connection, sql, r =>
        {
            var values = new object?[r.FieldCount];
            for (var i = 0; i < values.Length; i++)
                values[i] = r.IsDBNull(i) ? null : r.GetValue(i);
            return values;
        });
    }

    /// <summary>The workspace column types of <paramref name="table"/>, by column.</summary>
    protected Dictionary<string, string> WorkspaceTypes(string table)
    {
        using var connection = Services.GetRequiredService<DataDatabase>().Open();
        return TableCatalog.Columns(connection, table).ToDictionary(c => c.Name, c => c.Type);
    }

}
