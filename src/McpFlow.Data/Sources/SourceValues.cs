using System.Data.Common;
using DuckDB.NET.Data;
using McpFlow.Core.Configuration;
using McpFlow.Core.Errors;

namespace McpFlow.Data.Sources;

/// <summary>Reads one non-null value with the driver's exact .NET type and appends it to the DuckDB row.</summary>
internal static class SourceValues
{
    public static void Append(IDuckDBAppenderRow row, DbDataReader data, int i, SourceColumn column, int maxCellBytes)
    {
        switch (column.Kind)
        {
            case ValueKind.Boolean: row.AppendValue(data.GetBoolean(i)); break;
            case ValueKind.Int16: row.AppendValue(data.GetInt16(i)); break;
            case ValueKind.Int32: row.AppendValue(data.GetInt32(i)); break;
            case ValueKind.Int64: row.AppendValue(data.GetInt64(i)); break;
            case ValueKind.Single: row.AppendValue(data.GetFloat(i)); break;
            case ValueKind.Double: row.AppendValue(data.GetDouble(i)); break;
            case ValueKind.Decimal: row.AppendValue(data.GetDecimal(i)); break;
            case ValueKind.Date: row.AppendValue(data.GetFieldValue<DateOnly>(i)); break;
            case ValueKind.Timestamp: row.AppendValue(data.GetDateTime(i)); break;
            case ValueKind.TimestampTz: row.AppendValue(data.GetFieldValue<DateTimeOffset>(i)); break;
            case ValueKind.Time: row.AppendValue(data.GetFieldValue<TimeOnly>(i)); break;
            case ValueKind.Uuid: row.AppendValue(data.GetGuid(i)); break;
            case ValueKind.Blob:
                var bytes = data.GetFieldValue<byte[]>(i);
                Check(bytes.Length, column, maxCellBytes);
                row.AppendValue(bytes);
                break;
            default:
                var text = data.GetString(i);
                Check(text.Length, column, maxCellBytes);
                row.AppendValue(text);
                break;
        }
    }

    /// <summary>Fails the load when a value is longer than a cell may be.</summary>
    public static void Check(int length, SourceColumn column, int maxCellBytes)
    {
        if (length > maxCellBytes)
            throw McpFlowException.Invalid($"Column '{column.Name}' holds a value of {length:N0} bytes or characters; a load accepts at most {maxCellBytes:N0}.",
                $"Leave the column out or cut it in a query (left(col, n)), or ask the operator to raise the limit with {LoadLimits.CellBytesSwitch}.");
    }
}
