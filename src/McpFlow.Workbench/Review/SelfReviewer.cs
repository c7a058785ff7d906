using McpFlow.Workbench.Records;

namespace McpFlow.Workbench.Review;

/// <summary>Runs every self-review check; a check that throws is reported as failed with the exception's message.</summary>
public sealed class SelfReviewer
{
    /// <summary>The checks, in the order they run.</summary>
    public static readonly IReadOnlyList<IReviewCheck> Checks =
    [
        new OutputsExistCheck(),
        new FiniteMetricsCheck(),
        new FiniteOutputsCheck(),
        new PlausibleMetricsCheck(),
        new FiguresNotBlankCheck(),
        new SummaryNumbersCheck(),
    ];

    /// <summary>Runs all checks.</summary>
    public IReadOnlyList<CheckResult> Review(ReviewInput input, CancellationToken cancellationToken)
    {
        var results = new List<CheckResult>(Checks.Count);
        foreach (var check in Checks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                results.Add(check.Run(input, cancellationToken));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or FormatException)
            {
                results.Add(new CheckResult(check.Name, false, $"the check could not read the outputs: {ex.GetType().Name}: {ex.Message}"));
            }
        }

        return results;
    }
}
