namespace McpFlow.Core.Tests.Support;

/// <summary>
/// Holds the <c>test_hold</c> job until a test releases it, so a test decides when the job ends instead of racing a
/// wall clock (one instance per server, registered by <see cref="TestToolGroup"/>).
/// </summary>
public sealed class TestJobGate
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Released => _released.Task;

    public void Release() => _released.TrySetResult();
}
