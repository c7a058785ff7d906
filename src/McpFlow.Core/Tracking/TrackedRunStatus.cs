namespace McpFlow.Core.Tracking;

/// <summary>MLflow run statuses.</summary>
public enum TrackedRunStatus
{
    /// <summary>RUNNING.</summary>
    Running,
    /// <summary>SCHEDULED.</summary>
    Scheduled,
    /// <summary>FINISHED.</summary>
    Finished,
    /// <summary>FAILED.</summary>
    Failed,
    /// <summary>KILLED.</summary>
    Killed,
}
