using System.Net.Sockets;
using McpFlow.Core.Errors;
using MySqlConnector;
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
                return Refused(pg.SqlState switch
                {
                    PostgresErrorCodes.QueryCanceled => Refusal.Timeout,
                    PostgresErrorCodes.ReadOnlySqlTransaction => Refusal.ReadOnly,
                    PostgresErrorCodes.InsufficientPrivilege => Refusal.Privilege,
                    PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification => Refusal.SignIn,
                    PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.UndefinedColumn or PostgresErrorCodes.UndefinedFunction or PostgresErrorCodes.SyntaxError
                        or PostgresErrorCodes.InvalidSchemaName => Refusal.Query,
                    _ => Refusal.Other,
                }, pg.SqlState, Scrub(pg.MessageText, source), where, timeoutSeconds, source);
            case MySqlException { ErrorCode: MySqlErrorCode.UnableToConnectToHost }:
                return McpFlowException.Unavailable($"Could not reach {where} within {DatabaseSource.MaxConnectSeconds} s.", "Ask the operator whether the database is up and reachable from the server.");
            case MySqlException my when my.Number is >= 1000 and < 5000:
                return Refused(my.ErrorCode switch
                {
                    MySqlErrorCode.QueryTimeout or MySqlErrorCode.QueryInterrupted or (MySqlErrorCode)MariaDbStatementTimeout => Refusal.Timeout,
                    MySqlErrorCode.CannotExecuteInReadOnlyTransaction or MySqlErrorCode.ReadOnlyTransaction => Refusal.ReadOnly,
                    MySqlErrorCode.TableAccessDenied or MySqlErrorCode.ColumnAccessDenied or MySqlErrorCode.DatabaseAccessDenied
                        or MySqlErrorCode.SpecifiedAccessDeniedError or MySqlErrorCode.PrecedureAccessDenied => Refusal.Privilege,
                    MySqlErrorCode.AccessDenied => Refusal.SignIn,
                    MySqlErrorCode.NoSuchTable or MySqlErrorCode.BadFieldError or MySqlErrorCode.ParseError or MySqlErrorCode.StoredProcedureDoesNotExist
                        or MySqlErrorCode.UnknownDatabase or MySqlErrorCode.DuplicateFieldName or MySqlErrorCode.WrongUsage => Refusal.Query,
                    _ => Refusal.Other,
                }, my.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), Scrub(my.Message, source), where, timeoutSeconds, source);
            case MySqlException { InnerException: SocketException socket }:
                return McpFlowException.Unavailable($"Could not reach {where}: {socket.SocketErrorCode}.", "Ask the operator whether the database is up and reachable from the server.");
            case NpgsqlException { InnerException: TimeoutException } or TimeoutException:
                return McpFlowException.Unavailable($"{where} did not answer within {DatabaseSource.MaxConnectSeconds} s.", "Try again later, or ask the operator whether the database is up.");
            case NpgsqlException { InnerException: SocketException socket }:
                return McpFlowException.Unavailable($"Could not reach {where}: {socket.SocketErrorCode}.", "Ask the operator whether the database is up and reachable from the server.");
            case NpgsqlException or MySqlException:
                return McpFlowException.Unavailable($"Reading {where} failed in the driver ({ex.GetType().Name}).", "Try again; if it persists, ask the operator to check the server log.");
            default:
                return null;
        }
    }

    // MariaDB's ER_STATEMENT_TIMEOUT (max_statement_time exceeded), which MySqlConnector's list does not name.
    private const int MariaDbStatementTimeout = 1969;

    private enum Refusal { Timeout, ReadOnly, Privilege, SignIn, Query, Other }

    private static McpFlowException Refused(Refusal refusal, string code, string text, string where, int timeoutSeconds, DatabaseSource source) => refusal switch
    {
        Refusal.Timeout => new McpFlowException(ErrorKind.Timeout,
            $"The read from {where} ran past the {timeoutSeconds} s statement timeout and was stopped; no table was created or changed.",
            "Read fewer rows (limit, sample_percent) or a narrower query, or ask the operator to raise --load-timeout."),
        Refusal.ReadOnly => McpFlowException.Forbidden(
            $"{where} is read through a READ ONLY transaction: the statement tried to write ({text}).", "Sources are only read; transform the loaded table in the workspace."),
        Refusal.Privilege => McpFlowException.Forbidden(
            $"{where} refused: {text}.", "The source's role may not read that; call data_list_sources to see what it can read."),
        Refusal.SignIn => McpFlowException.Unavailable(
            $"Could not sign in to {where}: authentication failed.", "Ask the operator to check the source's user and password (MCPFLOW_SOURCE_PASSWORD__NAME)."),
        Refusal.Query => McpFlowException.Invalid(
            $"{where} refused the query ({code}): {text}.", source.IsMySql
                ? "Call data_list_sources with the source to see its tables and columns; give each result column its own name (AS)."
                : "Call data_list_sources with the source to see its tables and columns."),
        _ => McpFlowException.Invalid($"{where} refused the read ({code}): {text}."),
    };

    /// <summary><paramref name="text"/> cut to <see cref="MaxMessage"/> characters with every secret of the source replaced by <c>***</c>.</summary>
    public static string Scrub(string text, DatabaseSource source)
    {
        foreach (var secret in source.Secrets().Where(s => s.Length >= 3))
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        text = text.ReplaceLineEndings(" ");
        return text.Length <= MaxMessage ? text : text[..MaxMessage] + "…";
    }
}
