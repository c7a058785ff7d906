using McpFlow.Core.Errors;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace McpFlow.Core.Team;

/// <summary>
/// Brings the team database's schema to this McpFlow's version when the server starts (team mode only). A failure stops
/// the start with its reason: an unreachable database, a changed applied migration, or a database newer than the code.
/// </summary>
public sealed class TeamDatabaseStartup(TeamDatabase database, ILogger<TeamDatabaseStartup> logger) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!database.Enabled)
            return Task.CompletedTask;
        MigrationResult result;
        try
        {
            result = database.EnsureMigrated(cancellationToken);
        }
        catch (McpFlowException ex)
        {
            // Said in words before the host reports the exception: the operator reads why McpFlow did not start.
            logger.LogCritical("McpFlow cannot start: {Problem} {Hint}", ex.Message, ex.Hint);
            throw;
        }

        logger.LogInformation("Team database schema at version {Version} ({Applied} migration(s) applied now).", result.Version, result.Applied.Count);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
