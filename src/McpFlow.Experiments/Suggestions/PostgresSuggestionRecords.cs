using System.Text.Json;
using McpFlow.Core.Errors;
using McpFlow.Core.Ids;
using McpFlow.Core.Mcp;
using McpFlow.Core.Team;
using McpFlow.Core.Tracking;
using Npgsql;
using NpgsqlTypes;

namespace McpFlow.Experiments.Suggestions;

/// <summary>Team mode's hyperparameter suggestion records (<c>mcpflow_hyperparam_suggestions</c>: id, the JSON the file
/// store would write, created_at), so a suggestion made through one McpFlow server is logged against or listed through
/// any other. Ids are checked against <see cref="IdKind.Suggestion"/>'s shape before any query.</summary>
public sealed class PostgresSuggestionRecords(TeamDatabase database) : ISuggestionStore
{
    private const string SaveSql =
        "INSERT INTO mcpflow_hyperparam_suggestions (id, body, created_at) VALUES (@id, @body, @at) " +
        "ON CONFLICT (id) DO UPDATE SET body = EXCLUDED.body, created_at = EXCLUDED.created_at";
    private const string GetSql = "SELECT body FROM mcpflow_hyperparam_suggestions WHERE id = @id";

    /// <inheritdoc />
    public void Save(HyperparameterSuggestion suggestion)
    {
        ArgumentNullException.ThrowIfNull(suggestion);
        WorkspaceIds.Require(IdKind.Suggestion, suggestion.Id, "suggestion_id");
        using var connection = database.Open();
        using var command = new NpgsqlCommand { Connection = connection };
        command.CommandText = SaveSql;
        command.Parameters.AddWithValue("id", suggestion.Id);
        command.Parameters.AddWithValue("body", JsonSerializer.Serialize(suggestion, McpFlowJson.Indented));
        command.Parameters.Add(new NpgsqlParameter("at", NpgsqlDbType.TimestampTz) { Value = suggestion.CreatedAt.UtcDateTime });
        command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public HyperparameterSuggestion Get(string id)
    {
        WorkspaceIds.Require(IdKind.Suggestion, id, "suggestion_id");
        using var connection = database.Open();
        using var command = new NpgsqlCommand { Connection = connection };
        command.CommandText = GetSql;
        command.Parameters.AddWithValue("id", id);
        var body = command.ExecuteScalar() as string
            ?? throw McpFlowException.NotFound($"Suggestion '{id}' does not exist.", "Call suggest_hyperparams to make suggestions; their ids look like sug-20261123-101500-ab12cd-1.");
        return JsonSerializer.Deserialize<HyperparameterSuggestion>(body, McpFlowJson.Options)
            ?? throw McpFlowException.NotFound($"Suggestion '{id}' is empty.");
    }
}
