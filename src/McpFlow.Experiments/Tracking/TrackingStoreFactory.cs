using McpFlow.Core.Configuration;
using McpFlow.Core.Errors;
using McpFlow.Core.Files;
using McpFlow.Core.Workspace;
using McpFlow.Experiments.Tracking.FileStore;
using McpFlow.Experiments.Tracking.Rest;
using McpFlow.Experiments.Tracking.Sqlite;

namespace McpFlow.Experiments.Tracking;

/// <summary>
/// Picks the tracking backend from <see cref="McpFlowOptions.MlflowTrackingUri"/> (<c>--mlflow-uri</c>, <c>MLFLOW_TRACKING_URI</c>):
/// none → the workspace's MLflow file store; <c>http(s)://</c> → the REST API; <c>sqlite:///</c> → read-only
/// SQLite; <c>file://</c> or a folder path → a file store there (through the file guard).
/// </summary>
public static class TrackingStoreFactory
{
    /// <summary>Creates the configured store.</summary>
    public static ITrackingStore Create(McpFlowOptions options, McpFlowWorkspace workspace, FileAccessGuard guard, TimeProvider time, HttpMessageHandler? transport = null)
    {
        var uri = options.MlflowTrackingUri;
        if (string.IsNullOrWhiteSpace(uri))
            return new FileTrackingStore(workspace.TrackingStorePath, time);
        if (uri.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed))
                throw McpFlowException.Invalid("MLFLOW_TRACKING_URI is not a valid http(s) URI.", "Write it like http://localhost:5000.");
#pragma warning disable CA2000 // The store owns the handler and disposes it; the analyzer loses the transfer through '??'.
            return new RestTrackingStore(MlflowRestOptions.Create(parsed, options.MlflowCredentials, TimeSpan.FromSeconds(options.MlflowTimeoutSeconds)), transport ?? new SocketsHttpHandler(), time);
#pragma warning restore CA2000
        }

        if (uri.StartsWith("sqlite:///", StringComparison.OrdinalIgnoreCase))
        {
            // SQLAlchemy: sqlite:///relative.db is relative to the working directory, sqlite:////abs.db absolute.
            var path = uri["sqlite:///".Length..];
            return new SqliteTrackingStore(Path.GetFullPath(path));
        }

        if (uri.Contains("://", StringComparison.Ordinal) && !uri.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
            throw McpFlowException.Invalid($"Unsupported tracking URI scheme in '{uri.Split("://")[0]}://...'.",
                "Use http(s)://host:port for an MLflow server, sqlite:///path/mlflow.db for an MLflow database, or a folder path for a file store.");
        var folder = uri.StartsWith("file://", StringComparison.OrdinalIgnoreCase) ? new Uri(uri).LocalPath : uri;
        return new FileTrackingStore(guard.Resolve(folder, "MLFLOW_TRACKING_URI"), time);
    }
}
