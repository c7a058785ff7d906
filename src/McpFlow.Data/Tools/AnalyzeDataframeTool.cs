using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpFlow.Core.Files;
using McpFlow.Core.Jobs;
using McpFlow.Core.Mcp;
using McpFlow.Core.Runs;
using McpFlow.Data.Loading;
using McpFlow.Data.Profiling;
using McpFlow.Data.Storage;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Data.Tools;

/// <summary>The <c>analyze_dataframe</c> tool.</summary>
[McpServerToolType]
public sealed class AnalyzeDataframeTool(
    Profiler profiler, TableLoader loader, DataDatabase database, JobManager jobs, JobCalls calls, FileAccessGuard guard, IRunRecorder recorder,
    ProfileStore store)
{
    /// <summary>Profiles a table.</summary>
    [McpServerTool(Name = "analyze_dataframe", Title = "Profile a table",
        ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Profiles a table or file (statistics, quality problems, correlations, outliers) and records a run.")]
    public async Task<CallToolResult> Analyze(
        [Description("Table, e.g. \"customers\".")] string? table = null,
        [Description("File to load first, e.g. \"data/sales.csv\".")] string? path = null,
        [Description("Only these columns, e.g. [\"age\"].")] string[]? columns = null,
        IProgress<ProgressNotificationValue>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(table) == string.IsNullOrWhiteSpace(path))
            throw Core.Errors.McpFlowException.Invalid("Give exactly one of table or path.", "E.g. table=\"customers\", or path=\"examples/data/customers.csv\".");
        // A file larger than an inline load is loaded inside the job, under its cancellation and with its progress.
        var fromFile = string.IsNullOrWhiteSpace(table);
        if (fromFile && SourceFiles.Find(guard, path!).TotalSize > LoadTool.InlineLoadBytes)
            return await ProfileAsJobAsync($"Load and profile {Path.GetFileName(path)}", ctx =>
            {
                ctx.Report(null, $"Loading {Path.GetFileName(path)}");
                return loader.Load(path!, null, new LoadOptions(), force: false, ctx.CancellationToken).Table;
            }, path, columns, progress, cancellationToken);
        var name = !fromFile ? table! : loader.Load(path!, null, new LoadOptions(), force: false, cancellationToken).Table;
        if (InlineBudget.Fits(database, name, columns))
        {
            var profile = profiler.Profile(name, columns, null, cancellationToken);
            var run = await RecordAsync(profile, path, columns, cancellationToken);
            var (text, structured, next) = Answer(profile, run, cancellationToken);
            return ToolResults.Create(text, structured, next);
        }

        return await ProfileAsJobAsync($"Profile {name}", _ => name, path, columns, progress, cancellationToken);
    }

    private Task<CallToolResult> ProfileAsJobAsync(string title, Func<JobContext, string> tableOf, string? path, string[]? columns,
        IProgress<ProgressNotificationValue>? progress, CancellationToken cancellationToken)
    {
        var handle = jobs.Start("analyze_dataframe", title, async ctx =>
        {
            var name = tableOf(ctx);
            var profile = profiler.Profile(name, columns, (f, m) => ctx.Report(f, m), ctx.CancellationToken);
            var run = await RecordAsync(profile, path, columns, ctx.CancellationToken);
            var (text, structured, next) = Answer(profile, run, ctx.CancellationToken);
            return new JobResult(text, structured) { NextSteps = next };
        });
        return calls.AwaitAsync(handle, progress, null, cancellationToken);
    }

    // The profile is an analysis step with artifacts: it becomes a workbench run (self-reviewed, then approved or rejected).
    private Task<RecordedRun?> RecordAsync(TableProfile profile, string? path, string[]? columns, CancellationToken cancellationToken) =>
        recorder.RecordAsync(
            new RunStart("analyze_dataframe", "profile", $"Profile of {profile.Table}",
                JsonSerializer.SerializeToNode(new { table = profile.Table, path, columns }, McpFlowJson.Options),
                InputsOf(path)),
            folder =>
            {
                var json = Path.Combine(folder, "profile.json");
                var markdown = Path.Combine(folder, "profile.md");
                var text = ProfileText.Render(profile);
                File.WriteAllText(json, JsonSerializer.Serialize(profile, McpFlowJson.Indented));
                File.WriteAllText(markdown, text);
                var metrics = new Dictionary<string, double>
                {
                    ["row_count"] = profile.Rows,
                    ["column_count"] = profile.ColumnCount,
                    ["missing_cells"] = profile.MissingCells,
                    ["duplicate_rows"] = profile.DuplicateRows,
                    ["alert_count"] = profile.Alerts.Count,
                };
                return new RunOutcome([json, markdown], metrics, text.Split("\n\n")[0],
                    "Review the alerts, then call suggest_transformations for this table.");
            },
            cancellationToken);

    // A single loaded file is hashed so the run turns STALE when the file changes (globs are not tracked).
    private IReadOnlyList<RunInput> InputsOf(string? path)
    {
        if (path is null || path.AsSpan().IndexOfAny('*', '?', '[') >= 0)
            return [];
        var full = guard.ResolveExistingFile(path);
        return [new RunInput(Path.GetFileName(full), full)];
    }

    // The answer fits the result budget (ResultBudget): the text caps its lists (ProfileText.MaxLines) and the structured
    // profile is thinned when it must be (ProfileBudget); the full profile is saved in the workspace and linked, and the
    // next steps end the text and are the structured nextSteps (ToolResults.Create inline, JobResult.NextSteps in a job).
    private (string Text, JsonObject Structured, IReadOnlyList<string> Next) Answer(TableProfile profile, RecordedRun? run, CancellationToken cancellationToken)
    {
        var file = store.Save(profile, cancellationToken);
        var resource = ProfileStore.ResourceUri(profile.Table);
        var next = new List<string> { $"Review the alerts, then call suggest_transformations with table=\"{profile.Table}\"." };
        if (run is not null)
            next.AddRange(RunRecording.NextSteps(run));
        var text = ProfileText.Render(profile) + (run is null ? "" : "\n\n" + RunRecording.Status(run));
        // The next steps appear twice (text and structured content), like the link and omissions line.
        var fit = ProfileBudget.Fit(profile, ProfileBudget.StructuredCharacters(text.Length + 2 * next.Sum(n => n.Length + 8) + 500));
        text += "\n\n" + (fit.Omitted.Count == 0 ? "" : $"The structured result leaves out {string.Join("; ", fit.Omitted)}, to fit the result budget. ") +
                $"Full profile: resource {resource} (file {file}).";
        var structured = JsonSerializer.SerializeToNode(fit.Profile, McpFlowJson.Options)!.AsObject();
        if (run is not null)
            structured["workbenchRun"] = JsonSerializer.SerializeToNode(run, McpFlowJson.Options);
        structured["fullProfile"] = new JsonObject { ["resource"] = resource, ["path"] = file };
        if (fit.Omitted.Count > 0)
            structured["omitted"] = new JsonArray(fit.Omitted.Select(o => (JsonNode?)JsonValue.Create(o)).ToArray());
        return (text, structured, next);
    }
}
