using McpFlow.Core.Configuration;

namespace McpFlow.Core.Jobs;

/// <summary>
/// The CPU threads one job may use in the managed and native ML engines (ML.NET's SDCA and FastTree/FastForest, LightGBM):
/// set for the job's flow of execution on a team-mode worker (<see cref="Distributed.DistributedJobExecutor"/>), so
/// <see cref="JobOptions.MaxConcurrent"/> jobs at once do not each take every core. Null (the engines' own default, all
/// cores) in single-user mode and for jobs outside a worker. libtorch takes <see cref="PhysicsOptions.Threads"/>
/// (<c>--torch-threads</c>) instead.
/// </summary>
public static class JobThreads
{
    private static readonly AsyncLocal<int?> Ambient = new();

    /// <summary>The threads the running job may use, or null for the engines' default.</summary>
    public static int? Current => Ambient.Value;

    /// <summary>A worker's threads per job: <see cref="JobOptions.ThreadsPerJob"/> when set, otherwise the cores divided
    /// among <see cref="JobOptions.MaxConcurrent"/> jobs, at least 1.</summary>
    public static int Budget(JobOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ThreadsPerJob > 0 ? options.ThreadsPerJob : Math.Max(1, Environment.ProcessorCount / Math.Max(1, options.MaxConcurrent));
    }

    /// <summary>Sets the budget for the calling flow until disposed.</summary>
    public static Scope Enter(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var previous = Ambient.Value;
        Ambient.Value = threads;
        return new Scope(previous);
    }

    /// <summary>Restores the previous budget when disposed.</summary>
    public readonly struct Scope(int? previous) : IDisposable
    {
        /// <inheritdoc />
        public void Dispose() => Ambient.Value = previous;
    }
}
