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

    /// <summary>Time limit of one attempt. Default 30 s (MLflow's client uses 120 s per request; tools must stay
    /// well under a chat client's ~60 s call limit).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt for transient failures. Default 3.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>First back-off delay (doubles each retry, with jitter). Default 0.5 s.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Reads auth from MLflow's own environment variables.</summary>
    public static MlflowRestOptions FromEnvironment(Uri baseUri) => new()
    {
        BaseUri = baseUri,
        Token = Environment.GetEnvironmentVariable("MLFLOW_TRACKING_TOKEN"),
        Username = Environment.GetEnvironmentVariable("MLFLOW_TRACKING_USERNAME"),
        Password = Environment.GetEnvironmentVariable("MLFLOW_TRACKING_PASSWORD"),
    };

    /// <summary>The URI without any user info, safe for messages.</summary>
    public string SafeUri => new UriBuilder(BaseUri) { UserName = "", Password = "" }.Uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
}
