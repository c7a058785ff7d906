namespace McpFlow.Core.Errors;

/// <summary>What went wrong, so the boundary can phrase it for the model.</summary>
public enum ErrorKind
{
    /// <summary>An argument is malformed or out of range.</summary>
    InvalidInput,
    /// <summary>A named thing (table, run, job, file) does not exist.</summary>
    NotFound,
    /// <summary>The action is not allowed (path outside roots, write in read-only mode, unapproved run).</summary>
    Forbidden,
    /// <summary>The action conflicts with the current state (illegal transition, job already finished).</summary>
    Conflict,
    /// <summary>An engine or remote service cannot be used right now.</summary>
    Unavailable,
    /// <summary>The work ran past its time limit.</summary>
    Timeout,
}
