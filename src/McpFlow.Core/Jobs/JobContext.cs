namespace McpFlow.Core.Jobs;

/// <summary>Given to a job's work: its cancellation, its folder and a way to report progress.</summary>
public sealed class JobContext
{
    private readonly Action<JobProgress> _report;
    private readonly Action<string>? _note;
    private readonly TimeProvider _time;

    internal JobContext(string jobId, string folder, CancellationToken cancellationToken, Action<JobProgress> report, TimeProvider time,
        int attempt = 1, Action<string>? note = null)
    {
        JobId = jobId;
        Folder = folder;
        CancellationToken = cancellationToken;
        _report = report;
        _time = time;
        _note = note;
        Attempt = attempt;
    }

    /// <summary>Which attempt this is: 1, or 2 and more when a worker took over the job of one that died (team mode),
    /// so the job can resume from what the earlier attempt saved.</summary>
    public int Attempt { get; }

    /// <summary>The job's id.</summary>
    public string JobId { get; }

    /// <summary>A folder of the workspace that belongs to this job.</summary>
    public string Folder { get; }

    /// <summary>Signalled when the job is cancelled; work must stop promptly.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Records a note on how the job started in its record (<see cref="JobRecord.Note"/>), e.g. where a taken-over
    /// training resumed; shown by job_status.</summary>
    public void Note(string text) => _note?.Invoke(text);

    /// <summary>Reports progress; cheap enough to call every step (notifications are throttled downstream).</summary>
    public void Report(double? fraction, string message, IReadOnlyDictionary<string, double>? metrics = null) =>
        _report(new JobProgress(fraction is null ? null : Math.Clamp(fraction.Value, 0, 1), message, metrics, _time.GetUtcNow()));
}
