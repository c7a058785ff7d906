using McpFlow.Core.Charts;
using McpFlow.Testing;
using SkiaSharp;

namespace McpFlow.Core.Tests.Charts;

public sealed class ChartRendererTests : IDisposable
{
    private readonly string _temp = TempFolder.Create("charts");

    public void Dispose() => TempFolder.TryDelete(_temp);

    [Fact]
    public void Render_ProducesNonBlankPng_AndSavesArtifact()
    {
        using var plot = new ScottPlot.Plot();
        plot.Add.Scatter(new double[] { 1, 2, 3, 4 }, new double[] { 1, 4, 9, 16 });
        plot.Title("squares");

        var chart = ChartRenderer.Render(plot, "squares / test", _temp, 400, 300);

        chart.Name.Should().Be("squares___test");
        File.ReadAllBytes(chart.Path!).Should().Equal(chart.Png);
        using var bitmap = SKBitmap.Decode(chart.Png);
        bitmap.Width.Should().Be(400);
        bitmap.Height.Should().Be(300);
        var distinct = Enumerable.Range(0, 300).Select(y => bitmap.GetPixel(200, y)).Distinct().Count();
        distinct.Should().BeGreaterThan(2, "a rendered chart has more than a background colour");
    }

    [Theory]
    [InlineData("", "chart")]
    [InlineData("../../etc/passwd", "etc_passwd")]
    [InlineData("hist purchase_amount", "hist_purchase_amount")]
    public void SafeName_KeepsFileNamesInsideTheFolder(string name, string expected)
    {
        ChartRenderer.SafeName(name).Should().Be(expected);
    }
}
