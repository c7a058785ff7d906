namespace McpFlow.Security.Tests.Ledger;

/// <summary>What can be wrong with one attempt (issue 11's "Done when" list, plus what the fuzz asserts).</summary>
internal enum Problem
{
    /// <summary>A canary from outside the roots (or /etc/passwd) reached the client.</summary>
    Leak,
    /// <summary>A workspace record changed (audit trail rewritten, gate configuration, manifest, database, job record).</summary>
    Overwritten,
    /// <summary>A file appeared outside the allowed roots.</summary>
    CreatedOutside,
    /// <summary>The server process died.</summary>
    Crash,
    /// <summary>No answer within the deadline.</summary>
    Hang,
    /// <summary>Text or structured content over the documented character cap.</summary>
    OverCap,
    /// <summary>A wrong-type, missing or out-of-range argument was not refused with an error naming the parameter.</summary>
    UnnamedParameter,
    /// <summary>An error echoed more than 200 characters of an argument.</summary>
    Echo,
    /// <summary>Raw exception text (a .NET exception type with its message, a stack trace) or a bare "An error occurred."
    /// reached the client.</summary>
    RawError,
    /// <summary>A contained unexpected failure ("tool failed: SomeException (log id …)"): nothing leaked, but the input reached
    /// code that did not expect it instead of being refused by a check.</summary>
    Unexpected,
    /// <summary>An attempt that must be refused (or bounded) was carried out.</summary>
    NotRefused,
    /// <summary>After a kill -9, a signal or stdin closing: the process did not exit in time, the workspace did not reopen,
    /// or an interrupted job was not shown as interrupted.</summary>
    Unrecovered,
    /// <summary>Team mode: a request refused for a user whose identity was verified left no audit entry naming that user.</summary>
    NotAudited,
}
