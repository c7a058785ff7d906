using System.Text.Json;
using System.Text.Json.Nodes;
using McpFlow.Core.Errors;
using McpFlow.Core.Jobs;
using McpFlow.Core.Jobs.Distributed;
using McpFlow.Core.Mcp;
using McpFlow.Core.Storage;

namespace McpFlow.Data.Reports;

/// <summary>
/// generate_eda_report's job (a table too large to report inline): in the process that started it, or rebuilt on a worker
/// (team mode, queue <see cref="Queue"/>) from its parameters (<c>table</c>, <c>formats</c>, the table's catalogue
/// version), which pass the tool's own checks again (<see cref="EdaReportGenerator.Wanted"/>; the table is looked up by
/// name) before the worker makes the table local (<see cref="JobInputTables"/>).
/// </summary>
public sealed class EdaReportJob(EdaReportGenerator generator, DuckDbGateway gateway) : IDistributedJobHandler
{
    /// <summary>The job kind.</summary>
    public const string Kind = "generate_eda_report";

    /// <summary>The worker queue of reports.</summary>
    public const string Queue = "reports";

    /// <summary>The parameters a report is enqueued with.</summary>
    public JsonNode Parameters(string table, IReadOnlyList<string>? formats) => new JsonObject
    {
        ["table"] = table,
        ["formats"] = JsonSerializer.SerializeToNode(formats ?? [], McpFlowJson.Options),
        [JobInputTables.VersionParameter] = JobInputTables.Version(gateway, table),
    };

    /// <inheritdoc />
    public Task<JobResult> RunAsync(JsonNode parameters, JobContext context)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var table = parameters["table"] is JsonValue t && t.TryGetValue<string>(out var name) && !string.IsNullOrWhiteSpace(name)
            ? name
            : throw McpFlowException.Invalid("The report job has no table.");
        var formats = parameters["formats"]?.Deserialize<string[]>(McpFlowJson.Options);
        EdaReportGenerator.Wanted(formats);
        JobInputTables.EnsureLocal(gateway, table, parameters, context);
        return Task.FromResult(Run(table, formats, context));
    }

    /// <summary>Writes the report.</summary>
    public JobResult Run(string table, IReadOnlyList<string>? formats, JobContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var report = generator.Generate(table, formats, (f, m) => context.Report(f, m), context.CancellationToken);
        return new JobResult(EdaReportText.Text(report), JsonSerializer.SerializeToNode(report, McpFlowJson.Options)) { NextSteps = EdaReportText.NextSteps(report) };
    }
}
