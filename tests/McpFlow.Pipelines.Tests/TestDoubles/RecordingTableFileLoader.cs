using McpFlow.Core.Errors;
using McpFlow.Core.Storage;

namespace McpFlow.Pipelines.Tests.TestDoubles;

/// <summary>Stands in for the data group's checked loaders: records each call, then either refuses the file (as a check
/// would) or creates the table with <see cref="CreateSql"/> through the gateway.</summary>
public sealed class RecordingTableFileLoader(DuckDbGateway gateway) : ITableFileLoader
{
    public List<(string Path, string Table, string? Format, string Parameter)> Calls { get; } = [];

    public string CreateSql { get; set; } = "";

    public McpFlowException? Refusal { get; set; }

    public TableFileLoad Load(string path, string table, string? format, string parameterName, CancellationToken cancellationToken)
    {
        Calls.Add((path, table, format, parameterName));
        if (Refusal is not null)
            throw Refusal;
        using var connection = gateway.Open();
        using var command = connection.CreateCommand();
        command.CommandText = CreateSql;
        command.ExecuteNonQuery();
        return new TableFileLoad(table, "created", format ?? "csv", 0, 0);
    }
}
