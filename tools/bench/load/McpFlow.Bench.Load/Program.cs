using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using McpFlow.Bench.Load;
using ModelContextProtocol.Client;

// Team-mode load test (issue 16): N users, each with their own token and role (MCPFLOW_USERS), call the real server
// over Streamable HTTP on loopback for a fixed time with a think time between calls, mixing read-only queries,
// profiles and training-job submissions (CallMix). The peer is the same server in the same run with one user per
// role (the baseline phase): latency ratios say what sharing the machine with N users costs.
// Usage: dotnet run -c Release --project tools/bench/load/McpFlow.Bench.Load -- [--users 50] [--seconds 300]
//        [--warmup-seconds 20] [--baseline-seconds 60] [--think-min 1000] [--think-max 3000] [--out tools/bench/load/load-results.md]
var users = Arg("--users", 50);
var seconds = Arg("--seconds", 300);
var baselineSeconds = Arg("--baseline-seconds", 60);
var warmupSeconds = Arg("--warmup-seconds", 20);
var think = (Arg("--think-min", 1000), Arg("--think-max", 3000));
var output = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault();
var repository = FindRepository();
var folder = Path.Combine(Path.GetTempPath(), $"mcpflow-bench-load-{Environment.ProcessId}");
var data = Path.Combine(folder, "data");
Directory.CreateDirectory(data);
SalesTable.Write(Path.Combine(data, "sales.csv"), rows: 200_000);
File.Copy(Path.Combine(repository, "examples", "data", "customers.csv"), Path.Combine(data, "customers.csv"));

var roster = Roster(users);
var variable = string.Join(';', roster.Select(u => $"{u.Name}:{u.Role.ToString().ToLowerInvariant()}:{Hash(u.Token)}"));
var loadAverage = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
try
{
    await using var server = await LoadServer.StartAsync(repository, Path.Combine(folder, "ws"), data, variable);
    await using (var setup = await server.ConnectAsync(roster.First(u => u.Role == UserRole.Analyst).Token, CancellationToken.None))
    {
        foreach (var table in new[] { "sales", "customers" })
        {
            var loaded = await setup.CallToolAsync("data_load", new Dictionary<string, object?> { ["path"] = Path.Combine(data, table + ".csv"), ["table"] = table });
            if (loaded.IsError == true)
                throw new InvalidOperationException($"loading {table} failed: {string.Join(' ', loaded.Content.OfType<ModelContextProtocol.Protocol.TextContentBlock>().Select(t => t.Text))}");
        }
    }

    // Unrecorded: the first call of each tool pays JIT and first-use costs that the baseline should not carry.
    await PhaseAsync(server, roster.GroupBy(u => u.Role).Select(g => g.First()).ToList(), warmupSeconds);
    var afterSetup = server.LastRss;
    Console.WriteLine($"Server up; tables loaded; warmed up; RSS {afterSetup / 1e6:F0} MB. Baseline: one user per role for {baselineSeconds} s...");
    var baseline = await PhaseAsync(server, roster.GroupBy(u => u.Role).Select(g => g.First()).ToList(), baselineSeconds);
    var baselinePeak = server.PeakRss;
    server.ResetPeak();
    Console.WriteLine($"Load: {users} users for {seconds} s...");
    var load = await PhaseAsync(server, roster, seconds);
    var report = LoadReport.Markdown(new LoadReport.Inputs(users, seconds, baselineSeconds, think, loadAverage, baseline.Book, load.Book,
        baseline.Calls / (double)baselineSeconds, load.Calls / (double)seconds, load.Submitted, afterSetup, baselinePeak, server.PeakRss,
        server.HighWaterMark, server.LastRss));
    Console.WriteLine(report);
    if (output is not null)
        await File.WriteAllTextAsync(output, report);
    if (load.Book.Errors() > 0)
        Console.WriteLine("Server log (stderr, warnings and above):\n" + server.Log);
    return load.Book.Errors() == 0 ? 0 : 1;
}
finally
{
    Directory.Delete(folder, recursive: true);
}

async Task<(LatencyBook Book, int Calls, int Submitted)> PhaseAsync(LoadServer server, IReadOnlyList<(string Name, UserRole Role, string Token)> members, int duration)
{
    var book = new LatencyBook();
    var clients = new List<McpClient>();
    try
    {
        foreach (var member in members)
            clients.Add(await server.ConnectAsync(member.Token, CancellationToken.None));
        var until = DateTime.UtcNow.AddSeconds(duration);
        var simulated = members.Select((m, i) => new VirtualUser(m.Name, m.Role, clients[i], seed: 1000 + i, think)).ToList();
        await Task.WhenAll(simulated.Select(u => u.RunAsync(book, until, CancellationToken.None)));
        return (book, book.Sorted().Length, simulated.Sum(u => u.Submitted));
    }
    finally
    {
        foreach (var client in clients)
            await client.DisposeAsync();
    }
}

// 20% viewers, 10% approvers, the rest analysts; tokens random per run (the server sees only their SHA-256).
static List<(string Name, UserRole Role, string Token)> Roster(int count) =>
    Enumerable.Range(1, count).Select(i =>
    {
        var role = i % 10 == 0 ? UserRole.Approver : i % 5 == 1 ? UserRole.Viewer : UserRole.Analyst;
        return ($"user{i:D2}", role, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('='));
    }).ToList();

static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static string FindRepository()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "McpFlow.sln")))
        dir = dir.Parent;
    return dir?.FullName ?? Environment.CurrentDirectory;
}
