using ModelContextProtocol.Client;

namespace McpFlow.Walkthrough;

/// <summary>Client options for talking to our own server.</summary>
public static class WalkthroughClientOptions
{
    /// <summary>
    /// The SDK's client probes the 2026-07-28 revision with <c>server/discover</c> and falls back to
    /// <c>initialize</c> after 5 s; a server that starts slowly (a loaded CI machine) answers the probe late and
    /// the fallback then fails. McpFlow always answers the probe, so wait for it within the initialization timeout.
    /// </summary>
    public static McpClientOptions Create() => new() { DiscoverProbeTimeout = Timeout.InfiniteTimeSpan };
}
