using McpFlow.Core.Native;
using McpFlow.Testing;

namespace McpFlow.Pipelines.Tests.Tools;

public sealed class EngineProbeToolTests : PipelineServerTestBase
{
    [Fact]
    public async Task ServerInfo_ReportsMlNetPipelines_AndLightGbmNativeLibrary()
    {
        var result = await CallOkAsync("server_info", new { probe_engines = true });

        var engine = result.Structured().GetProperty("engines").EnumerateArray()
            .Single(e => e.GetProperty("engine").GetString() == "ML.NET");
        engine.GetProperty("available").GetBoolean().Should().BeTrue(engine.GetProperty("detail").GetString());
        engine.GetProperty("version").GetString().Should().StartWith("5.");
        // The probe applies passive OpenMP waiting before LightGBM loads (a policy the user set is kept and shown).
        engine.GetProperty("detail").GetString().Should().Be(
            $"pipelines run; LightGBM native library loads; OMP_WAIT_POLICY {OpenMpWaitPolicy.Current!.ToLowerInvariant()}");
    }
}
