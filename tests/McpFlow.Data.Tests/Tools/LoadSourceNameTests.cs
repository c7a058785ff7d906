using McpFlow.Core.Jobs;
using McpFlow.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace McpFlow.Data.Tests.Tools;

/// <summary>The source is looked up before any job starts (no source is configured here).</summary>
public sealed class LoadSourceNameTests : DataServerTestBase
{
    [Fact]
    public async Task LoadSource_RefusesAnUnconfiguredSource_BeforeStartingAJob_WithoutReplayingALongName()
    {
        var hostile = "warehouse" + new string('x', 300);

        var result = await CallAsync("data_load_source", new { source = hostile, source_table = "public.orders" });

        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("no database source is configured").And.NotContain(new string('x', 100));
        Services.GetRequiredService<JobManager>().List(null, 10).Should().BeEmpty("nothing is started for a source that does not exist");
    }
}
