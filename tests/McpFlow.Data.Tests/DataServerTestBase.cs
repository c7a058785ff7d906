using System.Text.Json;
using DuckDB.NET.Data;
using McpFlow.Core.Groups;
using McpFlow.Data.Storage;
using McpFlow.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace McpFlow.Data.Tests;

/// <summary>An in-memory McpFlow server with the data group, plus helpers to write input files.</summary>
public abstract class DataServerTestBase : McpServerTestBase
{
    /// <inheritdoc />
    protected override IReadOnlyList<IToolGroup> Groups => [new DataToolGroup()];

    /// <summary>Writes a text file under the data root and returns its full path.</summary>
    protected string WriteFile(string name, string content)
    {
        var path = Path.Combine(DataRoot, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Runs SQL on a private in-memory DuckDB (e.g. to write Parquet or DuckDB fixture files).</summary>
    protected static void DuckDb(string sql, string database = ":memory:")
    {
        using var connection = new DuckDBConnection($"Data Source={database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Workspace tables whose name starts with <paramref name="prefix"/> (e.g. leftover staging tables).</summary>
    protected IReadOnlyList<string> TablesStartingWith(string prefix)
    {
        using var connection = Services.GetRequiredService<DataDatabase>().Open();
        return DataDatabase.Rows(connection, "SELECT table_name FROM duckdb_tables() WHERE starts_with(table_name, ?)", r => r.GetString(0), prefix);
    }

    /// <summary>Writes a SQLite database built by <paramref name="sql"/> under the data root and returns its path.</summary>
    protected string WriteSqlite(string name, string sql)
    {
        var path = Path.Combine(DataRoot, name);
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
        return path;
    }

    /// <summary>Asserts the server still answers and still loads a small file (the process and its database survived).</summary>
    protected async Task AssertServerStillWorksAsync()
    {
        await CallOkAsync("server_info");
        var path = WriteFile("after.csv", "x,y\n1,2\n3,4\n");
        (await LoadAsync(path, new { table = "after_check", force = true })).GetProperty("rows").GetInt64().Should().Be(2);
        TablesStartingWith("mcpflow_staging").Should().BeEmpty("a stopped or refused load leaves no staging table");
    }

    /// <summary>Loads a file through data_load and returns the structured result.</summary>
    protected async Task<JsonElement> LoadAsync(string path, object? extra = null)
    {
        var args = new Dictionary<string, object?> { ["path"] = path };
        if (extra is not null)
            foreach (var p in JsonSerializer.SerializeToElement(extra).EnumerateObject())
                args[p.Name] = p.Value;
        return (await CallOkAsync("data_load", args)).Structured();
    }
}
