using McpFlow.Core.Tracking;
using Microsoft.Data.Sqlite;

namespace McpFlow.Experiments.Tracking.Sqlite;

/// <summary>Reads runs with their params, tags and latest metrics from MLflow's SQL schema.</summary>
internal static class SqliteRunReader
{
    public static List<MlflowRun> ReadRuns(SqliteConnection db, string where, (string Name, string Value) parameter)
    {
        var infos = new List<(string Id, string Exp, string Name, string Status, long? Start, long? End, string? Uri, string Stage, string? User)>();
        using (var cmd = db.CreateCommand())
        {
            cmd.CommandText = "SELECT r.run_uuid, r.experiment_id, r.name, r.status, r.start_time, r.end_time, r.artifact_uri, r.lifecycle_stage, r.user_id FROM runs r WHERE " + where;
            cmd.Parameters.AddWithValue(parameter.Name, parameter.Value);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                infos.Add((reader.GetString(0), reader.GetValue(1).ToString()!, reader.IsDBNull(2) ? "" : reader.GetString(2),
                    reader.IsDBNull(3) ? "RUNNING" : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetInt64(4),
                    reader.IsDBNull(5) ? null : reader.GetInt64(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                    reader.IsDBNull(7) ? "active" : reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8)));
            }
        }

        var parameters = KeyValues(db, "params", where, parameter);
        var tags = KeyValues(db, "tags", where, parameter);
        var metrics = LatestMetrics(db, where, parameter);
        return infos.Select(i =>
        {
            var runTags = tags.GetValueOrDefault(i.Id) ?? [];
            return new MlflowRun(i.Id, i.Exp, i.Name.Length > 0 ? i.Name : runTags.GetValueOrDefault(TrackingTags.RunName) ?? "", i.Status, i.Start, i.End, i.Uri, i.Stage,
                parameters.GetValueOrDefault(i.Id) ?? [], metrics.GetValueOrDefault(i.Id) ?? [], runTags, i.User);
        }).ToList();
    }

    public static MlflowMetric Metric(SqliteDataReader r) =>
        new(r.GetString(0), !r.IsDBNull(4) && r.GetBoolean(4) ? double.NaN : r.GetDouble(1), r.IsDBNull(3) ? 0 : r.GetInt64(3), r.GetInt64(2));

    private static Dictionary<string, Dictionary<string, string>> KeyValues(SqliteConnection db, string table, string where, (string Name, string Value) parameter)
    {
        var result = new Dictionary<string, Dictionary<string, string>>();
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"SELECT t.run_uuid, t.key, t.value FROM {table} t JOIN runs r ON r.run_uuid = t.run_uuid WHERE {where}";
        cmd.Parameters.AddWithValue(parameter.Name, parameter.Value);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            if (!result.TryGetValue(reader.GetString(0), out var d))
                result[reader.GetString(0)] = d = [];
            d[reader.GetString(1)] = reader.IsDBNull(2) ? "" : reader.GetString(2);
        }

        return result;
    }

    private static Dictionary<string, Dictionary<string, MlflowMetric>> LatestMetrics(SqliteConnection db, string where, (string Name, string Value) parameter)
    {
        var result = new Dictionary<string, Dictionary<string, MlflowMetric>>();
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"SELECT m.key, m.value, m.timestamp, m.step, m.is_nan, m.run_uuid FROM latest_metrics m JOIN runs r ON r.run_uuid = m.run_uuid WHERE {where}";
        cmd.Parameters.AddWithValue(parameter.Name, parameter.Value);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            var run = reader.GetString(5);
            if (!result.TryGetValue(run, out var d))
                result[run] = d = [];
            var metric = Metric(reader);
            d[metric.Key] = metric;
        }

        return result;
    }
}
