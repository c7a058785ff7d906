namespace McpFlow.Security.Tests.Harness;

/// <summary>How a call ended.</summary>
internal enum OutcomeKind
{
    /// <summary>A tool result or resource contents arrived (possibly an error result).</summary>
    Answered,
    /// <summary>A JSON-RPC error arrived (unknown tool, invalid parameters, a resource error).</summary>
    ProtocolError,
    /// <summary>No answer within the deadline; the process was killed and restarted.</summary>
    Hang,
    /// <summary>The process died during or right after the call; it was restarted.</summary>
    Crash,
}
