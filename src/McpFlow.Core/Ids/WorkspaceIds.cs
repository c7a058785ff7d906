using System.Text.RegularExpressions;
using McpFlow.Core.Errors;

namespace McpFlow.Core.Ids;

/// <summary>
/// Ids are ids, never paths: every id a client sends back is checked against the strict shape of its kind before it
/// is looked up, and ids become folder names only through <see cref="ChildFolder"/>, which checks the shape again
/// and that the result is a direct child of the parent folder.
/// </summary>
public static partial class WorkspaceIds
{
    /// <summary>Longest id accepted of any kind (a model id carries a table and trainer name of up to 100 characters).</summary>
    public const int MaxLength = 128;

    /// <summary>True when <paramref name="id"/> has the shape of <paramref name="kind"/>.</summary>
    public static bool IsValid(IdKind kind, string? id) =>
        id is not null && id.Length <= MaxLength && Pattern(kind).IsMatch(id);

    /// <summary>Returns <paramref name="id"/> when it has the shape of <paramref name="kind"/>, otherwise throws an
    /// error naming <paramref name="parameter"/>, the expected shape and where to find valid ids.</summary>
    public static string Require(IdKind kind, string? id, string parameter)
    {
        if (IsValid(kind, id))
            return id!;
        var shown = id is null ? "(missing)" : id.Length <= 40 ? $"'{id}'" : $"'{id[..40]}…' ({id.Length} characters)";
        throw McpFlowException.Invalid($"{parameter} {shown} is not a {Describe(kind)} id; they look like {Example(kind)}.", Where(kind));
    }

    /// <summary>The folder of an id under <paramref name="parent"/>, after checking the id's shape; never outside
    /// <paramref name="parent"/>.</summary>
    public static string ChildFolder(string parent, IdKind kind, string id, string parameter)
    {
        Require(kind, id, parameter);
        var full = Path.Combine(Path.GetFullPath(parent), id);
        if (!string.Equals(Path.GetDirectoryName(full), Path.TrimEndingDirectorySeparator(Path.GetFullPath(parent)), StringComparison.Ordinal))
            throw McpFlowException.Forbidden($"{parameter} does not name a folder of the workspace.");
        return full;
    }

    /// <summary>A typical id of the kind, for messages and descriptions.</summary>
    public static string Example(IdKind kind) => kind switch
    {
        IdKind.Job => "job-20261123-101500-ab12cd",
        IdKind.Run => "run-20261123-101500-ab12cd",
        IdKind.PinnRun => "pinn-20261123-101500-ab12",
        IdKind.Pipeline => "pl-20261123-101500-ab12cd",
        IdKind.Suggestion => "sug-20261123-101500-ab12cd-1",
        IdKind.Model => "sales-lightgbm-20261123-101500-ab12",
        IdKind.MlflowRun => "0f3c9a5e8b1d4e2f9a7c6b5d4e3f2a1b",
        IdKind.MlflowExperiment => "123456789012345678",
        IdKind.Tune => "tune-20261123-101500-ab12cd",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string Describe(IdKind kind) => kind switch
    {
        IdKind.Job => "job",
        IdKind.Run => "workbench run",
        IdKind.PinnRun => "PINN run",
        IdKind.Pipeline => "pipeline",
        IdKind.Suggestion => "suggestion",
        IdKind.Model => "trained model",
        IdKind.MlflowRun => "MLflow run",
        IdKind.MlflowExperiment => "MLflow experiment",
        IdKind.Tune => "tuning",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string Where(IdKind kind) => kind switch
    {
        IdKind.Job => "Call job_list to see the job ids.",
        IdKind.Run => "Call workbench_list_runs to see the run ids.",
        IdKind.PinnRun => "Call pinn_runs to see the PINN run ids.",
        IdKind.Pipeline => "Call generate_pipeline to create a pipeline; its id is in the result.",
        IdKind.Suggestion => "Call suggest_hyperparams; each suggestion's id is in the result.",
        IdKind.Model => "Train one with pipeline_train; its result has the model_id.",
        IdKind.MlflowRun => "Call mlflow_search_runs to see run ids.",
        IdKind.MlflowExperiment => "Call mlflow_list_experiments to see experiment ids.",
        IdKind.Tune => "pipeline_tune returns the tuneId of each tuning (also in job_list).",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static Regex Pattern(IdKind kind) => kind switch
    {
        IdKind.Job => JobPattern(),
        IdKind.Run => RunPattern(),
        IdKind.PinnRun => PinnPattern(),
        IdKind.Pipeline => PipelinePattern(),
        IdKind.Suggestion => SuggestionPattern(),
        IdKind.Model => ModelPattern(),
        IdKind.MlflowRun or IdKind.MlflowExperiment => ServerIdPattern(),
        IdKind.Tune => TunePattern(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [GeneratedRegex("^job-[0-9]{8}-[0-9]{6}-[0-9a-f]{6}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex JobPattern();

    [GeneratedRegex("^run-[0-9]{8}-[0-9]{6}-[0-9a-f]{6}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex RunPattern();

    [GeneratedRegex("^pinn-[0-9]{8}-[0-9]{6}-[0-9a-f]{4}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex PinnPattern();

    [GeneratedRegex("^pl-[0-9]{8}-[0-9]{6}-[0-9a-f]{6}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex PipelinePattern();

    [GeneratedRegex("^tune-[0-9]{8}-[0-9]{6}-[0-9a-f]{6}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex TunePattern();

    [GeneratedRegex("^sug-[0-9]{8}-[0-9]{6}-[0-9a-f]{6}-[0-9]{1,3}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex SuggestionPattern();

    // <table>-<trainer> as ChartRenderer.SafeName writes it (at most 100 characters), then the time stamp and 4 hex digits.
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}-[0-9]{8}-[0-9]{6}-[0-9a-f]{4}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex ModelPattern();

    // Ids a tracking server may use: no separators, no dots, so they can never climb or name a path.
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex ServerIdPattern();
}
