using McpFlow.Core.Tracking;

namespace McpFlow.Experiments.Tracking;

/// <summary>MLflow's run status names and the integer codes its file store writes (RunStatus proto enum).</summary>
public static class RunStatuses
{
    /// <summary>The MLflow name of a status, e.g. FINISHED.</summary>
    public static string Name(TrackedRunStatus status) => status.ToString().ToUpperInvariant();

    /// <summary>The proto code MLflow writes in meta.yaml: RUNNING 1, SCHEDULED 2, FINISHED 3, FAILED 4, KILLED 5.</summary>
    public static int Code(string name) => name.ToUpperInvariant() switch
    {
        "RUNNING" => 1,
        "SCHEDULED" => 2,
        "FINISHED" => 3,
        "FAILED" => 4,
        "KILLED" => 5,
        _ => throw new ArgumentException($"Unknown MLflow run status '{name}'.", nameof(name)),
    };

    /// <summary>The name of a proto code (unknown codes read as RUNNING, as a defensive default).</summary>
    public static string FromCode(int code) => code switch
    {
        2 => "SCHEDULED",
        3 => "FINISHED",
        4 => "FAILED",
        5 => "KILLED",
        _ => "RUNNING",
    };
}
