using McpFlow.Core.Configuration;
using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using McpFlow.Core.Files;
using McpFlow.Core.Storage;
using McpFlow.Core.Workspace;
using McpFlow.Data.Loading;
using McpFlow.Data.Profiling;
using McpFlow.Data.Reports;
using McpFlow.Data.Transformations;

// Usage:
//   generate <rows> <file.csv>        write a 12-column CSV (mixed types, nulls, skew) with DuckDB
//   summarize <file.csv>              time DuckDB's SUMMARIZE over read_csv(file), print seconds and peak RSS
//   profile <file.csv> <workspace>    time data_load + analyze_dataframe's profile, print seconds and peak RSS
//   report <file.csv> <workspace>     time load + generate_eda_report (all formats, charts)
// Each measurement runs in its own process so peak memory (VmHWM) belongs to that measurement alone.
var mode = args.ElementAtOrDefault(0) ?? "";
var watch = Stopwatch.StartNew();
switch (mode)
{
    case "generate":
        Generate(long.Parse(args[1], CultureInfo.InvariantCulture), args[2]);
        Report("generate", 0, 0);
        break;
    case "summarize":
    {
        using var c = new DuckDBConnection("Data Source=:memory:");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SUMMARIZE SELECT * FROM read_csv('{args[1]}')";
        using var r = cmd.ExecuteReader();
        var rows = 0;
        while (r.Read())
            rows++;
        Report("duckdb_summarize", watch.Elapsed.TotalSeconds, rows);
        break;
    }
    case "profile" or "report":
    {
        var folder = args[2];
        var workspace = new McpFlowWorkspace(folder);
        var options = new McpFlowOptions { WorkspacePath = folder, AllowedRoots = [Path.GetDirectoryName(Path.GetFullPath(args[1]))!] };
        var guard = new FileAccessGuard(options);
        using var gateway = new DuckDbGateway(workspace, guard);
        var database = new McpFlow.Data.Storage.DataDatabase(gateway);
        var load = new TableLoader(database, guard, new McpFlow.Data.Query.SqlGuard(), options, TimeProvider.System)
            .Load(args[1], "bench", new LoadOptions(), force: true, CancellationToken.None);
        var loadSeconds = watch.Elapsed.TotalSeconds;
        var profiler = new Profiler(database);
        if (mode == "profile")
        {
            var profile = profiler.Profile("bench", null, null, CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load_s={loadSeconds:F2} profile_s={profile.ElapsedMs / 1000:F2} approximate={profile.Approximate} alerts={profile.Alerts.Count}"));
            Report("mcpflow_load_and_profile", watch.Elapsed.TotalSeconds, load.Rows);
        }
        else
        {
            var generator = new EdaReportGenerator(profiler, new Suggester(database, profiler), workspace, TimeProvider.System);
            var report = generator.Generate("bench", null, null, CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load_s={loadSeconds:F2} report_s={report.ElapsedMs / 1000:F2} charts={report.Charts.Count}"));
            Report("mcpflow_load_and_report", watch.Elapsed.TotalSeconds, load.Rows);
        }

        break;
    }
    default:
        Console.Error.WriteLine("usage: generate <rows> <file> | summarize <file> | profile <file> <workspace> | report <file> <workspace>");
        return 2;
}

return 0;

static void Report(string what, double seconds, long rows)
{
    var hwm = File.ReadAllLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT {what} seconds={seconds:F2} rows={rows} peak_rss_mb={long.Parse(hwm, CultureInfo.InvariantCulture) / 1024}"));
}

static void Generate(long rows, string path)
{
    using var c = new DuckDBConnection("Data Source=:memory:");
    c.Open();
    using var cmd = c.CreateCommand();
    // 12 columns: id, normal int, log-normal amount (skewed), uniform, 5 and 50 categories, text, date, bool,
    // a column with 5% nulls, a count column, and one correlated with the amount. setseed makes it repeatable.
    cmd.CommandText = $"""
        SELECT setseed(0.42);
        COPY (
          SELECT i AS id,
                 (40 + 12 * sqrt(-2 * ln(random() + 1e-12)) * cos(2 * pi() * random()))::INTEGER AS age,
                 round(exp(4 + 0.8 * sqrt(-2 * ln(random() + 1e-12)) * cos(2 * pi() * random())), 2) AS amount,
                 round(random() * 100, 3) AS score,
                 ['north', 'south', 'east', 'west', 'central'][1 + (i * 7919) % 5] AS region,
                 'cat_' || ((i * 104729) % 50)::VARCHAR AS category,
                 md5(i::VARCHAR)[1:10] AS code,
                 DATE '2020-01-01' + ((i * 31) % 1500)::INTEGER AS day,
                 random() < 0.3 AS flag,
                 CASE WHEN random() < 0.05 THEN NULL ELSE round(random() * 10, 2) END AS rating,
                 floor(-ln(random() + 1e-12) * 3)::INTEGER AS visits,
                 round(i % 1000 + random() * 50, 2) AS trend
          FROM range({rows}) t(i)
        ) TO '{path}' (HEADER, DELIMITER ',');
        """;
    cmd.ExecuteNonQuery();
}
