namespace McpFlow.Core.Identity;

/// <summary>
/// Records requests refused because of who made them: a tool call beyond the caller's role, a request over the
/// caller's rate limit, a JWT refused for a user whose signature verified. The workbench writes them into the audit
/// trail, a bounded number per user (<c>McpFlow.Workbench.Audit.RefusalAudit</c>); without the workbench nothing is
/// recorded (<see cref="AbsentRefusalAudit"/>). Never pass a token or the request's arguments: the caller's own
/// words are not evidence worth storing, and a refused caller must not be able to fill the trail.
/// </summary>
public interface IRefusalAudit
{
    /// <summary>Records that <paramref name="user"/>'s request was refused for <paramref name="reason"/> (McpFlow's own
    /// words, e.g. "role viewer; needs analyst"); <paramref name="tool"/> is the tool called, or null when the request
    /// was refused before it was read (rate limit, authentication).</summary>
    void Refused(string user, string? tool, string reason);
}
