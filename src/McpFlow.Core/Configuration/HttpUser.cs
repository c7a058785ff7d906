namespace McpFlow.Core.Configuration;

/// <summary>
/// A user of the HTTP team mode with their own bearer token, stored only as its SHA-256 (docs/deployment.md):
/// <c>{ "name": "ana", "role": "analyst", "tokenSha256": "9f86d0…" }</c>. Create a token and its hash with
/// <c>mcpflow --new-token</c>. A hash is not a secret the way the token is, but keep the file private anyway.
/// </summary>
public sealed class HttpUser
{
    /// <summary>User name recorded in the audit trail and in runs, e.g. <c>ana</c>: letters, digits, <c>._@-</c>, 1-64 characters.</summary>
    public string Name { get; set; } = "";

    /// <summary>Role: <c>viewer</c>, <c>analyst</c> or <c>approver</c> (<see cref="Identity.UserRoles"/>).</summary>
    public string Role { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the user's token (64 characters).</summary>
    public string TokenSha256 { get; set; } = "";

    /// <summary>This user may approve runs they recorded. Default: false (see <see cref="HttpOptions.AllowSelfApproval"/>).</summary>
    public bool AllowSelfApproval { get; set; }

    /// <summary>Where the entry was given, for start-up errors, e.g. <c>--user #2</c> or <c>MCPFLOW_USERS entry 1</c>
    /// (<c>McpFlow.Server</c>'s user-entry parser sets it). Default: null, an entry of the JSON file's <c>http.users</c>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? Source { get; set; }
}
