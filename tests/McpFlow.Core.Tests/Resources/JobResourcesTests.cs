using System.Text.Json;
using McpFlow.Core.Groups;
using McpFlow.Core.Tests.Support;
using McpFlow.Testing;
using ModelContextProtocol.Protocol;

namespace McpFlow.Core.Tests.Resources;

public sealed class JobResourcesTests : McpServerTestBase
{
    protected override IReadOnlyList<IToolGroup> Groups => [new TestToolGroup()];

    [Fact]
    public async Task JobResource_ShowsRecordAndResult_AfterJobFinishes()
    {
        var started = await CallOkAsync("test_count", new { n = 3, wait_seconds = 20 });
        var jobId = started.Structured().GetProperty("job").GetProperty("id").GetString()!;

        var contents = await Client.ReadResourceAsync($"mcpflow://jobs/{jobId}");
        var json = JsonDocument.Parse(contents.Contents.OfType<TextResourceContents>().Single().Text).RootElement;
        json.GetProperty("job").GetProperty("state").GetString().Should().Be("succeeded");
        json.GetProperty("result").GetProperty("data").GetProperty("n").GetInt32().Should().Be(3);

        var list = await Client.ReadResourceAsync("mcpflow://jobs");
        list.Contents.OfType<TextResourceContents>().Single().Text.Should().Contain(jobId);
    }

    [Fact]
    public async Task UnknownJobResource_IsAnError()
    {
        Func<Task> act = async () => await Client.ReadResourceAsync("mcpflow://jobs/job-missing");
        (await act.Should().ThrowAsync<ModelContextProtocol.McpException>()).Which.Message.Should().Contain("job-missing");
    }
}
