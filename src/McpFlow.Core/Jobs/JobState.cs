namespace McpFlow.Core.Jobs;

/// <summary>Life cycle of a background job.</summary>
public enum JobState
{
    /// <summary>Waiting for a free slot.</summary>
    Queued,
    /// <summary>Working.</summary>
    Running,
    /// <summary>Finished with a result.</summary>
    Succeeded,
    /// <summary>Stopped by an error; see the record's error text.</summary>
    Failed,
    /// <summary>Stopped on request.</summary>
    Cancelled,
    /// <summary>Was queued or running when its server process ended (restart, crash).</summary>
    Interrupted,
}

/// <summary>Helpers on <see cref="JobState"/>.</summary>
public static class JobStateExtensions
{
    /// <summary>True for states a job never leaves.</summary>
    public static bool IsFinal(this JobState state) => state is not (JobState.Queued or JobState.Running);
}
