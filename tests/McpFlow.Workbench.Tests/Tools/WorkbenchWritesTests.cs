using McpFlow.Testing;

namespace McpFlow.Workbench.Tests.Tools;

/// <summary>Workbench tools write only into the workspace's runs/, reports/ and audit/ folders, whatever names and
/// titles a client sends.</summary>
public sealed class WorkbenchWritesTests : WorkbenchServerTestBase
{
    private static readonly string[] Allowed = ["workspace/runs/", "workspace/reports/", "workspace/audit/"];

    private HashSet<string> Files() =>
        Directory.EnumerateFiles(TempRoot, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(TempRoot, f).Replace(Path.DirectorySeparatorChar, '/')).ToHashSet();

    [Fact]
    public async Task EveryWorkbenchTool_WritesOnlyUnderRunsReportsAndAudit_EvenWithHostileNames()
    {
        var input = Artifacts.Write(DataRoot, "train.csv", "x\n1\n");
        var before = Files();
        const string experiment = "../../../escape/../x";
        var approved = await RecordAsync("../../../etc/title", experiment: experiment, input: input);
        var rejected = await RecordAsync("/tmp/absolute", experiment: experiment);
        await CallOkAsync("workbench_review", new { run_id = approved });
        await DecideAsync(approved, "approve");
        await DecideAsync(rejected, "reject", feedback: "../../feedback");
        var output = Artifacts.Write(Path.Combine(DataRoot, "again"), "predictions.csv", "x,y_hat\n1,2\n");
        await CallOkAsync("workbench_record_run", new { title = "again", output_files = new[] { output }, summary = "s", rerun_of = rejected });
        await CallOkAsync("workbench_compare", new { experiment, rank_by = "rmse" });
        var report = await CallOkAsync("workbench_report", new { title = "../../../../tmp/evil", experiment });
        await CallOkAsync("workbench_report", new { title = "../../../../tmp/evil", experiment });

        // The test's own files: the outputs RecordAsync writes under data/ and the re-run's output.
        var written = Files().Except(before)
            .Where(f => !(f.StartsWith("data/", StringComparison.Ordinal) && Path.GetFileName(f) is "predictions.csv" or "fit.png")).ToList();
        written.Should().NotBeEmpty().And.OnlyContain(f => Allowed.Any(a => f.StartsWith(a, StringComparison.Ordinal)));
        written.Should().Contain(f => f.StartsWith("workspace/reports/comparisons/compare-", StringComparison.Ordinal) && f.EndsWith(".csv", StringComparison.Ordinal));
        // SafeName keeps letters, digits, '-', '_' and '.', and trims leading dots and underscores: "tmp_evil-<time>.md".
        Path.GetFileName(report.Structured().GetProperty("path").GetString()).Should().MatchRegex(@"^tmp_evil-\d{8}-\d{6}(-2)?\.md$");
        written.Count(f => f.StartsWith("workspace/reports/tmp_evil-", StringComparison.Ordinal)).Should().Be(2, "a second report of the same second gets -2, not the first one's file");
    }

    [Theory]
    [InlineData("", "title is empty")]
    [InlineData("line one\nline two", "title contains a line break")]
    public async Task Report_RefusesAnEmptyOrMultiLineTitle(string title, string message)
    {
        var result = await CallAsync("workbench_report", new { title });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain(message);
    }

    [Fact]
    public async Task Report_RefusesATitleLongerThanAHeading()
    {
        var result = await CallAsync("workbench_report", new { title = new string('t', 100_000) });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("title is 100,000 characters long; at most 200.");
    }
}
