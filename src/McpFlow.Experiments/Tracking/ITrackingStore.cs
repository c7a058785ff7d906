using McpFlow.Core.Tracking;

namespace McpFlow.Experiments.Tracking;

/// <summary>A tracking backend that can be read and (unless read-only) written.</summary>
public interface ITrackingStore : ITrackingReader, ITrackingWriter
{
    /// <summary>Backend kind: <c>file</c>, <c>rest</c> or <c>sqlite</c>.</summary>
    string Kind { get; }

    /// <summary>True when writes are refused (the SQLite backend).</summary>
    bool IsReadOnly { get; }

    /// <summary>The model registry of the same backend (MLflow keeps it next to the runs: the file store's
    /// <c>models/</c> folder, the server's registry API).</summary>
    Registry.IModelRegistry Registry { get; }
}
