using System.Security.Cryptography;
using McpFlow.Core.Mcp;
using McpFlow.Core.Storage;
using McpFlow.Server.Tests.Support;
using McpFlow.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace McpFlow.Server.Tests.Integration;

/// <summary>
/// Annotations are checked by effect on a prepared workspace (a loaded table, two logged MLflow runs, a profile run):
/// every read-only tool leaves every workspace file (path, size, SHA-256) and the DuckDB catalogue (every table's rows)
/// as they were, and an idempotent tool called twice changes nothing the second time. Time stands still (a manual
/// clock), so a timestamp rewritten with the same value is no change. For idempotence the audit trail is left out (it
/// records every call of a state-changing tool by design: a log of calls, not an effect of the tool), and DuckDB's
/// own files are compared by content (the catalogue) rather than bytes (a rewrite of equal rows still appends to its WAL).
/// </summary>
public sealed class HonestAnnotationsTests : PreparedWorkspaceTestBase
{
    // Tools that need a trained network (minutes of training) are left out here; their folders are written only by
    // pinn_train, and their reads are covered by the physics tool tests.
    private static readonly HashSet<string> NotCoveredHere = ["pinn_evaluate"];

    [Fact]
    public async Task EveryReadOnlyTool_LeavesTheWorkspaceUnchanged()
    {
        var calls = await PrepareAsync();
        var readOnly = (await Client.ListToolsAsync()).Where(t => ToolHints.Effective(t.ProtocolTool.Annotations).ReadOnly).Select(t => t.Name).ToList();
        readOnly.Except(calls.Keys).Except(NotCoveredHere).Should().BeEmpty("every read-only tool is called");

        var changed = new List<string>();
        foreach (var tool in readOnly.Where(calls.ContainsKey))
        {
            var before = Snapshot();
            var result = await CallAsync(tool, calls[tool]);
            // job_status answers "no such job" here (no job runs in this workspace): the lookup is what is checked.
            if (tool != "job_status")
                result.IsError.Should().NotBe(true, $"{tool} is called with valid arguments: {result.Text()}");
            var after = Snapshot();
            if (!after.SequenceEqual(before))
                changed.Add($"{tool}: {string.Join(", ", after.Except(before).Concat(before.Except(after)).Take(4))}");
        }

        changed.Should().BeEmpty();
    }

    [Fact]
    public async Task EveryIdempotentTool_CalledTwice_ChangesNothingTheSecondTime()
    {
        var calls = await PrepareAsync();
        var idempotent = (await Client.ListToolsAsync()).Where(t => ToolHints.Effective(t.ProtocolTool.Annotations).Idempotent).Select(t => t.Name)
            .Where(calls.ContainsKey).ToList();
        idempotent.Should().Contain(["data_load", "suggest_transformations", "data_query", "workbench_run_card"]);

        var changed = new List<string>();
        foreach (var tool in idempotent)
        {
            await CallAsync(tool, calls[tool]);
            var before = Snapshot(effectsOnly: true);
            await CallAsync(tool, calls[tool]);
            var after = Snapshot(effectsOnly: true);
            if (!after.SequenceEqual(before))
                changed.Add($"{tool}: {string.Join(", ", after.Except(before).Concat(before.Except(after)).Take(4))}");
        }

        changed.Should().BeEmpty();
    }

    // Every workspace file as "path size sha256", and every DuckDB table as "schema.table rows md5(rows)". With
    // effectsOnly, the audit trail and DuckDB's files are left out (the catalogue stands for the database).
    private List<string> Snapshot(bool effectsOnly = false)
    {
        var files = Directory.EnumerateFiles(WorkspaceRoot, "*", SearchOption.AllDirectories)
            .Where(f => !effectsOnly || !(Path.GetRelativePath(WorkspaceRoot, f).StartsWith("audit", StringComparison.Ordinal)
                || f.EndsWith(".duckdb", StringComparison.Ordinal) || f.EndsWith(".duckdb.wal", StringComparison.Ordinal)))
            .Select(f => $"{Path.GetRelativePath(WorkspaceRoot, f)} {new FileInfo(f).Length} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))}");
        var tables = new List<string>();
        using var connection = Services.GetRequiredService<DuckDbGateway>().Open();
        var names = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT table_schema, table_name FROM information_schema.tables ORDER BY 1, 2";
            using var reader = list.ExecuteReader();
            while (reader.Read())
                names.Add($"\"{reader.GetString(0).Replace("\"", "\"\"", StringComparison.Ordinal)}\".\"{reader.GetString(1).Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
        }

        foreach (var name in names)
        {
            using var rows = connection.CreateCommand();
            rows.CommandText = $"SELECT count(*), md5(coalesce(string_agg(CAST(t AS VARCHAR), '|' ORDER BY CAST(t AS VARCHAR)), '')) FROM {name} AS t";
            using var reader = rows.ExecuteReader();
            reader.Read();
            tables.Add($"{name} {reader.GetValue(0)} {reader.GetString(1)}");
        }

        return files.Order(StringComparer.Ordinal).Concat(tables).ToList();
    }
}
