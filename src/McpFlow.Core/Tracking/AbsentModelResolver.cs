using McpFlow.Core.Errors;

namespace McpFlow.Core.Tracking;

/// <summary>The <see cref="IModelResolver"/> Core registers when no group provides a model registry (a host built
/// without the experiments group): <c>models:/</c> URIs are refused with an actionable Unavailable error.</summary>
public sealed class AbsentModelResolver : IModelResolver
{
    /// <inheritdoc />
    public Task<ResolvedModel> ResolveAsync(string modelUri, string parameter, CancellationToken cancellationToken) =>
        throw McpFlowException.Unavailable($"{parameter} names a registered model, and this server has no model registry (the experiments group is not installed).",
            "Pass the trained model's id (pipeline_train returns it) instead of a models:/ URI.");
}
