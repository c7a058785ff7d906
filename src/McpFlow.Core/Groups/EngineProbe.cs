namespace McpFlow.Core.Groups;

/// <summary>An <see cref="IEngineProbe"/> from a delegate; failures become "not available" with the reason.</summary>
public sealed class EngineProbe(string engine, Func<EngineStatus> probe) : IEngineProbe
{
    /// <inheritdoc />
    public string Engine => engine;

    /// <inheritdoc />
    public EngineStatus Probe()
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
            return new EngineStatus(engine, false, null, $"{root.GetType().Name}: {root.Message}");
        }
    }
}
