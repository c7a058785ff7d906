namespace McpFlow.Core.Tracking;

/// <summary>Resolves a registered model URI (<c>models:/name@alias</c>, <c>models:/name/3</c>) to the run that
/// produced the version (implemented by the experiments group over the MLflow model registry).</summary>
public interface IModelResolver
{
    /// <summary>The version <paramref name="modelUri"/> names and its run's tags; throws an actionable error when it does not resolve.</summary>
    Task<ResolvedModel> ResolveAsync(string modelUri, string parameter, CancellationToken cancellationToken);
}
