using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using McpFlow.Core.Jobs;
using McpFlow.Core.Jobs.Distributed;

namespace McpFlow.Core.Tests.TestDoubles;

/// <summary>A job engine in memory, folding a cancellation into the record as the Hangfire engine folds a deleted job.</summary>
internal sealed class InMemoryJobEngine : IJobEngine
{
    private readonly ConcurrentDictionary<string, JobRecord> _records = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JobResult> _results = new(StringComparer.Ordinal);

    public List<(JobRecord Record, DistributedJobKind Kind, JsonNode Parameters)> Enqueued { get; } = [];

    public ConcurrentBag<string> Cancelled { get; } = [];

    /// <summary>Every id asked for, to check that only well-formed ids reach the engine.</summary>
    public ConcurrentBag<string> Lookups { get; } = [];

    public void Enqueue(JobRecord record, DistributedJobKind kind, JsonNode parameters)
    {
        Enqueued.Add((record, kind, parameters));
        _records[record.Id] = record;
    }

    public JobRecord? Find(string id)
    {
        Lookups.Add(id);
        if (!_records.TryGetValue(id, out var record))
            return null;
        return Cancelled.Contains(id) && !record.State.IsFinal() ? record with { State = JobState.Cancelled, Error = "Cancelled on request." } : record;
    }

    public JobResult? GetResult(string id) => _results.GetValueOrDefault(id);

    public IReadOnlyList<JobRecord> List(int limit) => _records.Keys.Order(StringComparer.Ordinal).Reverse().Take(limit).Select(Find).OfType<JobRecord>().ToList();

    public void Cancel(string id) => Cancelled.Add(id);

    public void Save(JobRecord record) => _records[record.Id] = record;

    public void SaveResult(string id, JobResult result) => _results[id] = result;

    /// <summary>The record as the worker last stored it (without the cancellation folded in).</summary>
    public JobRecord Stored(string id) => _records[id];
}
