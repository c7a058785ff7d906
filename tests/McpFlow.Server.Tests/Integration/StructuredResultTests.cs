using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using McpFlow.Server.Tests.Support;
using McpFlow.Testing;

namespace McpFlow.Server.Tests.Integration;

/// <summary>
/// Structured content carries the same essentials as the text: on a prepared workspace (a loaded table, two logged
/// MLflow runs, a profile run), every hint sentence of a cheap tool's text that names another tool is also in its
/// structured content, and every tool that declares an output schema answers with structured content that the schema
/// accepts (JsonSchema.Net, 2020-12).
/// </summary>
public sealed partial class StructuredResultTests : PreparedWorkspaceTestBase
{
    // The tools whose structured shape is stable, one record each: they declare it as their outputSchema (ToolSchemas).
    private static readonly string[] Declared =
        ["data_export", "data_list_tables"];

    // Why the others declare none. A tool that may answer with a job handle has two shapes (its result, or the job
    // envelope { job, result, nextSteps }); others carry data whose shape is the user's (rows, params, specs), or a
    // shape too large for tools/list's budget (issue 12: 8,000 tokens for the whole list).
    private const string Job = "may answer with a job envelope instead of its result";
    private const string UserShaped = "carries user-shaped data (rows, params, specs, job parameters)";
    private const string Large = "its shape is large: a schema would cost tools/list more than it helps";
    private const string Varies = "answers in more than one shape (by argument or outcome)";
    private const string Confirmation = "a confirmation whose text states all of it: a schema would cost tools/list more than it helps";

    private static readonly Dictionary<string, string> Undeclared = new()
    {
        ["analyze_dataframe"] = Job, ["data_load"] = Job, ["data_load_source"] = Job, ["data_list_sources"] = Large, ["generate_eda_report"] = Job, ["pipeline_train"] = Job, ["pinn_train"] = Job,
        ["pipeline_compare_models"] = Job, ["pipeline_ensemble"] = Job, ["evaluate_pipeline_steps"] = Job, ["job_status"] = Job, ["pipeline_tune"] = Job,
        ["data_query"] = UserShaped, ["data_describe_table"] = UserShaped, ["job_list"] = UserShaped, ["job_cancel"] = UserShaped,
        ["generate_pipeline"] = UserShaped, ["pipeline_predict"] = UserShaped, ["mlflow_get_run"] = UserShaped, ["mlflow_search_runs"] = UserShaped,
        ["data_apply_transformation"] = UserShaped, ["pinn_evaluate"] = UserShaped, ["workbench_record_run"] = UserShaped,
        ["server_info"] = Large, ["suggest_transformations"] = Large, ["analyze_mlflow_runs"] = Large, ["explain_run_difference"] = Large,
        ["mlflow_leaderboard"] = Large, ["suggest_hyperparams"] = Large, ["analyze_pde_problem"] = Large, ["validate_solution"] = Large,
        ["mlflow_log_run"] = Confirmation, ["pinn_status"] = Large, ["pinn_list_runs"] = Large, ["mlflow_list_experiments"] = Large, ["predict_convergence"] = Large, ["pipeline_detect_series_events"] = Large, ["workbench_list_runs"] = Large, ["workbench_run_card"] = Large,
        ["workbench_review"] = Large, ["workbench_compare"] = Large, ["workbench_report"] = Large,
        ["mlflow_register_model"] = UserShaped, ["mlflow_models"] = Varies, ["mlflow_set_model_alias"] = Varies,
        ["workbench_audit"] = Varies, ["workbench_decide"] = Varies, ["workbench_request_approval"] = Varies,
    };

    [Fact]
    public async Task TheToolsDeclaringAnOutputSchema_AreTheChosenOnes_AndEveryOtherToolSaysWhyNot()
    {
        var tools = await Client.ListToolsAsync();
        tools.Where(t => t.ProtocolTool.OutputSchema is not null).Select(t => t.Name).Should().BeEquivalentTo(Declared);
        tools.Select(t => t.Name).Except(Declared).Should().BeEquivalentTo(Undeclared.Keys, "a new tool needs a decision: declare its output schema, or say why not");
    }

    [Fact]
    public async Task EveryHintNamingAnotherTool_IsInTheStructuredContentToo()
    {
        var calls = await PrepareWithExtrasAsync();
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
        var calls = await PrepareWithExtrasAsync();
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

    // The prepared workspace's calls, plus the state-changing tools that answer at once.
    private async Task<Dictionary<string, object>> PrepareWithExtrasAsync()
    {
        var calls = await PrepareAsync();
        calls["analyze_dataframe"] = new { table = "sales" };
        calls["workbench_review"] = new { run_id = ProfileRunId };
        calls["data_export"] = new { path = Path.Combine(DataRoot, "sales-export.csv"), table = "sales", overwrite = true };
        calls["mlflow_log_run"] = new { experiment = "demo", run_name = "c", @params = new { lr = "0.2" }, metrics = new { acc = 0.75 }, tags = new { model = "tree" } };
        return calls;
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
}
