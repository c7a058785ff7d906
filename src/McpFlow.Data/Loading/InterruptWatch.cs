namespace McpFlow.Data.Loading;

/// <summary>
/// Interrupts a running engine statement when a token is cancelled, and again every <see cref="RepeatInterval"/> until
/// disposed: DuckDB clears a pending interrupt when a statement starts, so an interrupt that lands between the caller's
/// last check and the start of the statement would otherwise be lost and the statement would run to its end. Once
/// disposed it never interrupts again, so clean-up statements that follow on the same connection run undisturbed.
/// </summary>
internal sealed class InterruptWatch : IDisposable
{
    /// <summary>How often the interrupt is repeated while the statement still runs.</summary>
    public static readonly TimeSpan RepeatInterval = TimeSpan.FromMilliseconds(100);

    private readonly Lock _gate = new();
    private readonly Action _interrupt;
    private readonly TimeProvider _time;
    private readonly CancellationTokenRegistration _registration;
    private ITimer? _timer;
    private bool _disposed;

    private InterruptWatch(CancellationToken token, Action interrupt, TimeProvider time)
    {
        _interrupt = interrupt;
        _time = time;
        _registration = token.Register(Fire);
    }

    /// <summary>Watches <paramref name="token"/> until disposed; <paramref name="interrupt"/> must be thread-safe.</summary>
    public static InterruptWatch Start(CancellationToken token, Action interrupt, TimeProvider time) => new(token, interrupt, time);

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer?.Dispose();
        }

        _registration.Dispose();
    }

    private void Fire()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            _interrupt();
            _timer ??= _time.CreateTimer(_ => Fire(), null, RepeatInterval, RepeatInterval);
        }
    }
}
