using Microsoft.Extensions.Logging;

namespace McpFlow.Core.Groups;

/// <summary>Tells whether an engine (DuckDB, TorchSharp, ML.NET, …) loads here, and its version.</summary>
public interface IEngineProbe
{
    /// <summary>Engine name, e.g. <c>DuckDB</c>.</summary>
    string Engine { get; }

    /// <summary>Loads the engine if needed and reports its status. Must not throw: a failure is logged in full to
    /// <paramref name="logger"/> and reported by type and log id (native loaders' messages name host paths).</summary>
    EngineStatus Probe(ILogger logger);
}
