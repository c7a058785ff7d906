using System.Text.Json.Nodes;
using McpFlow.Security.Tests.Fuzz;
using McpFlow.Security.Tests.Sandbox;

namespace McpFlow.Security.Tests.Escapes;

/// <summary>
/// Client text spliced into SQL: a pipeline spec's date parts (issue 11's reproduction: features.dateParts through
/// evaluate_pipeline_steps returned a file's content in the error), every other spec field that names a column or a
/// table, and every identifier parameter of the data and pipeline tools. A payload that runs shows the canary (it reads
/// the canary file) or drops the seeded table.
/// </summary>
internal static class InjectionEscapes
{
    /// <summary>SQL payloads that read the canary file if spliced into a statement, in the quoting contexts they target.</summary>
    public static IEnumerable<(string Label, string Payload)> Payloads(SandboxFolders s)
    {
        var file = $"{s.Outside}/canary.txt";
        return
        [
            ("date_part splice", $"year', \"ts\")::DOUBLE + error((SELECT content FROM read_text('{file}')))::DOUBLE + date_part('year"),
            ("quoted identifier", $"ts\") || (SELECT content FROM read_text('{file}')) || (\""),
            ("string literal", $"x' || (SELECT content FROM read_text('{file}')) || '"),
            ("union", $"amount\" FROM sales UNION ALL SELECT content FROM read_text('{file}') --"),
            ("drop", "x\"; DROP TABLE sales; --"),
            ("stacked quote", "x'; DROP TABLE sales; --"),
            ("bare", $"(SELECT content FROM read_text('{file}'))"),
        ];
    }

    /// <summary>Pipeline specs with a payload in one field, sent as spec JSON to the three tools that take one.</summary>
    public static IEnumerable<EscapeAttempt> Specs(SandboxFolders s, SeedIds ids)
    {
        var fields = new (string Label, Action<JsonObject, string> Set)[]
        {
            ("features.dateParts", (spec, p) => spec["features"]!["dateParts"] = new JsonArray(p)),
            ("table", (spec, p) => spec["table"] = p),
            ("target", (spec, p) => spec["target"] = p),
            ("timeColumn", (spec, p) => spec["timeColumn"] = p),
            ("columns[].name", (spec, p) => spec["columns"]![1]!["name"] = p),
        };
        // evaluate_pipeline_steps (the reproduction) gets every payload in the date parts and three in each other field;
        // the other spec-taking tools get the date-part splice in two forms (each accepted spec costs a training).
        var plan = fields.SelectMany(f => Payloads(s).Take(f.Label == "features.dateParts" ? 7 : 3).Select(p => ("evaluate_pipeline_steps", f, p)))
            .Concat(new[] { "pipeline_compare_models", "pipeline_train", "pipeline_tune" }.SelectMany(t => Payloads(s).Take(2).Select(p => (t, fields[0], p))));
        foreach (var (tool, (field, set), (label, payload)) in plan)
        {
            var spec = (JsonObject)ids.PipelineSpecJson.DeepClone();
            set(spec, payload);
            var arguments = Baselines.For(tool, ids)!;
            arguments["spec"] = spec.ToJsonString();
            // Wait for the job: a payload that runs does so inside it, and its error or result is what would leak.
            arguments["wait_seconds"] = 45;
            yield return EscapeAttempt.Call(tool, "spec", $"{field} {label}", arguments);
        }
    }

    /// <summary>Identifier parameters of the data and pipeline tools (tool, parameter, whether it takes a list).</summary>
    public static readonly IReadOnlyList<(string Tool, string Parameter, bool List)> Identifiers =
    [
        ("data_describe_table", "table", false), ("analyze_dataframe", "table", false), ("analyze_dataframe", "columns", true),
        ("suggest_transformations", "table", false), ("suggest_transformations", "columns", true), ("data_apply_transformation", "table", false),
        ("data_apply_transformation", "column", false), ("data_apply_transformation", "new_column", false), ("data_apply_transformation", "text", false),
        ("generate_eda_report", "table", false), ("data_export", "table", false), ("data_load", "table", false), ("data_load", "source_table", false),
        ("data_load", "sheet", false), ("data_load", "delimiter", false), ("data_load", "encoding", false), ("generate_pipeline", "table", false),
        ("generate_pipeline", "target", false), ("generate_pipeline", "time_column", false), ("pipeline_detect_series_events", "table", false),
        ("pipeline_detect_series_events", "value_column", false), ("pipeline_detect_series_events", "time_column", false),
        ("pipeline_predict", "table", false), ("pipeline_predict", "output_table", false), ("workbench_compare", "metrics", true),
        ("workbench_compare", "rank_by", false), ("mlflow_search_runs", "filter", false), ("mlflow_search_runs", "order_by", true),
        ("mlflow_list_experiments", "filter", false), ("analyze_mlflow_runs", "metric", false), ("mlflow_leaderboard", "metric", false),
    ];

    /// <summary>Each identifier parameter with each payload; plus the table resource.</summary>
    public static IEnumerable<EscapeAttempt> IdentifierAttempts(SandboxFolders s, SeedIds ids)
    {
        foreach (var (tool, parameter, list) in Identifiers)
            foreach (var (label, payload) in Payloads(s))
            {
                var arguments = Baselines.For(tool, ids)!;
                arguments[parameter] = list ? new JsonArray(payload) : payload;
                if (tool == "data_apply_transformation" && parameter == "text")
                {
                    arguments["operation"] = "parse_date";
                    arguments["column"] = "region";
                }

                // Filters and texts are values, and new names or workbench metric names are only names: a payload there may be
                // answered (no match, a column with an odd name), but must not run. source_table and sheet are ignored for CSV.
                var mustRefuse = !(parameter is "filter" or "text" or "new_column" or "output_table" or "source_table" or "sheet"
                    || tool is "workbench_compare" || (tool == "data_load" && parameter == "table"));
                yield return new EscapeAttempt($"{tool}.{parameter}", label, tool, arguments) { MustRefuse = mustRefuse };
            }

        foreach (var (label, payload) in Payloads(s))
            yield return EscapeAttempt.Read("mcpflow://data/tables/{table}", label, "mcpflow://data/tables/" + Uri.EscapeDataString(payload));
        // The full profile is a file named after the table (ProfileStore): names are reduced to a safe file name there.
        foreach (var (label, payload) in Payloads(s))
            yield return EscapeAttempt.Read("mcpflow://data/profiles/{table}", label, "mcpflow://data/profiles/" + Uri.EscapeDataString(payload));
        // Tool pages are embedded resources looked up by tool name (ToolDocumentation): no file is ever opened for a name.
        foreach (var (label, payload) in Payloads(s))
            yield return EscapeAttempt.Read("mcpflow://docs/tools/{name}", label, "mcpflow://docs/tools/" + Uri.EscapeDataString(payload));
    }
}
