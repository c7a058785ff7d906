using McpFlow.Core.Configuration;
using McpFlow.Core.Errors;
using McpFlow.Core.Team;
using McpFlow.Core.Tracking;
using McpFlow.Experiments.Suggestions;
using McpFlow.Experiments.Tests.Fixtures;
using McpFlow.Testing.Postgres;
using Microsoft.Extensions.Time.Testing;

namespace McpFlow.Experiments.Tests.Suggestions;

/// <summary>Team mode's hyperparameter suggestion records on the real PostgreSQL: a record saved by one process is read by
/// another (each with its own <see cref="TeamDatabase"/> and pool); ids are checked before any query.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSuggestionRecordsTests(PostgresServer postgres) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));
    private readonly List<TeamDatabase> _opened = [];
    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = await postgres.CreateTeamDatabaseAsync("team_" + Guid.NewGuid().ToString("N")[..10]);

    public Task DisposeAsync()
    {
        foreach (var database in _opened)
            database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void ASuggestionSavedThroughOneProcess_IsReadThroughAnother()
    {
        var saved = new HyperparameterSuggestion("sug-20261203-120000-ab12cd-1", "churn", "auc", true,
            new Dictionary<string, string> { ["learning_rate"] = "0.003", ["max_depth"] = "6" }, 0.91, 0.02, 0.01, "GP-EI beside the best run.", _time.GetUtcNow());

        new PostgresSuggestionRecords(Process()).Save(saved);
        var read = new PostgresSuggestionRecords(Process()).Get(saved.Id);

        read.Should().BeEquivalentTo(saved);
    }

    [Fact]
    public void AnUnknownOrMalformedId_IsRefusedWithTheShape()
    {
        var records = new PostgresSuggestionRecords(Process());

        records.Invoking(r => r.Get("sug-20261203-120000-ab12cd-9")).Should().Throw<McpFlowException>().WithMessage("Suggestion 'sug-20261203-120000-ab12cd-9' does not exist.");
        records.Invoking(r => r.Get("x'; DROP TABLE mcpflow_hyperparam_suggestions; --")).Should().Throw<McpFlowException>().WithMessage("suggestion_id * is not a*");
    }

    private TeamDatabase Process()
    {
        var options = new McpFlowOptions();
        options.Team.Database = _connectionString;
        var database = new TeamDatabase(options, _time);
        _opened.Add(database);
        return database;
    }
}
