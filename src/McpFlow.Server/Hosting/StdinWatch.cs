namespace McpFlow.Server.Hosting;

/// <summary>
/// Standard input for the stdio transport that says when the client is gone: <see cref="Closed"/> is signalled when a
/// read reaches end of file or fails. The SDK's own session only ends once every request in flight has finished, which
/// never happens while a call is blocked in native code; this signal starts the shutdown regardless. Reads honour
/// their cancellation token (console streams do not on their own).
/// </summary>
internal sealed class StdinWatch(Stream stdin) : Stream
{
    private readonly CancellationTokenSource _closed = new();

    /// <summary>Signalled once standard input reached its end or failed.</summary>
    public CancellationToken Closed => _closed.Token;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read;
        try
        {
            read = await stdin.ReadAsync(buffer, cancellationToken).AsTask().WaitAsync(cancellationToken);
        }
        catch (IOException)
        {
            SignalClosed();
            throw;
        }

        if (read == 0 && buffer.Length > 0)
            SignalClosed();
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            stdin.Dispose();
            _closed.Dispose();
        }

        base.Dispose(disposing);
    }

    // Listeners stop the host; they run on the thread pool, not on the transport's reading thread.
    private void SignalClosed() => _ = Task.Run(() =>
    {
        try
        {
            _closed.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already shut down.
        }
    });
}
