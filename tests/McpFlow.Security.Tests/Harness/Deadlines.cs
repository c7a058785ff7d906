namespace McpFlow.Security.Tests.Harness;

/// <summary>
/// Hang detectors, never waits: a call that answers sooner costs nothing. Call deadlines count the server's CPU time
/// (<see cref="HangWatch"/>), so a machine loaded by other work slows a call without failing it; a call whose server
/// works longer than these is a hang.
/// </summary>
internal static class Deadlines
{
    /// <summary>The SQL, load and export timeout the suite's servers run with (<c>--sql-timeout</c>,
    /// <c>MCPFLOW_LOAD_TIMEOUT</c>, <c>MCPFLOW_EXPORT_TIMEOUT</c>): queries, loads and exports must end within it.</summary>
    public const int ServerSqlTimeoutSeconds = 15;

    /// <summary>The same timeouts for the hostile-file servers: a hostile file may legitimately run into the timeout (a
    /// gzip bomb read until it is interrupted), so a short one keeps the suite short; no legitimate work runs there.</summary>
    public const int HostileTimeoutSeconds = 5;

    /// <summary>Start-up to an answered initialize. A cold start is about 2 s here; TorchSharp loads lazily.</summary>
    public static readonly TimeSpan Start = TimeSpan.FromSeconds(90);

    /// <summary>An ordinary call (fuzzed arguments, escape attempts): these answer in milliseconds; 60 s is the
    /// cut Claude Desktop applies to a tool call.</summary>
    public static readonly TimeSpan Call = TimeSpan.FromSeconds(60);

    /// <summary>A call on a hostile file: the hostile servers' timeout plus a 45 s margin for a loaded machine.</summary>
    public static readonly TimeSpan HostileLoad = TimeSpan.FromSeconds(HostileTimeoutSeconds + 45);

    /// <summary>Hangs a hostile-file family may show before its later calls are cut sooner (<see cref="HostileAfterBudget"/>).
    /// A family with three hangs has failed already; the shorter cut only keeps an unfixed server from stretching the
    /// suite past CI's limit, and a passing run never reaches it.</summary>
    public const int HostileHangBudget = 3;

    /// <summary>The cut for a family's calls once its hang budget is spent: the load timeout plus 10 s.</summary>
    public static readonly TimeSpan HostileAfterBudget = TimeSpan.FromSeconds(HostileTimeoutSeconds + 10);

    /// <summary>A liveness ping after a hostile file.</summary>
    public static readonly TimeSpan Ping = TimeSpan.FromSeconds(30);

    /// <summary>Seeding work that trains (a PINN of a few steps, an ML.NET model on 120 rows).</summary>
    public static readonly TimeSpan Seed = TimeSpan.FromSeconds(180);

    /// <summary>How long a server may take to exit after its stdin closes (issue 11: "within seconds").</summary>
    public static readonly TimeSpan ExitOnEof = TimeSpan.FromSeconds(10);
}
