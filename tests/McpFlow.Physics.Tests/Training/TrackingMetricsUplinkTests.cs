using McpFlow.Core.Tracking;
using McpFlow.Physics.Training;

namespace McpFlow.Physics.Tests.Training;

/// <summary>The training loop hands metric batches over without waiting for the store; every batch arrives, in order.
/// The store is a gate the test opens, so nothing depends on timing.</summary>
public sealed class TrackingMetricsUplinkTests
{
    [Fact]
    public async Task Post_ReturnsWhileTheStoreIsBusy_AndCompleteSendsEveryBatchInOrder()
    {
        var store = new GatedTrackingWriter();
        var uplink = new TrackingMetricsUplink(store, "run-1", CancellationToken.None);

        // More batches than the channel holds would block; these fit behind the one the store is busy with.
        var batches = Enumerable.Range(0, TrackingMetricsUplink.Capacity).Select(Batch).ToList();
        foreach (var batch in batches)
            uplink.Post(batch); // returns although the store has not taken a single point yet
        await store.FirstCall;
        store.Received.Should().BeEmpty();

        store.Open();
        (await uplink.CompleteAsync()).Should().BeNull();

        store.Received.Should().Equal(batches);
        store.Received.Sum(b => b.Count).Should().Be(TrackingMetricsUplink.Capacity * 3);
    }

    [Fact]
    public async Task AStoreFailure_IsReturnedByComplete_AndLaterBatchesAreDroppedWithoutBlocking()
    {
        var store = new GatedTrackingWriter { FailWith = new HttpRequestException("mlflow down") };
        var uplink = new TrackingMetricsUplink(store, "run-1", CancellationToken.None);
        uplink.Post(Batch(0));
        await store.FirstCall;
        store.Open();

        // Three times the capacity: the writer keeps draining after the failure, so Post never waits for long.
        for (var i = 1; i <= TrackingMetricsUplink.Capacity * 3; i++)
            uplink.Post(Batch(i));

        (await uplink.CompleteAsync()).Should().BeOfType<HttpRequestException>().Which.Message.Should().Be("mlflow down");
        uplink.Failed.Should().BeTrue();
        store.Calls.Should().Be(1, "nothing is sent after the store failed");
        store.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task Cancellation_StopsTheWriter_AndAPostThatWouldWaitThrows()
    {
        using var cancel = new CancellationTokenSource();
        var store = new GatedTrackingWriter();
        var uplink = new TrackingMetricsUplink(store, "run-1", cancel.Token);
        uplink.Post(Batch(0));
        await store.FirstCall; // the writer holds batch 0; the channel is empty
        for (var i = 1; i <= TrackingMetricsUplink.Capacity; i++)
            uplink.Post(Batch(i)); // fills the channel

        await cancel.CancelAsync();

        ((Action)(() => uplink.Post(Batch(99)))).Should().Throw<OperationCanceledException>();
        await FluentActions.Awaiting(uplink.CompleteAsync).Should().ThrowAsync<OperationCanceledException>();
        store.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task AnEmptyBatch_IsNotSent()
    {
        var store = new GatedTrackingWriter();
        store.Open();
        var uplink = new TrackingMetricsUplink(store, "run-1", CancellationToken.None);

        uplink.Post([]);

        (await uplink.CompleteAsync()).Should().BeNull();
        store.Calls.Should().Be(0);
    }

    private static List<MetricPoint> Batch(int index) =>
        [.. Enumerable.Range(0, 3).Select(j => new MetricPoint("loss", index + (j / 10.0), (index * 3) + j, 1_700_000_000_000 + index))];
}
