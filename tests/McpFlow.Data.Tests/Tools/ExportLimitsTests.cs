using McpFlow.Core.Configuration;
using McpFlow.Data.Export;
using McpFlow.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace McpFlow.Data.Tests.Tools;

/// <summary>data_export under lowered limits (2 s, 1,000 rows, 64 KiB): an export past a limit, or cancelled, is
/// stopped inside DuckDB and writes nothing; an existing target is replaced only by a complete export.</summary>
public sealed class ExportLimitsTests : DataServerTestBase
{
    private const long MaxBytes = 64 << 10;

    protected override void ConfigureOptions(McpFlowOptions options)
    {
        options.Export.TimeoutSeconds = 2;
        options.Export.MaxRows = 1_000;
        options.Export.MaxBytes = MaxBytes;
    }

    private IEnumerable<string> FilesIn(string folder) => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(Path.GetFileName)!;

    [Fact]
    public async Task Export_StopsAQueryThatWouldRunForHours_AtTheTimeout_AndLeavesNoFile()
    {
        var path = Path.Combine(DataRoot, "out", "forever.csv");

        var result = await CallAsync("data_export", new { path, sql = "SELECT count(*) AS n FROM range(10000000000000)" });

        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("ran past the 2 s export time limit").And.Contain("nothing was written").And.Contain("--export-timeout");
        FilesIn(Path.Combine(DataRoot, "out")).Should().BeEmpty();
        await CallOkAsync("server_info");
    }

    [Fact]
    public void Export_IsCancelledByTheCaller_AndLeavesNoFile()
    {
        var exporter = Services.GetRequiredService<DataExporter>();
        var folder = Path.Combine(DataRoot, "cancelled");
        // The query never finishes within the test, so the export ends in a cancellation whenever the token fires.
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var act = () => exporter.Export(null, "SELECT count(*) AS n FROM range(10000000000000)", Path.Combine(folder, "r.csv"), null, false, null, cancel.Token);

        act.Should().Throw<OperationCanceledException>();
        FilesIn(folder).Should().BeEmpty();
    }

    [Fact]
    public async Task Export_RefusesMoreRowsThanTheCap_AndWritesExactlyTheCap()
    {
        var over = Path.Combine(DataRoot, "over.csv");
        var result = await CallAsync("data_export", new { path = over, sql = "SELECT range AS i FROM range(100000000000)" });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("more than 1,000 rows").And.Contain("--export-max-rows");
        File.Exists(over).Should().BeFalse();

        var exact = Path.Combine(DataRoot, "exact.csv");
        var s = (await CallOkAsync("data_export", new { path = exact, sql = "SELECT range AS i FROM range(1000)" })).Structured();
        s.GetProperty("rows").GetInt64().Should().Be(1_000);
        File.ReadLines(exact).Count().Should().Be(1_001, "a header and 1,000 rows");
    }

    [Fact]
    public async Task Export_StopsPastTheByteCap_AndKeepsTheExistingFile()
    {
        // 500 rows of 1,000 characters is about 500 KB of CSV, well past the 64 KiB cap and within the row cap.
        var path = WriteFile("kept.csv", "old\n");

        var result = await CallAsync("data_export", new { path, sql = "SELECT repeat('x', 1000) AS s FROM range(500)", overwrite = true });

        result.IsError.Should().BeTrue();
        result.Text().Should().Contain($"grew past {MaxBytes:N0} bytes").And.Contain("--export-max-bytes");
        File.ReadAllText(path).Should().Be("old\n");
        FilesIn(DataRoot).Should().Equal("kept.csv");
    }

    [Fact]
    public async Task Export_WritesToTheWorkspaceExportsFolder_ButNeverOverItsRecords()
    {
        await LoadAsync(WriteFile("t.csv", "x\n1\n2\n"));

        (await CallAsync("data_export", new { path = Path.Combine(WorkspaceRoot, "workbench.json"), table = "t", format = "json", overwrite = true }))
            .Text().Should().Contain("inside the McpFlow workspace");
        var s = (await CallOkAsync("data_export", new { path = Path.Combine(WorkspaceRoot, "exports", "t.csv"), table = "t" })).Structured();
        s.GetProperty("rows").GetInt64().Should().Be(2);
    }
}
