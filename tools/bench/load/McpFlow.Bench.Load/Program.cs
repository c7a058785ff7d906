using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using McpFlow.Bench.Load;
using McpFlow.Testing.Postgres;
using ModelContextProtocol.Client;

// Team-mode load test (issue 16): N users, each with their own token and role (MCPFLOW_USERS), call the real server
// over Streamable HTTP on loopback for a fixed time with a think time between calls, mixing read-only queries,
// profiles and training-job submissions (CallMix). The peer is the same server in the same run with one user per
// role (the baseline phase): latency ratios say what sharing the machine with N users costs.
// With --team: a real PostgreSQL (the test fixture, apt-get install postgresql), two servers A and B and one job
// worker, all in team mode over one workspace; users alternate between A and B, trainings run on the worker.
// Usage: dotnet run -c Release --project tools/bench/load/McpFlow.Bench.Load -- [--users 50] [--seconds 300] [--team]
//        [--warmup-seconds 20] [--baseline-seconds 60] [--think-min 1000] [--think-max 3000] [--out tools/bench/load/load-results.md]
var users = Arg("--users", 50);
var seconds = Arg("--seconds", 300);
var baselineSeconds = Arg("--baseline-seconds", 60);
var warmupSeconds = Arg("--warmup-seconds", 20);
var think = (Arg("--think-min", 1000), Arg("--think-max", 3000));
var output = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault();
var team = args.Contains("--team");
var repository = FindRepository();
var folder = Path.Combine(Path.GetTempPath(), $"mcpflow-bench-load-{Environment.ProcessId}");
var data = Path.Combine(folder, "data");
Directory.CreateDirectory(data);
SalesTable.Write(Path.Combine(data, "sales.csv"), rows: 200_000);
File.Copy(Path.Combine(repository, "examples", "data", "customers.csv"), Path.Combine(data, "customers.csv"));

var roster = Roster(users);
var variable = string.Join(';', roster.Select(u => $"{u.Name}:{u.Role.ToString().ToLowerInvariant()}:{Hash(u.Token)}"));
var loadAverage = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
var processes = new List<LoadServer>();
PostgresServer? postgres = null;
try
{
    var environment = new Dictionary<string, string>();
    if (team)
    {
        postgres = new PostgresServer();
        await postgres.InitializeAsync();
        environment["MCPFLOW_TEAM_DATABASE"] = postgres.TeamConnectionString(await postgres.CreateTeamDatabaseAsync("mcpflow_load"));
    }

    var workspace = Path.Combine(folder, "ws");
    // A first, alone: in team mode it applies the database's migrations.
    processes.Add(await LoadServer.StartAsync(repository, workspace, data, variable, environment, team ? "server A" : "server"));
    if (team)
    {
        processes.Add(await LoadServer.StartAsync(repository, workspace, data, variable, environment, "server B"));
        processes.Add(await LoadServer.StartWorkerAsync(repository, workspace, data, environment));
    }

    var servers = processes.Where(p => p.Endpoint is not null).ToList();
    await using (var setup = await servers[0].ConnectAsync(roster.First(u => u.Role == UserRole.Analyst).Token, CancellationToken.None))
    {
        foreach (var table in new[] { "sales", "customers" })
        {
            var loaded = await setup.CallToolAsync("data_load", new Dictionary<string, object?> { ["path"] = Path.Combine(data, table + ".csv"), ["table"] = table });
            if (loaded.IsError == true)
                throw new InvalidOperationException($"loading {table} failed: {string.Join(' ', loaded.Content.OfType<ModelContextProtocol.Protocol.TextContentBlock>().Select(t => t.Text))}");
        }
    }

    // Unrecorded: the first call of each tool pays JIT and first-use costs that the baseline should not carry. In team
    // mode the one-user-per-role phases run twice per role, once through each server.
    var perRole = roster.GroupBy(u => u.Role).SelectMany(g => g.Take(servers.Count)).ToList();
    await PhaseAsync(servers, perRole, warmupSeconds);
    var afterSetup = processes.Select(p => p.LastRss).ToList();
    Console.WriteLine($"Up; tables loaded; warmed up; RSS {string.Join(", ", processes.Select(p => $"{p.Name} {p.LastRss / 1e6:F0} MB"))}. Baseline: one user per role for {baselineSeconds} s...");
    var baseline = await PhaseAsync(servers, perRole, baselineSeconds);
    var baselinePeak = processes.Select(p => p.PeakRss).ToList();
    processes.ForEach(p => p.ResetPeak());
    Console.WriteLine($"Load: {users} users for {seconds} s...");
    var load = await PhaseAsync(servers, roster, seconds);
    var memory = processes.Select((p, k) => new LoadReport.Memory(p.Name, afterSetup[k], baselinePeak[k], p.PeakRss, p.HighWaterMark, p.LastRss)).ToList();
    var shape = team ? $"team mode: servers A and B (users alternate) and one job worker over PostgreSQL {await postgres!.AdminScalarAsync("SHOW server_version")}" : "one server";
    var report = LoadReport.Markdown(new LoadReport.Inputs(users, seconds, baselineSeconds, think, loadAverage, shape, baseline.Book, load.Book,
        baseline.Calls / (double)baselineSeconds, load.Calls / (double)seconds, load.Submitted, memory));
    Console.WriteLine(report);
    if (output is not null)
        await File.WriteAllTextAsync(output, report);
    if (load.Book.Errors() > 0)
    {
        foreach (var process in processes)
            Console.WriteLine($"{process.Name} log (stderr):\n" + process.Log);
    }

    return load.Book.Errors() == 0 ? 0 : 1;
}
finally
{
    foreach (var process in processes)
        await process.DisposeAsync();
    if (postgres is not null)
        await postgres.DisposeAsync();
    Directory.Delete(folder, recursive: true);
}

async Task<(LatencyBook Book, int Calls, int Submitted)> PhaseAsync(IReadOnlyList<LoadServer> servers, IReadOnlyList<(string Name, UserRole Role, string Token)> members, int duration)
{
    var book = new LatencyBook();
    var clients = new List<McpClient>();
    try
    {
        // Member i talks to server i mod N (A, B, A, …), as a round-robin load balancer would place their sessions.
        foreach (var (member, i) in members.Select((m, i) => (m, i)))
            clients.Add(await servers[i % servers.Count].ConnectAsync(member.Token, CancellationToken.None));
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
