using System.Net;
using System.Net.Sockets;
using McpFlow.Core.Errors;
using McpFlow.Experiments.Tracking.Rest;
using Microsoft.Extensions.Time.Testing;

namespace McpFlow.Experiments.Tests.Tracking.Rest;

/// <summary>Contract tests against an in-process HTTP endpoint that accepts connections and never answers: the total
/// time to fail is bounded by <see cref="MlflowRestOptions.TotalTimeout"/> whatever the retries, measured on a fake
/// clock (Polly's timeouts and back-off run on the store's TimeProvider), so nothing waits on the wall clock.</summary>
public sealed class UnresponsiveServerContractTests : IAsyncLifetime
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> _held = [];
    private readonly TaskCompletionSource _firstConnection = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task InitializeAsync()
    {
        _listener.Start();
        _ = AcceptForeverAsync();
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _listener.Stop();
        lock (_held)
            _held.ForEach(c => c.Dispose());
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Contract_AServerThatNeverAnswers_FailsAfterTheTotalTimeout_NotAfterEveryRetry()
    {
        // Defaults: 20 s in total, 8 s per attempt, 3 retries. Without the total limit the fourth attempt would
        // only end at 4 × 8 s plus back-off (about 35 s); the old defaults (4 × 30 s) took 123 s.
        var time = new FakeTimeProvider();
        var options = new MlflowRestOptions { BaseUri = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}") };
        using var store = new RestTrackingStore(options, new SocketsHttpHandler(), time);

        var call = store.GetExperimentAsync("7", default);
        await _firstConnection.Task.WaitAsync(TimeSpan.FromSeconds(30));
        time.Advance(options.TotalTimeout);
        var error = await FluentActions.Awaiting(() => call.WaitAsync(TimeSpan.FromSeconds(30))).Should().ThrowAsync<McpFlowException>();

        options.TotalTimeout.Should().Be(TimeSpan.FromSeconds(20));
        error.Which.Kind.Should().Be(ErrorKind.Timeout);
        error.Which.Message.Should().Contain("did not answer experiments/get within 20 s (retries included)");
        error.Which.Hint.Should().Contain("--mlflow-timeout");
    }

    [Fact]
    public void Create_TakesTheConfiguredTotal_AndNeverAnAttemptLongerThanIt()
    {
        var short5 = MlflowRestOptions.Create(new Uri("http://mlflow:5000"), totalTimeout: TimeSpan.FromSeconds(5));
        var defaults = MlflowRestOptions.Create(new Uri("http://mlflow:5000"));

        short5.TotalTimeout.Should().Be(TimeSpan.FromSeconds(5));
        short5.AttemptTimeout.Should().Be(TimeSpan.FromSeconds(5));
        defaults.TotalTimeout.Should().Be(TimeSpan.FromSeconds(20));
        defaults.AttemptTimeout.Should().Be(TimeSpan.FromSeconds(8));
    }

    private async Task AcceptForeverAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync();
                lock (_held)
                    _held.Add(client);
                _firstConnection.TrySetResult();
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The listener was stopped.
        }
    }
}
