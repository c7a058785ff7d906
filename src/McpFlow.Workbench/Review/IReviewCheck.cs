using McpFlow.Workbench.Records;

namespace McpFlow.Workbench.Review;

/// <summary>One self-review check.</summary>
public interface IReviewCheck
{
    /// <summary>Snake-case name, e.g. <c>outputs_exist</c>.</summary>
    string Name { get; }

    /// <summary>Runs the check.</summary>
    CheckResult Run(ReviewInput input, CancellationToken cancellationToken);
}
