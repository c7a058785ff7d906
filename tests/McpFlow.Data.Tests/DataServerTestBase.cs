using System.Text.Json;
using DuckDB.NET.Data;
using McpFlow.Core.Groups;
using McpFlow.Testing;

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
