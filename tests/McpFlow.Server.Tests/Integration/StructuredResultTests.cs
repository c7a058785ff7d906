using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using McpFlow.Core.Groups;
using McpFlow.Server.Tests.Support;
using McpFlow.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace McpFlow.Server.Tests.Integration;

/// <summary>
/// Structured content carries the same essentials as the text: on a prepared workspace (a loaded table, two logged
/// MLflow runs, a profile run), every hint sentence of a cheap tool's text that names another tool is also in its
/// structured content, and every tool that declares an output schema answers with structured content that the schema
/// accepts (JsonSchema.Net, 2020-12).
/// </summary>
public sealed partial class StructuredResultTests : McpServerTestBase
{
    protected override IReadOnlyList<IToolGroup> Groups => ToolGroups.All();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<TimeProvider>(new ManualTimeProvider());

    [Fact]
    public async Task EveryHintNamingAnotherTool_IsInTheStructuredContentToo()
    {
        var calls = await PrepareAsync();
        var names = (await Client.ListToolsAsync()).Select(t => t.Name).ToList();
        var missing = new List<string>();
        foreach (var (tool, arguments) in calls)
        {
            var result = await CallAsync(tool, arguments);
            if (result.IsError == true || result.StructuredContent is not { } structured)
                continue;
            var strings = Strings(structured).ToList();
            foreach (var sentence in Sentences(result.Text()))
            {
                if (IsHint(sentence, names.Where(n => n != tool)) && !strings.Any(s => s.Contains(sentence, StringComparison.Ordinal)))
                    missing.Add($"{tool}: {sentence}");
            }
        }

        missing.Should().BeEmpty();
    }

    [Fact]
    public async Task EveryDeclaredOutputSchema_AcceptsTheToolsStructuredContent()
    {
        var calls = await PrepareAsync();
        var declared = (await Client.ListToolsAsync()).Where(t => t.ProtocolTool.OutputSchema is not null).ToList();
        declared.Should().NotBeEmpty();
        declared.Select(t => t.Name).Except(calls.Keys).Should().BeEmpty("every tool with an output schema is called");

        var problems = new List<string>();
        foreach (var tool in declared)
        {
            var schema = JsonSchema.FromText(tool.ProtocolTool.OutputSchema!.Value.GetRawText());
            var result = await CallOkAsync(tool.Name, calls[tool.Name]);
            var evaluation = schema.Evaluate(result.Structured(), new EvaluationOptions { OutputFormat = OutputFormat.List });
            if (!evaluation.IsValid)
                problems.Add($"{tool.Name}: {string.Join("; ", (evaluation.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Value}")))}");
        }

        problems.Should().BeEmpty();
    }

    // A text's sentences: lines, split after a full stop that a capital letter follows; a "Next:" label is left off.
    private static IEnumerable<string> Sentences(string text) =>
        text.Split('\n')
            .SelectMany(line => SentenceEnd().Split(line))
            .Select(s => s.Trim().TrimStart('-', ' ', '_').TrimEnd('_'))
            .Select(s => s.StartsWith("Next: ", StringComparison.Ordinal) ? s["Next: ".Length..] : s)
            .Where(s => s.Length > 0);

    // A hint names a tool as a word (not in code quotes, not as a value after "=": tags and audit lines name tools as
    // data) and says what to do with it.
    private static bool IsHint(string sentence, IEnumerable<string> tools) =>
        HintVerb().IsMatch(sentence) && tools.Any(t => Regex.IsMatch(sentence, $@"(?<![\w`=]){t}(?![\w`])"));

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };

    [GeneratedRegex(@"\b(call|use|start|follow|present|load|apply|record|ask|approve|check|re-execute|waiting|next|then)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HintVerb();

    [GeneratedRegex(@"(?<=\.)\s+(?=[A-Z])")]
    private static partial Regex SentenceEnd();

    // The workspace and arguments of HonestAnnotationsTests, for the tools that answer without a long job.
    private async Task<Dictionary<string, object>> PrepareAsync()
    {
        var csv = Path.Combine(DataRoot, "sales.csv");
        await File.WriteAllLinesAsync(csv, ["city,amount,units", "Oslo,10.5,1", "Rome,20.25,2", "Oslo,7.75,3", "Lima,12,4", "Rome,30,5"]);
        await CallOkAsync("data_load", new { path = csv, table = "sales" });
        var a = (await CallOkAsync("mlflow_log_run", new { experiment = "demo", run_name = "a", @params = new { lr = "0.1" }, metrics = new { acc = new[] { 0.5, 0.7, 0.8 } } }))
            .Structured().GetProperty("runId").GetString()!;
        var b = (await CallOkAsync("mlflow_log_run", new { experiment = "demo", run_name = "b", @params = new { lr = "0.01" }, metrics = new { acc = new[] { 0.4, 0.6, 0.9 } } }))
            .Structured().GetProperty("runId").GetString()!;
        var profile = await CallOkAsync("analyze_dataframe", new { table = "sales" });
        var runId = profile.Structured().GetProperty("workbenchRun").GetProperty("runId").GetString()!;
        return new Dictionary<string, object>
        {
            ["server_info"] = new { probe_engines = false },
            ["job_list"] = new { },
            ["data_list_tables"] = new { },
            ["data_describe_table"] = new { table = "sales" },
            ["data_query"] = new { sql = "SELECT city, sum(amount) FROM sales GROUP BY city" },
            ["data_load"] = new { path = csv, table = "sales" },
            ["analyze_dataframe"] = new { table = "sales" },
            ["suggest_transformations"] = new { table = "sales" },
            ["analyze_mlflow_runs"] = new { experiment = "demo", metric = "acc" },
            ["explain_run_difference"] = new { run_a = a, run_b = b, metric = "acc" },
            ["mlflow_get_run"] = new { run_id = a },
            ["mlflow_leaderboard"] = new { experiment = "demo", metric = "acc" },
            ["mlflow_list_experiments"] = new { },
            ["mlflow_search_runs"] = new { experiment = "demo" },
            ["pinn_list_runs"] = new { },
            ["predict_convergence"] = new { losses = Enumerable.Range(0, 12).Select(i => Math.Pow(0.7, i)).ToArray(), target_loss = 0.001 },
            ["workbench_audit"] = new { },
            ["workbench_list_runs"] = new { },
            ["workbench_run_card"] = new { run_id = runId },
            ["workbench_review"] = new { run_id = runId },
        };
    }
}
