namespace McpFlow.Core.Identity;

/// <summary>Who makes the current request.</summary>
/// <param name="Name">User name recorded in the audit trail and in runs, e.g. <c>ana</c>.</param>
/// <param name="Role">What the user may do.</param>
/// <param name="MaySelfApprove">The user may decide on runs they recorded themselves.</param>
public sealed record Caller(string Name, UserRole Role, bool MaySelfApprove)
{
    /// <summary>Name of the single local user: stdio, and HTTP with no identities or only <c>MCPFLOW_HTTP_TOKEN</c>.</summary>
    public const string LocalName = "local";

    /// <summary>The single local user: every role, and may approve their own runs (as before identities existed).</summary>
    public static Caller Local { get; } = new(LocalName, UserRole.Approver, MaySelfApprove: true);

    /// <summary>True for <see cref="Local"/>.</summary>
    public bool IsLocal => ReferenceEquals(this, Local);

    /// <summary>True when the caller has <paramref name="role"/> or a higher one.</summary>
    public bool Has(UserRole role) => Role >= role;
}
