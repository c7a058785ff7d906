using System.Text.Json.Serialization;

namespace McpFlow.Core.Configuration;

/// <summary>
/// Credentials for an MLflow tracking server, read by the options loader from MLflow's own environment variables only
/// (never from the command line, where other users can read them, nor from the JSON file, which is easily committed).
/// Secrets: never serialized (<see cref="JsonIgnoreAttribute"/>), never logged, never in a result.
/// </summary>
public sealed class MlflowCredentials
{
    /// <summary>Environment variable of <see cref="Token"/>.</summary>
    public const string TokenVariable = "MLFLOW_TRACKING_TOKEN";

    /// <summary>Environment variable of <see cref="Username"/>.</summary>
    public const string UsernameVariable = "MLFLOW_TRACKING_USERNAME";

    /// <summary>Environment variable of <see cref="Password"/>.</summary>
    public const string PasswordVariable = "MLFLOW_TRACKING_PASSWORD";

    /// <summary>Bearer token (MLFLOW_TRACKING_TOKEN), when set. Default: none.</summary>
    [JsonIgnore]
    public string? Token { get; set; }

    /// <summary>Basic-auth user (MLFLOW_TRACKING_USERNAME), when set. Default: none.</summary>
    [JsonIgnore]
    public string? Username { get; set; }

    /// <summary>Basic-auth password (MLFLOW_TRACKING_PASSWORD), when set. Default: none.</summary>
    [JsonIgnore]
    public string? Password { get; set; }

    /// <summary>Removes every credential (the loader does so after reading the JSON file: secrets come from the environment only).</summary>
    public void Clear()
    {
        Token = null;
        Username = null;
        Password = null;
    }
}
