using System.IO.Pipelines;
using McpFlow.Server.Hosting;

namespace McpFlow.Server.Tests.Hosting;

public sealed class StdinWatchTests
{
    [Fact]
    public async Task Closed_IsSignalled_WhenAReadReachesTheEnd_NotBefore()
    {
        var pipe = new Pipe();
        using var stdin = new StdinWatch(pipe.Reader.AsStream());
        var closed = new TaskCompletionSource();
        stdin.Closed.Register(closed.SetResult);
        await pipe.Writer.WriteAsync("{}\n"u8.ToArray());

        var buffer = new byte[16];
        (await stdin.ReadAsync(buffer)).Should().Be(3);
        stdin.Closed.IsCancellationRequested.Should().BeFalse();

        await pipe.Writer.CompleteAsync();
        (await stdin.ReadAsync(buffer)).Should().Be(0);
        await closed.Task; // Completes only once the end of input was seen.
    }

    [Fact]
    public async Task Read_HonoursItsCancellationToken_WhileNoInputArrives()
    {
        var pipe = new Pipe();
        using var stdin = new StdinWatch(pipe.Reader.AsStream());
        using var cancel = new CancellationTokenSource();

        var read = stdin.ReadAsync(new byte[16], cancel.Token).AsTask();
        await cancel.CancelAsync();

        await read.Invoking(r => r).Should().ThrowAsync<OperationCanceledException>();
        stdin.Closed.IsCancellationRequested.Should().BeFalse();
    }
}
