using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace McpFlow.Workbench.Audit;

/// <summary>
/// Opens the audit trail when the server starts, so a torn last line left by a crash is quarantined (and the
/// quarantine audited) before the first tool call, and a broken trail is reported in the log at once. Opening reads
/// the checkpoint and the trail's last entry only. A failure is logged, never fatal: the trail is opened again at its
/// first use and that call reports the problem.
/// </summary>
public sealed class AuditTrailStartup(IAuditChain trail, ILogger<AuditTrailStartup>? logger = null) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            trail.Open();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            (logger ?? (ILogger)NullLogger.Instance).LogWarning("The audit trail could not be opened at start-up ({Error}); it is opened again at its first use.", ex.GetType().Name);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
