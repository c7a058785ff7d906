using McpFlow.Core.Runs;

namespace McpFlow.Core.Tests.Runs;

public sealed class AbsentRunRecorderTests
{
    [Fact]
    public async Task RecordAsync_RecordsNothingAndReturnsNull_WithTheAbsentRecorder()
    {
        var wrote = false;
        var run = await new AbsentRunRecorder().RecordAsync(new RunStart("t", "k", "title", null, []), _ =>
        {
            wrote = true;
            return new RunOutcome([], new Dictionary<string, double>(), "");
        }, default);

        run.Should().BeNull();
        wrote.Should().BeFalse();
    }

    [Fact]
    public void Begin_Throws_WhenCalledDirectly() =>
        ((Action)(() => new AbsentRunRecorder().Begin(new RunStart("t", "k", "title", null, []))))
            .Should().Throw<InvalidOperationException>().WithMessage("*IsAvailable*");
}
