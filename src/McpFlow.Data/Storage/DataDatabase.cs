using System.Data.Common;
using DuckDB.NET.Data;
using McpFlow.Core.Errors;
using McpFlow.Core.Files;
using McpFlow.Core.Storage;

namespace McpFlow.Data.Storage;

/// <summary>
/// The data group's view of the workspace database. The first connection locks DuckDB's file access down to
/// the allowed roots (<c>allowed_directories</c> then <c>enable_external_access = false</c>; both are
/// database-wide and cannot be re-enabled by a statement), and creates the <c>mcpflow</c> metadata schema
/// (table sources and lineage).
/// </summary>
public sealed class DataDatabase(WorkspaceDatabase database, FileAccessGuard guard)
{
    /// <summary>Schema holding McpFlow's own metadata tables.</summary>
    public const string MetaSchema = "mcpflow";

    private readonly Lock _gate = new();
    private bool _prepared;

    /// <summary>Opens a connection with the safety settings applied.</summary>
    public DuckDBConnection Open()
    {
        var connection = database.Open();
        if (_prepared)
            return connection;
        lock (_gate)
        {
            if (!_prepared)
            {
                Prepare(connection);
                _prepared = true;
            }
        }

        return connection;
    }

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

    private void Prepare(DuckDBConnection connection)
    {
        var external = Scalar(connection, "SELECT current_setting('enable_external_access')");
        if (external is true)
        {
            var dirs = string.Join(", ", guard.Roots.Select(r => SqlText.Literal(r.EndsWith('/') ? r : r + "/")));
            Execute(connection, $"SET allowed_directories = [{dirs}]");
            Execute(connection, "SET enable_external_access = false");
        }

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
                """);
        }
        catch (DuckDBException ex)
        {
            throw McpFlowException.Unavailable($"The workspace database could not be prepared: {ex.Message}",
                "Start McpFlow with --workspace <a fresh folder> if the database file is damaged.");
        }
    }
}
