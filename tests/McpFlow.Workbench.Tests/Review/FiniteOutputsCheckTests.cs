using McpFlow.Workbench.Review;

namespace McpFlow.Workbench.Tests.Review;

public sealed class FiniteOutputsCheckTests : ReviewTestBase
{
    private readonly FiniteOutputsCheck _check = new();

    [Fact]
    public void Run_Passes_OnFiniteCsvWithTextColumnsAndEmptyCells()
    {
        // "NaN" in a text column (a person's name) is not a numeric NaN.
        var csv = Artifacts.Write(Folder, "ok.csv", "name,score,note\nNaN,0.5,\"a, b\"\nAna,,x\n");
        _check.Run(Input([csv]), default).Passed.Should().BeTrue();
    }

    [Fact]
    public void Run_Fails_NamingTheCsvColumnAndFirstRowWithNaNOrInf()
    {
        var csv = Artifacts.Write(Folder, "bad.csv", "epoch,loss,acc\n1,0.5,0.8\n2,nan,0.9\n3,inf,0.9\n");
        var result = _check.Run(Input([csv]), default);
        result.Passed.Should().BeFalse();
        result.Details.Should().Be("bad.csv: column 'loss' has 2 NaN/Inf value(s), first at data row 2");
    }

    [Fact]
    public void Run_NotesAndSkips_ACsvWiderThanTheScanLimit_InsteadOfSplittingIt()
    {
        // One line of 10,000 "nan," cells: over the limit, so it is noted and not scanned (a NaN column would fail it).
        var csv = Artifacts.Write(Folder, "wide.csv", string.Concat(Enumerable.Repeat("nan,", FiniteOutputsCheck.MaxScanColumns)) + "nan\n1\n");
        var result = _check.Run(Input([csv]), default);
        result.Passed.Should().BeTrue();
        result.Details.Should().Contain("wide.csv not scanned (over 10,000 columns)");
    }

    [Fact]
    public void Run_Fails_OnTsvWithInfinity()
    {
        var tsv = Artifacts.Write(Folder, "bad.tsv", "a\tb\n1\t-Infinity\n");
        _check.Run(Input([tsv]), default).Details.Should().Contain("column 'b'");
    }

    [Fact]
    public void Run_Passes_OnFiniteJson() =>
        _check.Run(Input([Artifacts.Write(Folder, "ok.json", "{\"metrics\":{\"rmse\":1.5},\"label\":\"fine\"}")]), default).Passed.Should().BeTrue();

    [Fact]
    public void Run_Fails_OnJsonNaNStringsAndBareNaNLiterals()
    {
        var named = Artifacts.Write(Folder, "named.json", "{\"metrics\":{\"rmse\":\"NaN\",\"r2\":[0.5,\"-Infinity\"]}}");
        var bare = Artifacts.Write(Folder, "bare.json", "{\"rmse\": NaN}");
        var result = _check.Run(Input([named, bare]), default);
        result.Passed.Should().BeFalse();
        result.Details.Should().Contain("named.json: 2 NaN/Inf value(s) at $.metrics.rmse, $.metrics.r2[1]").And.Contain("bare.json: not valid JSON");
    }

    [Fact]
    public void Run_Fails_OnNdjsonLineWithNaN()
    {
        var ndjson = Artifacts.Write(Folder, "h.ndjson", "{\"loss\":0.5}\n{\"loss\":\"NaN\"}\n");
        _check.Run(Input([ndjson]), default).Details.Should().Contain("line 2.loss");
    }
}
