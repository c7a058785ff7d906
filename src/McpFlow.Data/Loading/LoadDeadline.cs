using System.Data.Common;
using DuckDB.NET.Data;
using McpFlow.Core.Configuration;
using McpFlow.Core.Errors;

namespace McpFlow.Data.Loading;

/// <summary>
/// The time limit and cancellation of one load. <see cref="Token"/> fires when the caller cancels or the limit passes;
/// DuckDB statements run through <see cref="Execute"/> and <see cref="Rows{T}"/> are interrupted inside the engine when
/// it fires, and loaders that loop themselves (Excel, SQLite rows, file scans) check it.
/// </summary>
internal sealed class LoadDeadline : IDisposable
{
    private readonly CancellationTokenSource _timeout;
    private readonly CancellationTokenSource _linked;
    private readonly CancellationToken _caller;

    /// <summary>Starts the clock.</summary>
    public LoadDeadline(int seconds, TimeProvider time, CancellationToken caller)
    {
        Seconds = seconds;
        Time = time;
        _caller = caller;
        _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds), time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(caller, _timeout.Token);
    }

    /// <summary>The limit in seconds.</summary>
    public int Seconds { get; }

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>Fires on cancellation or when the limit passes.</summary>
    public CancellationToken Token => _linked.Token;

    /// <summary>True once the load must stop.</summary>
    public bool IsStopped => _linked.IsCancellationRequested;

    /// <summary>Runs a DuckDB statement that returns nothing, interrupted if the load must stop.</summary>
    public void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var watch = InterruptWatch.Start(Token, command.Cancel, Time);
        Token.ThrowIfCancellationRequested();
        command.ExecuteNonQuery();
    }

    /// <summary>Runs a DuckDB query and maps each row, interrupted if the load must stop.</summary>
    public List<T> Rows<T>(DuckDBConnection connection, string sql, Func<DbDataReader, T> map, params object?[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var p in parameters)
            command.Parameters.Add(new DuckDBParameter(p ?? DBNull.Value));
        using var watch = InterruptWatch.Start(Token, command.Cancel, Time);
        Token.ThrowIfCancellationRequested();
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            Token.ThrowIfCancellationRequested();
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>The exception to report once the load was stopped: the caller's cancellation as such, otherwise a timeout
    /// naming the limit and how to raise it.</summary>
    public Exception Stopped(string what, Exception inner) =>
        _caller.IsCancellationRequested
            ? new OperationCanceledException($"Loading {what} was cancelled.", inner, _caller)
            : new McpFlowException(ErrorKind.Timeout,
                $"Loading {what} ran past the {Seconds} s load time limit and was stopped; no table was created or changed.",
                $"Load a smaller file (or fewer files of a glob), or ask the operator to raise the limit with {LoadLimits.TimeoutSwitch}.", inner);

    /// <inheritdoc />
    public void Dispose()
    {
        _linked.Dispose();
        _timeout.Dispose();
    }
}
