using System.Net.Sockets;
using McpFlow.Core.Errors;
using Npgsql;

namespace McpFlow.Data.Sources;

/// <summary>
/// Driver failures as actionable errors that carry no secret: the server's own message text (cut, with every secret of
/// the source replaced) for SQL errors, and only the source's name, host and port for connection failures. The driver's
/// exception is not attached (its message and inner exceptions may name connection details).
/// </summary>
public static class SourceErrors
{
    /// <summary>Characters of a server message repeated at most.</summary>
    public const int MaxMessage = 200;

    /// <summary>The error to report for <paramref name="ex"/>, or null when it is not a driver failure.</summary>
    public static McpFlowException? Translate(Exception ex, DatabaseSource source, int timeoutSeconds)
    {
        var info = source.Info();
        var where = $"source '{source.Name}' ({info.Host}:{info.Port})";
        switch (ex)
        {
            case PostgresException pg:
                var text = Scrub(pg.MessageText, source);
                return pg.SqlState switch
                {
                    PostgresErrorCodes.QueryCanceled => new McpFlowException(ErrorKind.Timeout,
                        $"The read from {where} ran past the {timeoutSeconds} s statement timeout and was stopped; no table was created or changed.",
                        "Read fewer rows (limit, sample_percent) or a narrower query, or ask the operator to raise --load-timeout."),
                    PostgresErrorCodes.ReadOnlySqlTransaction => McpFlowException.Forbidden(
                        $"{where} is read through a READ ONLY transaction: the statement tried to write ({text}).", "Sources are only read; transform the loaded table in the workspace."),
                    PostgresErrorCodes.InsufficientPrivilege => McpFlowException.Forbidden(
                        $"{where} refused: {text}.", "The source's role may not read that; call data_list_sources to see what it can read."),
                    PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification => McpFlowException.Unavailable(
                        $"Could not sign in to {where}: authentication failed.", "Ask the operator to check the source's user and password (MCPFLOW_SOURCE_PASSWORD__NAME)."),
                    PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.UndefinedColumn or PostgresErrorCodes.UndefinedFunction or PostgresErrorCodes.SyntaxError
                        or PostgresErrorCodes.InvalidSchemaName => McpFlowException.Invalid(
                        $"{where} refused the query ({pg.SqlState}): {text}.", "Call data_list_sources with the source to see its tables and columns."),
                    _ => McpFlowException.Invalid($"{where} refused the read ({pg.SqlState}): {text}."),
                };
            case NpgsqlException { InnerException: TimeoutException } or TimeoutException:
                return McpFlowException.Unavailable($"{where} did not answer within {DatabaseSource.MaxConnectSeconds} s.", "Try again later, or ask the operator whether the database is up.");
            case NpgsqlException { InnerException: SocketException socket }:
                return McpFlowException.Unavailable($"Could not reach {where}: {socket.SocketErrorCode}.", "Ask the operator whether the database is up and reachable from the server.");
            case NpgsqlException:
                return McpFlowException.Unavailable($"Reading {where} failed in the driver ({ex.GetType().Name}).", "Try again; if it persists, ask the operator to check the server log.");
            default:
                return null;
        }
    }

    /// <summary><paramref name="text"/> cut to <see cref="MaxMessage"/> characters with every secret of the source replaced by <c>***</c>.</summary>
    public static string Scrub(string text, DatabaseSource source)
    {
        foreach (var secret in source.Secrets().Where(s => s.Length >= 3))
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        text = text.ReplaceLineEndings(" ");
        return text.Length <= MaxMessage ? text : text[..MaxMessage] + "…";
    }
}
