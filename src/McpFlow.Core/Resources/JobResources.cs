using System.ComponentModel;
using System.Text.Json;
using McpFlow.Core.Jobs;
using McpFlow.Core.Mcp;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Core.Resources;

/// <summary>Background jobs as MCP resources: the list, and each job's record with its result.</summary>
[McpServerResourceType]
public sealed class JobResources(JobManager jobs)
{
    /// <summary>URI of the job list.</summary>
    public const string ListUri = "mcpflow://jobs";

    /// <summary>The jobs of this workspace, newest first.</summary>
    [McpServerResource(UriTemplate = ListUri, Name = "jobs", Title = "Background jobs", MimeType = "application/json")]
    [Description("The background jobs of this workspace, newest first, with state and latest progress.")]
    public TextResourceContents List() => new()
    {
        Uri = ListUri,
        MimeType = "application/json",
        Text = JsonSerializer.Serialize(new { jobs = jobs.List(limit: 200) }, McpFlowJson.Indented),
    };

    /// <summary>One job's record and, when finished, its result.</summary>
    [McpServerResource(UriTemplate = "mcpflow://jobs/{job_id}", Name = "job", Title = "Background job", MimeType = "application/json")]
    [Description("A background job's record (state, progress, timings, error) and, once it succeeded, its full result.")]
    public TextResourceContents Get([Description("Job id, e.g. job-20261123-101500-ab12cd.")] string job_id)
    {
        var record = jobs.Get(job_id);
        var result = record.State == JobState.Succeeded ? jobs.GetResult(job_id) : null;
        return new TextResourceContents
        {
            Uri = $"mcpflow://jobs/{job_id}",
            MimeType = "application/json",
            Text = JsonSerializer.Serialize(new { job = record, result }, McpFlowJson.Indented),
        };
    }
}
