using McpFlow.Core.Errors;
using Microsoft.Extensions.Logging;

namespace McpFlow.Core.Groups;

/// <summary>An <see cref="IEngineProbe"/> from a delegate; failures become "not available" with the reason.</summary>
public sealed class EngineProbe(string engine, Func<EngineStatus> probe) : IEngineProbe
{
    /// <inheritdoc />
    public string Engine => engine;

    /// <inheritdoc />
    public EngineStatus Probe(ILogger logger)
    {
        try
        {
            return probe();
        }
#pragma warning disable CA1031 // Boundary: any failure to load or start a native engine is reported as the engine's status.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var root = ex;
            while (root.InnerException is not null)
                root = root.InnerException;
            logger.LogError(ex, "Engine {Engine} does not load (log id {LogId})", engine, ErrorReport.LogId(root));
            return new EngineStatus(engine, false, null,
                $"{root.GetType().Name} while loading (log id {ErrorReport.LogId(root)}); the server log has the details. The {engine} tools will fail until the operator fixes the installation (docs/environment.md).");
        }
    }
}
