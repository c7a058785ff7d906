using System.Security.Cryptography;

namespace McpFlow.Core.Errors;

/// <summary>
/// What a client may learn about a failure. An <see cref="McpFlowException"/> was written for the model and keeps its
/// message and hint; any other exception is reported by its type and a short log id only, because engine and
/// library messages can echo data (a file's content in a conversion error, a header in an HTTP error). The details
/// and the stack trace go to the log under the same id.
/// </summary>
public static class ErrorReport
{
    // The id travels with the exception, so every layer that reports it (job record, run record, tool result, log)
    // names the same id.
    private const string LogIdKey = "McpFlow.LogId";

    /// <summary>The short id under which <paramref name="error"/> is logged: 8 hex digits, assigned once per exception.</summary>
    public static string LogId(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        lock (error.Data)
        {
            if (error.Data[LogIdKey] is string id)
                return id;
            id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
            error.Data[LogIdKey] = id;
            return id;
        }
    }

    /// <summary>
    /// The client-safe text of <paramref name="error"/>: the message and hint of an <see cref="McpFlowException"/>, otherwise
    /// "<paramref name="what"/> failed: &lt;ExceptionType&gt; (log id &lt;id&gt;)" (without the prefix when <paramref name="what"/> is null).
    /// </summary>
    public static string ForClient(Exception error, string? what = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error is McpFlowException known)
            return known.ToClientMessage();
        var unexpected = $"{error.GetType().Name} (log id {LogId(error)})";
        return what is null ? unexpected : $"{what} failed: {unexpected}";
    }
}
