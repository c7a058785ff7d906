using System.Text.Json;
using System.Text.Json.Nodes;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;
using McpFlow.Core.Jobs;
using McpFlow.Core.Jobs.Distributed;
using McpFlow.Core.Mcp;

namespace McpFlow.Server.Team;

/// <summary>
/// Team mode's job engine: Hangfire on PostgreSQL. A job is a Hangfire job of <see cref="HangfireJobRunner"/> in its
/// kind's queue; its McpFlow record and result are Hangfire job parameters (<see cref="RecordParameter"/>,
/// <see cref="ResultParameter"/>) that workers update and every server reads; a hash maps the McpFlow id to Hangfire's
/// and a set lists the ids. Hangfire's own state is folded into the record: a deleted job reads as cancelled, a job
/// that Hangfire gave up on as failed.
/// </summary>
internal sealed class HangfireJobEngine(JobStorage storage, TimeProvider time) : IJobEngine
{
    /// <summary>Job parameter holding the McpFlow record (JSON).</summary>
    public const string RecordParameter = "mcpflow.record";

    /// <summary>Job parameter holding the result of a succeeded job (JSON).</summary>
    public const string ResultParameter = "mcpflow.result";

    private const string IdsSet = "mcpflow:jobs";
    private const string HangfireIdField = "hangfire";

    // Held as Scheduled until the id map is written, then enqueued: a worker never sees a job it cannot look up.
    private static readonly TimeSpan Parked = TimeSpan.FromDays(3650);

    /// <inheritdoc />
    public void Enqueue(JobRecord record, DistributedJobKind kind, JsonNode parameters)
    {
        var client = new BackgroundJobClient(storage);
        var arguments = parameters.ToJsonString(McpFlowJson.Options);
        var job = Job.FromExpression<HangfireJobRunner>(r => r.RunAsync(record.Id, record.Kind, arguments, CancellationToken.None), kind.Queue);
        // Hangfire serializes the parameters given at creation itself (as Serialize does for later writes).
        var hangfireId = client.Create(job, new ScheduledState(Parked), new Dictionary<string, object?> { [RecordParameter] = JsonSerializer.Serialize(record, McpFlowJson.Options) });
        using (var connection = storage.GetConnection())
        using (var transaction = connection.CreateWriteTransaction())
        {
            transaction.SetRangeInHash(MapKey(record.Id), [new KeyValuePair<string, string>(HangfireIdField, hangfireId)]);
            transaction.AddToSet(IdsSet, record.Id);
            transaction.Commit();
        }

        client.ChangeState(hangfireId, new EnqueuedState(kind.Queue), ScheduledState.StateName);
    }

    /// <inheritdoc />
    public JobRecord? Find(string id)
    {
        using var connection = storage.GetConnection();
        return Find(connection, id);
    }

    /// <inheritdoc />
    public JobResult? GetResult(string id)
    {
        using var connection = storage.GetConnection();
        return HangfireId(connection, id) is { } hangfireId ? Read<JobResult>(connection.GetJobParameter(hangfireId, ResultParameter)) : null;
    }

    /// <inheritdoc />
    public IReadOnlyList<JobRecord> List(int limit)
    {
        // One storage connection for the set and the records read; the limit, not the connection, is what saves round trips.
        using var connection = storage.GetConnection();
        var ids = connection.GetAllItemsFromSet(IdsSet);
        // Ids begin with their creation time (job-yyyyMMdd-HHmmss-…): ordinal order is creation order.
        return ids.Order(StringComparer.Ordinal).Reverse().Take(limit).Select(id => Find(connection, id)).OfType<JobRecord>().ToList();
    }

    private JobRecord? Find(IStorageConnection connection, string id)
    {
        if (HangfireId(connection, id) is not { } hangfireId)
            return null;
        var data = connection.GetJobData(hangfireId);
        var record = Read<JobRecord>(connection.GetJobParameter(hangfireId, RecordParameter));
        return data is null || record is null ? null : Fold(record, data.State);
    }

    /// <inheritdoc />
    public void Cancel(string id)
    {
        string? hangfireId;
        string? state;
        using (var connection = storage.GetConnection())
        {
            hangfireId = HangfireId(connection, id);
            state = hangfireId is null ? null : connection.GetJobData(hangfireId)?.State;
        }

        // Only from the state just read, so a job that finished meanwhile stays finished. A running job's worker sees its
        // cancellation token fire (Hangfire checks deleted jobs every CancellationCheckInterval).
        if (hangfireId is not null && state is "Enqueued" or "Processing" or "Scheduled" or "Awaiting")
            new BackgroundJobClient(storage).ChangeState(hangfireId, new DeletedState(), state);
    }

    /// <inheritdoc />
    public void Save(JobRecord record) => SetParameter(record.Id, RecordParameter, Serialize(record));

    /// <inheritdoc />
    public void SaveResult(string id, JobResult result) => SetParameter(id, ResultParameter, Serialize(result));

    private JobRecord Fold(JobRecord record, string? state)
    {
        if (record.State.IsFinal())
            return record;
        // Hangfire's state names (DeletedState.StateName, …: static fields, not constants).
        return state switch
        {
            "Deleted" => record with
            {
                State = JobState.Cancelled,
                FinishedAt = record.FinishedAt ?? time.GetUtcNow(),
                Error = record.State == JobState.Running ? "Cancelled on request; the worker stops it at its next step." : "Cancelled on request before a worker took it.",
            },
            "Failed" => record with { State = JobState.Failed, Error = "The worker could not run the job (its log has the details); start it again." },
            "Succeeded" => record with { State = JobState.Failed, Error = "The worker ended the job without a result; start it again." },
            _ => record,
        };
    }

    private void SetParameter(string id, string name, string value)
    {
        using var connection = storage.GetConnection();
        var hangfireId = HangfireId(connection, id) ?? throw new InvalidOperationException($"Job {id} is not in the job engine.");
        connection.SetJobParameter(hangfireId, name, value);
    }

    private static string? HangfireId(IStorageConnection connection, string id) =>
        connection.GetAllEntriesFromHash(MapKey(id)) is { } map && map.TryGetValue(HangfireIdField, out var hangfireId) ? hangfireId : null;

    private static string MapKey(string id) => "mcpflow:job:" + id;

    // Hangfire stores job parameters as its own JSON; the value is our JSON text.
    private static string Serialize<T>(T value) => SerializationHelper.Serialize(JsonSerializer.Serialize(value, McpFlowJson.Options), SerializationOption.User);

    private static T? Read<T>(string? stored) =>
        stored is null ? default : SerializationHelper.Deserialize<string>(stored, SerializationOption.User) is { } json ? JsonSerializer.Deserialize<T>(json, McpFlowJson.Options) : default;
}
