namespace McpFlow.Core.Configuration;

/// <summary>Background-job behaviour.</summary>
public sealed class JobOptions
{
    /// <summary>How long a tool that starts a job waits for it before returning the job id, in seconds.
    /// Default: 20; clients cut calls at about 60 s, so values above 50 are refused.</summary>
    public double WaitSeconds { get; set; } = 20;

    /// <summary>Jobs running at once; further jobs queue. Default: 2 (one per core on the reference machine).</summary>
    public int MaxConcurrent { get; set; } = 2;
}
