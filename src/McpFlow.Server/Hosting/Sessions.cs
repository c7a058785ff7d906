using ModelContextProtocol.AspNetCore;

namespace McpFlow.Server.Hosting;

/// <summary>
/// Streamable HTTP with sessions (<c>Mcp-Session-Id</c>), as over stdio: the server can ask the client (elicitation for
/// <c>workbench_request_approval</c>), <c>notifications/cancelled</c> reaches the call it names, and progress flows on
/// the call's stream. A session ends when the client deletes it (HTTP DELETE, sent by SDK clients when they close) or
/// after <see cref="IdleTimeout"/> without requests; its calls still running are then cancelled, and with them the jobs
/// they were waiting for (<see cref="Core.Mcp.JobCalls.AwaitAsync"/>). Jobs whose id the client already has (started
/// with <c>wait_seconds</c> 0, or whose wait ended) are background jobs and go on.
/// </summary>
internal static class Sessions
{
    /// <summary>A session without requests for this long is closed (the SDK's default is 2 hours; an open GET stream keeps it).</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Sets the transport's session mode and idle timeout.</summary>
    public static void Configure(HttpServerTransportOptions options)
    {
        // Stateful, not StatefulForInitializeClients: a 2026-07-28 request (no sessions in that revision) is refused with
        // -32022 so a dual-path client falls back to initialize and gets a session, with elicitation and cancellation.
        options.SessionMode = HttpServerSessionMode.Stateful;
#pragma warning disable MCP9006 // Obsolete only because sessions are (the 2026-07-28 revision has none); McpFlow's clients use 2025-11-25.
        options.IdleTimeout = IdleTimeout;
#pragma warning restore MCP9006
    }
}
