using System.Text.Json.Nodes;
using McpFlow.Security.Tests.Harness;

namespace McpFlow.Security.Tests.Escapes;

/// <summary>
/// The lock-down proven per connection from the outside (issue 11: it answered false on the first data_query and true
/// on the next ones): the setting read on the 1st and 2nd query, after the pipelines and profiling tools opened their own
/// connections, after 100 more queries, and through data_export. And the end state after every class: the seeded table
/// intact, the audit trail verifying.
/// </summary>
internal static class LockdownProbes
{
    /// <summary>Queries after which the Nth probe runs.</summary>
    public const int QueriesBeforeNth = 100;

    /// <summary>The attempts, in order.</summary>
    public static IEnumerable<EscapeAttempt> Attempts(EscapeFixture fixture)
    {
        var ids = fixture.Workspace.Ids;
        yield return Probe("1st query");
        yield return Probe("2nd query");
        foreach (var (tool, arguments) in new (string, JsonObject)[]
                 {
                     ("generate_pipeline", new() { ["table"] = ids.Table, ["target"] = "label", ["folds"] = 2 }),
                     ("pipeline_detect_series_events", new() { ["table"] = ids.Table, ["value_column"] = "amount", ["time_column"] = "ts" }),
                     ("analyze_dataframe", new() { ["table"] = ids.Table, ["columns"] = new JsonArray("amount") }),
                     ("data_describe_table", new() { ["table"] = ids.Table }),
                 })
        {
            yield return new EscapeAttempt($"{tool}.connection", "opens its own connection", tool, arguments) { MustRefuse = false };
            yield return Probe("query after " + tool);
        }

        for (var i = 0; i < QueriesBeforeNth; i++)
            yield return new EscapeAttempt("data_query.sql", $"query {i + 3}", "data_query", new JsonObject { ["sql"] = $"SELECT {i} AS n" }) { MustRefuse = false };
        yield return Probe($"query {QueriesBeforeNth + 3}");
        var exported = Path.Combine(fixture.Workspace.Sandbox.Root, "exports", "lockdown.csv");
        yield return new EscapeAttempt("data_export.sql", "probe through data_export", "data_export",
            new JsonObject { ["path"] = exported, ["sql"] = SqlEscapes.LockdownProbe, ["overwrite"] = true })
        {
            MustRefuse = false,
            Verdict = o => !o.Refused && File.Exists(exported) && File.ReadAllText(exported).Contains("LOCKDOWN-OFF", StringComparison.Ordinal)
                ? "the export's connection has external access on" : null,
        };
    }

    /// <summary>The end state: the seeded table intact, the audit trail verifying, the lock-down still on.</summary>
    public static IEnumerable<EscapeAttempt> AfterAll(EscapeFixture fixture) =>
    [
        new EscapeAttempt("data_query.sql", "seeded table has its 120 rows", "data_query", new JsonObject { ["sql"] = $"SELECT count(*) AS n FROM {fixture.Workspace.Ids.Table}" })
        {
            MustRefuse = false,
            Verdict = o => o.Refused || !o.Text.Contains($"| {Sandbox.SalesData.Rows} |", StringComparison.Ordinal) ? "the seeded table lost rows or is gone: " + o.Excerpt() : null,
        },
        new EscapeAttempt("workbench_audit.action", "audit trail verifies", "workbench_audit", new JsonObject { ["action"] = "verify" })
        {
            MustRefuse = false,
            Verdict = o => o.Refused || !o.Structured.Contains("\"valid\":true", StringComparison.Ordinal) ? "the audit trail does not verify: " + o.Excerpt() : null,
        },
        Probe("after every class"),
    ];

    /// <summary>The lock-down probe through data_query: answered ON, or refused; never OFF.</summary>
    public static EscapeAttempt Probe(string when) =>
        new("data_query.sql", "lock-down on, " + when, "data_query", new JsonObject { ["sql"] = SqlEscapes.LockdownProbe })
        {
            MustRefuse = false,
            Verdict = LockdownOff,
        };

    private static string? LockdownOff(CallOutcome outcome) =>
        outcome.Text.Contains("LOCKDOWN-OFF", StringComparison.Ordinal) ? "enable_external_access is true on this connection" : null;
}
