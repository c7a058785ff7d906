using McpFlow.Workbench.Records;

namespace McpFlow.Workbench.Review;

/// <summary>Every output file exists and is non-empty; a run with neither outputs nor metrics fails.</summary>
public sealed class OutputsExistCheck : IReviewCheck
{
    /// <inheritdoc />
    public string Name => "outputs_exist";

    /// <inheritdoc />
    public CheckResult Run(ReviewInput input, CancellationToken cancellationToken)
    {
        if (input.OutputFiles.Count == 0)
            return input.Metrics.Count == 0
                ? new CheckResult(Name, false, "the run recorded no output files and no metrics")
                : new CheckResult(Name, true, "no output files; the run recorded metrics only");
        var missing = input.OutputFiles.Where(f => !File.Exists(f)).Select(Path.GetFileName).ToList();
        var empty = input.OutputFiles.Where(f => File.Exists(f) && new FileInfo(f).Length == 0).Select(Path.GetFileName).ToList();
        if (missing.Count + empty.Count == 0)
            return new CheckResult(Name, true, $"{input.OutputFiles.Count} output file(s) exist and are non-empty");
        var problems = new List<string>();
        if (missing.Count > 0)
            problems.Add("missing: " + string.Join(", ", missing));
        if (empty.Count > 0)
            problems.Add("empty: " + string.Join(", ", empty));
        return new CheckResult(Name, false, string.Join("; ", problems));
    }
}
