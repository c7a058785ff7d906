using McpFlow.Pipelines.Tests.Series;
using McpFlow.Testing;

namespace McpFlow.Pipelines.Tests.Tools;

public sealed class DetectSeriesEventsToolTests : PipelineServerTestBase
{
    [Fact]
    public async Task Detect_ReturnsTheLevelShiftAndTheSpike_WithTheirTimesAndAChart()
    {
        // Hourly from 2024-01-01: N(0, 1) noise (seeded), level +6 from hour 150 (2024-01-07 06:00), one +9 spike at hour 220.
        var noise = Noise.Gaussian(300, seed: 8);
        var rows = string.Join(", ", noise.Select((e, i) => FormattableString.Invariant($"({i}, {e + (i < 150 ? 0 : 6) + (i == 220 ? 9 : 0)})")));
        Execute($"CREATE TABLE plant AS SELECT TIMESTAMP '2024-01-01' + to_hours(i) AS ts, v AS output_mw FROM (VALUES {rows}) t(i, v)");
        var result = await CallOkAsync("pipeline_detect_series_events", new { table = "plant", value_column = "output_mw", time_column = "ts" });
        var s = result.Structured();
        s.GetProperty("rows").GetInt32().Should().Be(300);
        var change = s.GetProperty("changePoints").EnumerateArray().Single();
        change.GetProperty("index").GetInt32().Should().Be(150);
        change.GetProperty("time").GetString().Should().StartWith("2024-01-07T06:00:00");
        change.GetProperty("shift").GetDouble().Should().BeApproximately(6, 0.8);
        var spike = s.GetProperty("spikes").EnumerateArray().Single();
        spike.GetProperty("index").GetInt32().Should().Be(220);
        spike.GetProperty("score").GetDouble().Should().BeGreaterThan(4.5);
        result.Images().Should().ContainSingle().Which.Take(4).Should().Equal(0x89, (byte)'P', (byte)'N', (byte)'G');
        result.Text().Should().Contain("1 spike(s), 1 change point(s)");
    }

    [Fact]
    public async Task Detect_RejectsATextValueColumn_WithTheFix()
    {
        Execute("CREATE TABLE notes AS SELECT i AS t, 'note ' || i AS body FROM range(0, 50) r(i)");
        var result = await CallAsync("pipeline_detect_series_events", new { table = "notes", value_column = "body", time_column = "t" });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("'body' has type VARCHAR").And.Contain("need numbers");
    }

    [Fact]
    public async Task Detect_NamesTheColumns_WhenTheValueColumnDoesNotExist()
    {
        Execute("CREATE TABLE small AS SELECT i AS t, i * 2.0 AS v FROM range(0, 50) r(i)");
        var result = await CallAsync("pipeline_detect_series_events", new { table = "small", value_column = "power", time_column = "t" });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("Column 'power' (value_column) is not in the table").And.Contain("Columns: t, v");
    }

    [Fact]
    public async Task Detect_RejectsANegativeSeason()
    {
        Execute("CREATE TABLE small AS SELECT i AS t, i * 2.0 AS v FROM range(0, 50) r(i)");
        var result = await CallAsync("pipeline_detect_series_events", new { table = "small", value_column = "v", time_column = "t", season = -1 });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("season must be between 0 and 400 rows; got -1").And.Contain("0 for none");
    }
}
