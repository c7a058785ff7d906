namespace McpFlow.Core.Identity;

/// <summary>The fallback <see cref="IRefusalAudit"/> when no group keeps an audit trail: refusals are still answered
/// (and logged by the server), but not recorded.</summary>
public sealed class AbsentRefusalAudit : IRefusalAudit
{
    /// <inheritdoc />
    public void Refused(string user, string? tool, string reason)
    {
    }
}
