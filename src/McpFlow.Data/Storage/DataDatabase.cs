using System.Data.Common;
using DuckDB.NET.Data;
using McpFlow.Core.Errors;
using McpFlow.Core.Storage;
using McpFlow.Core.Storage.Catalogue;

namespace McpFlow.Data.Storage;

/// <summary>
/// The data group's view of the workspace database: connections come from Core's <see cref="DuckDbGateway"/> (locked
/// down for the life of the process); the first one also creates the <c>mcpflow</c> metadata schema (table sources,
/// lineage and transformation suggestions). In team mode the connections are to this process's own DuckDB file, brought
/// up to date with the team's table catalogue, and writers publish through <see cref="BeginWrite"/>.
/// </summary>
public sealed class DataDatabase(DuckDbGateway database)
{
    /// <summary>Schema holding McpFlow's own metadata tables.</summary>
    public const string MetaSchema = "mcpflow";

    private readonly Lock _gate = new();
    private bool _prepared;

    /// <summary>Opens a locked-down connection with the metadata schema in place.</summary>
    public DuckDBConnection Open()
    {
        var connection = database.Open();
        if (_prepared)
            return connection;
        lock (_gate)
        {
            if (!_prepared)
            {
                try
                {
                    EnsureMetaSchema(connection);
                }
                catch
                {
                    connection.Dispose();
                    throw;
                }

                _prepared = true;
            }
        }

        return connection;
    }

    /// <summary>The exact stored name of <paramref name="table"/> (<see cref="TableCatalog.Resolve"/>); in team mode first
    /// refuses, with the reason, a table whose current version could not be made local (its snapshot is missing or was
    /// changed on the shared folder).</summary>
    public string Resolve(DuckDBConnection connection, string table)
    {
        database.Catalogue?.ThrowIfUnreadable(table);
        return TableCatalog.Resolve(connection, table);
    }

    /// <summary>Starts a write of <paramref name="tables"/>: in team mode holds their locks and brings them to the latest
    /// version (<see cref="SharedTableCatalogue.BeginWrite"/>); publish each written table through the result. A no-op in
    /// single-user mode.</summary>
    public TableWrite BeginWrite(DuckDBConnection connection, IEnumerable<string> tables, CancellationToken cancellationToken = default) =>
        database.Catalogue?.BeginWrite(connection, tables, cancellationToken) ?? TableWrite.SingleUser();

    /// <summary>Runs a statement that returns nothing.</summary>
    public static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Runs a query returning one value.</summary>
    public static object? Scalar(DuckDBConnection connection, string sql, params object?[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var p in parameters)
            command.Parameters.Add(new DuckDBParameter(p ?? DBNull.Value));
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    /// <summary>Runs a query and maps each row.</summary>
    public static List<T> Rows<T>(DuckDBConnection connection, string sql, Func<DbDataReader, T> map, params object?[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var p in parameters)
            command.Parameters.Add(new DuckDBParameter(p ?? DBNull.Value));
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(map(reader));
        return rows;
    }

    /// <summary>Creates the metadata schema and tables when missing.</summary>
    internal static void EnsureMetaSchema(DuckDBConnection connection)
    {
        try
        {
            Execute(connection, $"""
                CREATE SCHEMA IF NOT EXISTS {MetaSchema};
                CREATE TABLE IF NOT EXISTS {MetaSchema}.sources (
                    table_name VARCHAR PRIMARY KEY, source_path VARCHAR, format VARCHAR, options VARCHAR,
                    file_size BIGINT, file_modified TIMESTAMP, loaded_at TIMESTAMP, detected VARCHAR);
                CREATE TABLE IF NOT EXISTS {MetaSchema}.lineage (
                    table_name VARCHAR, column_name VARCHAR, parent_table VARCHAR, operation VARCHAR,
                    spec VARCHAR, created_at TIMESTAMP);
                CREATE TABLE IF NOT EXISTS {MetaSchema}.suggestions (
                    table_name VARCHAR, id VARCHAR, rank INTEGER, suggestion VARCHAR, created_at TIMESTAMP);
                """);
        }
        catch (DuckDBException ex)
        {
            throw McpFlowException.Unavailable($"The workspace database could not be prepared ({ex.GetType().Name}).",
                "Start McpFlow with --workspace <a fresh folder> if the database file is damaged.");
        }
    }
}
