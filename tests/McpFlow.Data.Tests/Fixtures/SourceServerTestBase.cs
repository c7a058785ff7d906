using McpFlow.Data.Storage;
using McpFlow.Testing;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;

namespace McpFlow.Data.Tests.Fixtures;

/// <summary>A data-group server configured with a real database source (PostgreSQL or MariaDB fixture), with helpers
/// to read the workspace and to follow a load until it finishes or fails.</summary>
public abstract class SourceServerTestBase : DataServerTestBase
{
    /// <summary>Rows of a workspace query, each value as the DuckDB reader returns it.</summary>
    protected List<object?[]> WorkspaceRows(string sql)
    {
        using var connection = Services.GetRequiredService<DataDatabase>().Open();
        return DataDatabase.Rows(connection, sql, r =>
        {
            var values = new object?[r.FieldCount];
            for (var i = 0; i < values.Length; i++)
                values[i] = r.IsDBNull(i) ? null : r.GetValue(i);
            return values;
        });
    }

    /// <summary>The workspace column types of <paramref name="table"/>, by column.</summary>
    protected Dictionary<string, string> WorkspaceTypes(string table)
    {
        using var connection = Services.GetRequiredService<DataDatabase>().Open();
        return TableCatalog.Columns(connection, table).ToDictionary(c => c.Name, c => c.Type);
    }

    /// <summary>Calls <c>data_load_source</c> and follows its job until it finished or failed.</summary>
    protected async Task<CallToolResult> CallUntilFinishedOrFailedAsync(object arguments)
    {
        var result = await CallAsync("data_load_source", arguments);
        while (result.IsError != true && result.StructuredContent is { } s && s.TryGetProperty("job", out var job)
               && job.GetProperty("state").GetString() is "queued" or "running")
            result = await CallAsync("job_status", new { job_id = job.GetProperty("id").GetString(), wait_seconds = 45 });
        return result;
    }

    /// <summary>The answer's text and structured content, after asserting it is an error that shows none of <paramref name="secrets"/>.</summary>
    protected static string Failed(CallToolResult result, params string[] secrets)
    {
        var all = result.Text() + (result.StructuredContent?.GetRawText() ?? "");
        foreach (var secret in secrets)
            all.Should().NotContain(secret);
        result.IsError.Should().BeTrue(all);
        return all;
    }
}
