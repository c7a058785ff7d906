using McpFlow.Core.Jobs;

namespace McpFlow.Core.Tests.Jobs;

public sealed class JobQueueTests
{
    [Fact]
    public void Submit_TakesFreeSlots_ThenQueues()
    {
        var queue = new JobQueue<string>(2);

        queue.Submit("a").Should().BeTrue();
        queue.Submit("b").Should().BeTrue();
        queue.Submit("c").Should().BeFalse();
        queue.Submit("d").Should().BeFalse();

        queue.Waiting.Should().Be(2);
    }

    [Fact]
    public void Release_HandsTheSlotToTheOldestWaitingItem_ThenFreesIt()
    {
        var queue = new JobQueue<string>(1);
        queue.Submit("a");
        queue.Submit("b");
        queue.Submit("c");

        queue.Release().Should().Be("b");
        queue.Release().Should().Be("c");
        queue.Release().Should().BeNull();
        queue.Submit("d").Should().BeTrue("the slot is free again");
    }

    [Fact]
    public void TryRemove_TakesAWaitingItemOutOfLine_ButNotOneHoldingASlot()
    {
        var queue = new JobQueue<string>(1);
        queue.Submit("a");
        queue.Submit("b");
        queue.Submit("c");

        queue.TryRemove("a").Should().BeFalse("a holds the slot");
        queue.TryRemove("b").Should().BeTrue();
        queue.TryRemove("b").Should().BeFalse();
        queue.Release().Should().Be("c");
    }

    [Fact]
    public void Constructor_RefusesZeroSlots() =>
        ((Action)(() => _ = new JobQueue<string>(0))).Should().Throw<ArgumentOutOfRangeException>();
}
