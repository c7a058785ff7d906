namespace McpFlow.Experiments.Tracking.Rest;

/// <summary>Connection settings of the MLflow REST backend.</summary>
public sealed record MlflowRestOptions
{
    /// <summary>Server base URI, e.g. <c>http://localhost:5000</c>.</summary>
    public required Uri BaseUri { get; init; }

    /// <summary>Bearer token (MLFLOW_TRACKING_TOKEN), when set.</summary>
    public string? Token { get; init; }

    /// <summary>Basic-auth user (MLFLOW_TRACKING_USERNAME), when set.</summary>
    public string? Username { get; init; }

    /// <summary>Basic-auth password (MLFLOW_TRACKING_PASSWORD), when set.</summary>
    public string? Password { get; init; }

    /// <summary>Default <see cref="TotalTimeout"/>: 20 s, a third of a chat client's ~60 s call limit (Claude Desktop),
    /// so a tool that meets an unresponsive server still answers in time to say so.</summary>
    public const double DefaultTotalTimeoutSeconds = 20;

    /// <summary>Time limit of one request including every retry and back-off: an unresponsive server fails a call
    /// after this long. Default 20 s (<see cref="DefaultTotalTimeoutSeconds"/>; <c>--mlflow-timeout</c>).</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(DefaultTotalTimeoutSeconds);

    /// <summary>Time limit of one attempt. Default 8 s: two attempts and their back-off fit in the default
    /// <see cref="TotalTimeout"/> (MLflow's own client waits 120 s per request, far past a chat client's limit).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>Retries after the first attempt for transient failures. Default 3.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>First back-off delay (doubles each retry, with jitter). Default 0.5 s.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Takes auth from <paramref name="credentials"/> (the options loader reads MLflow's own environment
    /// variables into them; none: no auth); <paramref name="totalTimeout"/> bounds each request (null:
    /// <see cref="DefaultTotalTimeoutSeconds"/>), and one attempt never waits longer than the whole.</summary>
    public static MlflowRestOptions Create(Uri baseUri, McpFlow.Core.Configuration.MlflowCredentials? credentials = null, TimeSpan? totalTimeout = null) => new()
    {
        BaseUri = baseUri,
        TotalTimeout = totalTimeout ?? TimeSpan.FromSeconds(DefaultTotalTimeoutSeconds),
        AttemptTimeout = TimeSpan.FromSeconds(Math.Min(8, (totalTimeout ?? TimeSpan.FromSeconds(DefaultTotalTimeoutSeconds)).TotalSeconds)),
        Token = credentials?.Token,
        Username = credentials?.Username,
        Password = credentials?.Password,
    };

    /// <summary>The URI without any user info, safe for messages.</summary>
    public string SafeUri => new UriBuilder(BaseUri) { UserName = "", Password = "" }.Uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
}
