using System.Globalization;
using McpFlow.Testing;
using McpFlow.Workbench.Tests.Tools;
using ModelContextProtocol.Protocol;

namespace McpFlow.Workbench.Tests.Views;

/// <summary>The review card shows only what the text of <c>workbench_run_card</c> says: every field the view reads from the
/// structured content (review-card.html, <c>render</c>) appears in the text too, and its figures are the result's images.</summary>
public sealed class ReviewCardContentTests : WorkbenchServerTestBase
{
    [Fact]
    public async Task RunCardText_CarriesEveryFieldTheViewShows()
    {
        var runId = await RecordAsync(title: "Ridge alpha=1", rmse: 1.5, experiment: "sweep", summary: "RMSE 1.5 on the holdout.");
        var card = await CallOkAsync("workbench_run_card", new { run_id = runId });
        var text = card.Content.OfType<TextContentBlock>().First().Text;
        var s = card.Structured();
        var m = s.GetProperty("manifest");

        text.Should().Contain(m.GetProperty("title").GetString()).And.Contain(runId).And.Contain(s.GetProperty("state").GetString())
            .And.Contain("attempt " + m.GetProperty("attempt").GetInt32()).And.Contain(m.GetProperty("experiment").GetString())
            .And.Contain(m.GetProperty("summary").GetString());
        foreach (var metric in m.GetProperty("metrics").EnumerateObject())
        {
            // The view prints a number with 6 significant digits (JavaScript toPrecision(6)), as G6 does here.
            text.Should().Contain($"| {metric.Name} | {metric.Value.GetDouble().ToString("G6", CultureInfo.InvariantCulture)} |");
        }

        var checks = s.GetProperty("review").GetProperty("checks").EnumerateArray().ToList();
        checks.Should().NotBeEmpty();
        foreach (var check in checks)
            text.Should().Contain($"`{check.GetProperty("check").GetString()}`: {check.GetProperty("details").GetString()}");
        // The one PNG output of RecordAsync arrives as image content, which is all the view draws as figures.
        card.Content.OfType<ImageContentBlock>().Should().ContainSingle().Which.MimeType.Should().Be("image/png");
    }
}
