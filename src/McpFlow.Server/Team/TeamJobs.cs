using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using McpFlow.Core.Configuration;
using McpFlow.Core.Jobs.Distributed;
using Microsoft.Extensions.DependencyInjection;

namespace McpFlow.Server.Team;

/// <summary>Registers team mode's job engine (Hangfire on the team's PostgreSQL database) for servers and workers.</summary>
internal static class TeamJobs
{
    /// <summary>PostgreSQL schema of Hangfire's tables (created on first use; other team tables live elsewhere).</summary>
    public const string Schema = "hangfire";

    /// <summary>In team mode (<see cref="TeamOptions.Enabled"/>), makes the job manager enqueue distributable kinds to
    /// Hangfire and read every job from it; otherwise changes nothing.</summary>
    public static IServiceCollection AddTeamJobs(this IServiceCollection services, McpFlowOptions options, TeamJobSettings? settings = null)
    {
        if (!options.Team.Enabled)
            return services;
        settings ??= TeamJobSettings.From(options);
        var database = options.Team.Database!;
        services.AddSingleton(settings);
        services.AddSingleton<JobStorage>(_ => CreateStorage(database, settings));
        services.AddSingleton<IJobEngine, HangfireJobEngine>();
        services.AddSingleton<DistributedJobExecutor>();
        services.AddSingleton<HangfireJobRunner>();
        return services;
    }

    /// <summary>Adds the worker: a Hangfire server that runs the distributable kinds' queues (team mode only).</summary>
    public static IServiceCollection AddJobWorker(this IServiceCollection services, McpFlowOptions options, TeamJobSettings? settings = null)
    {
        services.AddTeamJobs(options, settings);
        services.AddHostedService<JobWorker>();
        return services;
    }

    private static PostgreSqlStorage CreateStorage(string database, TeamJobSettings settings)
    {
        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = Schema,
            PrepareSchemaIfNecessary = true,
            InvisibilityTimeout = settings.InvisibilityTimeout,
            UseSlidingInvisibilityTimeout = true,
            QueuePollInterval = settings.QueuePollInterval,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(database, storageOptions, null), storageOptions);
    }
}
