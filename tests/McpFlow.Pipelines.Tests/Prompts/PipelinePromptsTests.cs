using McpFlow.Pipelines.Tests.Tools;
using ModelContextProtocol.Protocol;

namespace McpFlow.Pipelines.Tests.Prompts;

public sealed class PipelinePromptsTests : PipelineServerTestBase
{
    [Fact]
    public async Task Workflow_NamesTheToolsInOrder_WithTheGivenTable()
    {
        var prompt = await Client.GetPromptAsync("pipeline_workflow", new Dictionary<string, object?> { ["table"] = "wind_power", ["target"] = "power_mw" });
        var text = string.Join("\n", prompt.Messages.Select(m => m.Content).OfType<TextContentBlock>().Select(t => t.Text));
        text.Should().Contain("generate_pipeline (table=\"wind_power\", target=\"power_mw\")");
        text.IndexOf("evaluate_pipeline_steps", StringComparison.Ordinal).Should().BeLessThan(text.IndexOf("pipeline_compare_models", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Workflow_SuggestsSeriesEventDetection_WhenATimeColumnIsGiven()
    {
        var prompt = await Client.GetPromptAsync("pipeline_workflow", new Dictionary<string, object?> { ["table"] = "wind_power", ["target"] = "power_mw", ["time_column"] = "timestamp" });
        var text = string.Join("\n", prompt.Messages.Select(m => m.Content).OfType<TextContentBlock>().Select(t => t.Text));
        text.Should().Contain("pipeline_detect_series_events (table=\"wind_power\", value_column=\"power_mw\", time_column=\"timestamp\")");
        text.IndexOf("pipeline_detect_series_events", StringComparison.Ordinal).Should().BeLessThan(text.IndexOf("evaluate_pipeline_steps", StringComparison.Ordinal));
    }
}
