using System.Text.Json;
using DuckDB.NET.Data;
using McpFlow.Core.Errors;
using McpFlow.Core.Mcp;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Transformations;

/// <summary>
/// Keeps the latest suggestions of each table in the workspace database (the <c>mcpflow.suggestions</c> table), so
/// their ids can be applied in a later call, a later session or after a restart. Suggesting again for a table
/// replaces its suggestions; reloading the table from its file forgets them.
/// </summary>
public sealed class SuggestionStore(DataDatabase database, TimeProvider time) : ITransformSuggestionStore
{
    /// <inheritdoc />
    public void Store(string table, IReadOnlyList<Suggestion> suggestions)
    {
        using var connection = database.Open();
        DataDatabase.Execute(connection, "BEGIN TRANSACTION");
        try
        {
            Forget(connection, table);
            var now = time.GetUtcNow().UtcDateTime;
            foreach (var s in suggestions.SelectMany(s => s.Alternatives.Prepend(s)))
                DataDatabase.Rows(connection, $"INSERT INTO {DataDatabase.MetaSchema}.suggestions VALUES (?, ?, ?, ?, ?) RETURNING 1", _ => 0,
                    table, s.Id, s.Rank, JsonSerializer.Serialize(s with { Alternatives = [] }, McpFlowJson.Options), now);
            DataDatabase.Execute(connection, "COMMIT");
        }
        catch
        {
            DataDatabase.Execute(connection, "ROLLBACK");
            throw;
        }
    }

    /// <inheritdoc />
    public Suggestion Find(string table, string? id)
    {
        SuggestionIds.Require(id, "suggestion_id");
        using var connection = database.Open();
        var name = database.Resolve(connection, table);
        var json = DataDatabase.Rows(connection, $"SELECT suggestion FROM {DataDatabase.MetaSchema}.suggestions WHERE table_name = ? AND id = ?",
            r => r.GetString(0), name, id).FirstOrDefault();
        return json is not null
            ? JsonSerializer.Deserialize<Suggestion>(json, McpFlowJson.Options)!
            : throw McpFlowException.NotFound($"No suggestion '{id}' for table '{name}'.",
                "Call suggest_transformations for the table (suggestions are kept until the table is reloaded), or pass operation and column explicitly.");
    }

    /// <summary>Forgets the suggestions of <paramref name="table"/> (it was reloaded, so they may no longer fit).</summary>
    public static void Forget(DuckDBConnection connection, string table) =>
        DataDatabase.Rows(connection, $"DELETE FROM {DataDatabase.MetaSchema}.suggestions WHERE table_name = ? RETURNING 1", _ => 0, table);
}
