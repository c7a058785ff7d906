namespace McpFlow.Workbench.Tests;

/// <summary>A clock that moves only when told to.</summary>
public sealed class FakeTime(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    /// <summary>2026-11-23 10:15:00 UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 15, 0, TimeSpan.Zero);

    public FakeTime()
        : this(Start)
    {
    }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
