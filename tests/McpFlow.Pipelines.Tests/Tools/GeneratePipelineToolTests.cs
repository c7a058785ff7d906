using McpFlow.Testing;

namespace McpFlow.Pipelines.Tests.Tools;

public sealed class GeneratePipelineToolTests : PipelineServerTestBase
{
    [Fact]
    public async Task GeneratePipeline_ReturnsAnExplainedForecastingSpec_ForAnHourlySeries()
    {
        Execute(TestData.Hourly);
        var result = await CallOkAsync("generate_pipeline", new { table = "power", target = "mw", task = "forecasting", time_column = "ts", horizon = 24, folds = 3 });
        var structured = result.Structured();
        structured.GetProperty("spec_id").GetString().Should().StartWith("pl-");
        var spec = structured.GetProperty("spec");
        spec.GetProperty("specVersion").GetString().Should().Be("1.0");
        spec.GetProperty("task").GetString().Should().Be("forecasting");
        spec.GetProperty("features").GetProperty("fourierPeriod").GetInt32().Should().Be(24);
        spec.GetProperty("features").GetProperty("lags").EnumerateArray().Select(l => l.GetInt32()).Should().Equal(24, 25, 26, 48);
        result.Text().Should().Contain("Season of 24 rows detected").And.Contain("Expanding-window").And.Contain("No trend");
        spec.GetProperty("features").GetProperty("targetTransform").GetString().Should().Be("none", "a stationary series is modelled as is");
        spec.GetProperty("candidates").EnumerateArray().Select(c => c.GetString()).Should().Contain("holt_winters");
    }

    [Fact]
    public async Task GeneratePipeline_ReportsTheMissingTimeColumn_ForForecasting()
    {
        Execute(TestData.Hourly);
        var result = await CallAsync("generate_pipeline", new { table = "power", target = "mw", task = "forecasting" });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("Forecasting needs a time column").And.Contain("time_column=");
    }

    [Fact]
    public async Task GeneratePipeline_ReportsAnUnknownTable()
    {
        var result = await CallAsync("generate_pipeline", new { table = "nothing", target = "y" });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("Table 'nothing' is not in the workspace database");
    }
}
