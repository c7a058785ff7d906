using System.Text.Json;
using McpFlow.Core.Errors;
using McpFlow.Core.Mcp;
using McpFlow.Core.Team;
using McpFlow.Data.Storage;
using Npgsql;
using NpgsqlTypes;

namespace McpFlow.Data.Transformations;

/// <summary>
/// Team mode's transformation suggestions (<c>mcpflow_transform_suggestions</c> in the team database), so a suggestion
/// id made through one McpFlow server is applied through any other. As in the workspace database, suggesting again for a
/// table replaces its suggestions, and reloading the table forgets them (the catalogue deletes them when it publishes a
/// reloaded version).
/// </summary>
public sealed class PostgresSuggestionStore(TeamDatabase team, DataDatabase database, TimeProvider time) : ITransformSuggestionStore
{
    private const string ForgetSql = "DELETE FROM mcpflow_transform_suggestions WHERE name_key = @key";
    private const string InsertSql =
        "INSERT INTO mcpflow_transform_suggestions (name_key, id, rank, suggestion, created_at) VALUES (@key, @id, @rank, @suggestion, @at) " +
        "ON CONFLICT (name_key, id) DO UPDATE SET rank = EXCLUDED.rank, suggestion = EXCLUDED.suggestion, created_at = EXCLUDED.created_at";
    private const string FindSql = "SELECT suggestion FROM mcpflow_transform_suggestions WHERE name_key = @key AND id = @id";

    /// <inheritdoc />
    public void Store(string table, IReadOnlyList<Suggestion> suggestions)
    {
        ArgumentNullException.ThrowIfNull(suggestions);
        using var connection = team.Open();
        using var transaction = connection.BeginTransaction();
        using (var forget = Command(connection, ForgetSql, transaction))
        {
            forget.Parameters.AddWithValue("key", table.ToLowerInvariant());
            forget.ExecuteNonQuery();
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var s in suggestions.SelectMany(s => s.Alternatives.Prepend(s)))
        {
            using var insert = Command(connection, InsertSql, transaction);
            insert.Parameters.AddWithValue("key", table.ToLowerInvariant());
            insert.Parameters.AddWithValue("id", s.Id);
            insert.Parameters.AddWithValue("rank", s.Rank);
            insert.Parameters.AddWithValue("suggestion", JsonSerializer.Serialize(s with { Alternatives = [] }, McpFlowJson.Options));
            insert.Parameters.Add(new NpgsqlParameter("at", NpgsqlDbType.TimestampTz) { Value = now });
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <inheritdoc />
    public Suggestion Find(string table, string? id)
    {
        SuggestionIds.Require(id, "suggestion_id");
        string name;
        using (var local = database.Open())
            name = database.Resolve(local, table);
        using var connection = team.Open();
        using var command = Command(connection, FindSql);
        command.Parameters.AddWithValue("key", name.ToLowerInvariant());
        command.Parameters.AddWithValue("id", id!);
        var json = command.ExecuteScalar() as string;
        return json is not null
            ? JsonSerializer.Deserialize<Suggestion>(json, McpFlowJson.Options)!
            : throw McpFlowException.NotFound($"No suggestion '{id}' for table '{name}'.",
                "Call suggest_transformations for the table (suggestions are kept until the table is reloaded), or pass operation and column explicitly.");
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null)
    {
        var command = new NpgsqlCommand { Connection = connection, Transaction = transaction };
        command.CommandText = sql;
        return command;
    }
}
