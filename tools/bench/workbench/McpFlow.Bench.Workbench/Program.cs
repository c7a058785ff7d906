using System.Diagnostics;
using System.Globalization;
using System.Text;
using McpFlow.Workbench.Review;

// Workbench benchmark: the outputs_finite self-review check (NaN/Inf scan of a CSV) against pandas reading the same
// file and testing np.isfinite on its numeric columns, both in this run; plus the audit trail (AuditBench: appends,
// start-up through the checkpoint against reading the whole trail, a torn last line, verification).
// Debian's python3-pandas lives under /usr/bin/python3 (preferred over a python3 on PATH such as pyenv's).
// Usage: dotnet run -c Release --project tools/bench/workbench/McpFlow.Bench.Workbench -- [rows] [repeats]
//        dotnet run -c Release --project tools/bench/workbench/McpFlow.Bench.Workbench -- audit [repeats]   (audit trail only)
if (args.Length > 0 && args[0] == "audit")
{
    var auditFolder = Path.Combine(Path.GetTempPath(), $"mcpflow-bench-audit-{Environment.ProcessId}");
    try
    {
        AuditBench.Run(auditFolder, args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5);
    }
    finally
    {
        Directory.Delete(auditFolder, recursive: true);
    }

    return 0;
}

var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var repeats = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var folder = Path.Combine(Path.GetTempPath(), $"mcpflow-bench-wb-{Environment.ProcessId}");
Directory.CreateDirectory(folder);
try
{
    var csv = Path.Combine(folder, "outputs.csv");
    WriteCsv(csv, rows);
    Console.WriteLine($"CSV: {rows:N0} rows x 6 columns, {new FileInfo(csv).Length / 1e6:F1} MB (one NaN in the last row)");

    var check = new FiniteOutputsCheck();
    var input = new ReviewInput([csv], new Dictionary<string, double>(), null);
    var ours = Median(repeats, () =>
    {
        var result = check.Run(input, CancellationToken.None);
        if (result.Passed)
            throw new InvalidOperationException("The check missed the NaN.");
    });
    var peerTimes = Enumerable.Range(0, repeats).Select(_ => RunPeer(csv)).Order().ToList();
    var peer = peerTimes[peerTimes.Count / 2]; // timed inside Python, excluding interpreter start and imports
    Console.WriteLine($"outputs_finite scan: McpFlow {ours:F3} s, pandas read_csv + isfinite {peer:F3} s, ratio {ours / peer:F2}x");

    AuditBench.Run(Path.Combine(folder, "audit"), repeats);
}
finally
{
    Directory.Delete(folder, recursive: true);
}

return 0;

static void WriteCsv(string path, int rows)
{
    var random = new Random(7);
    using var writer = new StreamWriter(path, false, Encoding.UTF8, 1 << 20);
    writer.WriteLine("id,x1,x2,x3,label,score");
    for (var i = 0; i < rows; i++)
    {
        var score = i == rows - 1 ? "NaN" : random.NextDouble().ToString("F6", CultureInfo.InvariantCulture);
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{i},{random.NextDouble() * 100:F4},{random.NextDouble() - 0.5:F6},{random.Next(1000)},class_{random.Next(5)},{score}"));
    }
}

static double RunPeer(string csv)
{
    const string script = "import sys, time, numpy as np, pandas as pd\n" +
                          "t = time.perf_counter()\n" +
                          "df = pd.read_csv(sys.argv[1])\n" +
                          "num = df.select_dtypes(include=[np.number])\n" +
                          "bad = [c for c in num.columns if (~np.isfinite(num[c].to_numpy())).any()]\n" +
                          "assert bad == ['score'], bad\n" +
                          "print(time.perf_counter() - t)\n";
    using var process = Process.Start(new ProcessStartInfo(File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3", ["-c", script, csv]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
    var output = process.StandardOutput.ReadToEnd();
    var error = process.StandardError.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0)
        throw new InvalidOperationException("pandas peer failed: " + error);
    return double.Parse(output.Trim(), CultureInfo.InvariantCulture);
}

static double Median(int repeats, Action action)
{
    var times = new List<double>();
    for (var i = 0; i < repeats; i++)
    {
        var watch = Stopwatch.StartNew();
        action();
        times.Add(watch.Elapsed.TotalSeconds);
    }

    times.Sort();
    return times[times.Count / 2];
}
