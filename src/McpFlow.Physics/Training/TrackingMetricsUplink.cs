using System.Threading.Channels;
using McpFlow.Core.Tracking;

namespace McpFlow.Physics.Training;

/// <summary>
/// Sends a training's metric batches to the tracking store off the training loop. The loop hands batches over with
/// <see cref="Post"/>, which returns at once while fewer than <see cref="Capacity"/> batches wait; one asynchronous
/// writer sends them in order, and <see cref="CompleteAsync"/> waits until every batch has been sent. The first failure
/// of the store stops the sending (later batches are dropped, the training goes on) and is returned by
/// <see cref="CompleteAsync"/>. Cancelling the token stops the writer and makes a waiting <see cref="Post"/> throw.
/// </summary>
internal sealed class TrackingMetricsUplink
{
    /// <summary>
    /// Batches that may wait for the store before <see cref="Post"/> waits for room: 32 batches of 200 points (the
    /// training's batch size) are about 6,400 points, under a megabyte, and at the MLflow REST timeout of 20 s per call a
    /// store that falls this far behind is failing anyway. Waiting then bounds memory without dropping metrics.
    /// </summary>
    public const int Capacity = 32;

    private readonly Channel<IReadOnlyList<MetricPoint>> _batches =
        Channel.CreateBounded<IReadOnlyList<MetricPoint>>(new BoundedChannelOptions(Capacity) { SingleReader = true, SingleWriter = true });

    private readonly ITrackingWriter _tracking;
    private readonly string _runId;
    private readonly CancellationToken _cancellationToken;
    private readonly Task _writer;
    private Exception? _failure;

    /// <summary>Starts the writer for the tracking run <paramref name="runId"/>.</summary>
    public TrackingMetricsUplink(ITrackingWriter tracking, string runId, CancellationToken cancellationToken)
    {
        _tracking = tracking;
        _runId = runId;
        _cancellationToken = cancellationToken;
        _writer = Task.Run(WriteAsync, CancellationToken.None);
    }

    /// <summary>True once the store failed; later batches are not sent.</summary>
    public bool Failed => Volatile.Read(ref _failure) is not null;

    /// <summary>Hands a batch to the writer (the list is not copied: do not change it afterwards). Returns at once unless
    /// <see cref="Capacity"/> batches already wait, then waits for room (bounded memory, no metric lost).</summary>
    public void Post(IReadOnlyList<MetricPoint> batch)
    {
        if (Failed || batch.Count == 0 || _batches.Writer.TryWrite(batch))
            return;
        // Back-pressure on a local channel, released by the writer as soon as the store takes one batch; only reached
        // when the store is Capacity batches behind. The training loop is synchronous (TorchSharp), so it blocks here.
        _batches.Writer.WriteAsync(batch, _cancellationToken).AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Sends what is still waiting and stops the writer; returns the store's failure, if it had one. Throws
    /// <see cref="OperationCanceledException"/> when the token was cancelled before everything was sent.</summary>
    public async Task<Exception?> CompleteAsync()
    {
        _batches.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        return Volatile.Read(ref _failure);
    }

    private async Task WriteAsync()
    {
        await foreach (var batch in _batches.Reader.ReadAllAsync(_cancellationToken).ConfigureAwait(false))
        {
            if (Failed)
                continue; // keep reading so that Post never waits on a writer that stopped sending
            try
            {
                await _tracking.LogMetricsAsync(_runId, batch, _cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!_cancellationToken.IsCancellationRequested)
            {
                // Any failure that is not our cancellation (a timeout may surface as a cancellation of its own).
                Volatile.Write(ref _failure, ex);
            }
        }
    }
}
