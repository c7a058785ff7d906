namespace McpFlow.Core.Identity;

/// <summary>
/// The caller of the tool call that is running, ambient like <c>Activity.Current</c>: set by
/// <see cref="Mcp.RoleFilter"/> around each call, so the run records, decisions and audit entries that call writes (and
/// the jobs it starts, which inherit the execution context) name the user without every domain method taking one.
/// Outside a call (start-up, stdio) it is <see cref="Caller.Local"/>.
/// </summary>
public static class CallerScope
{
    private static readonly AsyncLocal<Caller?> Ambient = new();

    /// <summary>The current caller; <see cref="Caller.Local"/> when none was set.</summary>
    public static Caller Current => Ambient.Value ?? Caller.Local;

    /// <summary>Makes <paramref name="caller"/> current until the returned scope is disposed.</summary>
    public static IDisposable Enter(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var previous = Ambient.Value;
        Ambient.Value = caller;
        return new Restore(previous);
    }

    private sealed class Restore(Caller? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
