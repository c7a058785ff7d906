namespace McpFlow.Core.Errors;

/// <summary>
/// A foreseeable failure whose message is written for the model: what is wrong and what to do about it.
/// Domain code throws it; the MCP boundary turns it into an error result. Never put secrets in the message.
/// </summary>
public sealed class McpFlowException : Exception
{
    /// <summary>Creates the exception.</summary>
    public McpFlowException(ErrorKind kind, string message, string? hint = null, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        Hint = hint;
    }

    /// <summary>The category of the failure.</summary>
    public ErrorKind Kind { get; }

    /// <summary>What the caller can do next, e.g. "call data_list_tables to see the table names".</summary>
    public string? Hint { get; }

    /// <summary>The message and hint as one text.</summary>
    public string ToClientMessage() => Hint is null ? Message : $"{Message} Hint: {Hint}";

    /// <summary>Shorthand for <see cref="ErrorKind.InvalidInput"/>.</summary>
    public static McpFlowException Invalid(string message, string? hint = null) => new(ErrorKind.InvalidInput, message, hint);

    /// <summary>Shorthand for <see cref="ErrorKind.NotFound"/>.</summary>
    public static McpFlowException NotFound(string message, string? hint = null) => new(ErrorKind.NotFound, message, hint);

    /// <summary>Shorthand for <see cref="ErrorKind.Forbidden"/>.</summary>
    public static McpFlowException Forbidden(string message, string? hint = null) => new(ErrorKind.Forbidden, message, hint);

    /// <summary>Shorthand for <see cref="ErrorKind.Conflict"/>.</summary>
    public static McpFlowException Conflict(string message, string? hint = null) => new(ErrorKind.Conflict, message, hint);

    /// <summary>Shorthand for <see cref="ErrorKind.Unavailable"/>.</summary>
    public static McpFlowException Unavailable(string message, string? hint = null) => new(ErrorKind.Unavailable, message, hint);
}
