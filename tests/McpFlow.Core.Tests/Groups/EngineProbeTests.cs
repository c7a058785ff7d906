using McpFlow.Core.Groups;
using McpFlow.Core.Tests.Support;
using Microsoft.Extensions.Logging;

namespace McpFlow.Core.Tests.Groups;

public sealed class EngineProbeTests
{
    [Fact]
    public void AWorkingEngine_ReportsItsOwnStatus()
    {
        using var logs = new CapturingLoggerProvider();
        var status = new EngineProbe("Demo", () => new EngineStatus("Demo", true, "1.2.3", "loaded")).Probe(logs.CreateLogger("probe"));

        status.Should().Be(new EngineStatus("Demo", true, "1.2.3", "loaded"));
        logs.Entries.Should().BeEmpty();
    }

    [Fact]
    public void AFailingEngine_IsReportedByTypeAndLogId_AndItsMessageGoesOnlyToTheLog()
    {
        // Native loaders' messages name host paths and library search lists: the client sees the type and a log id.
        using var logs = new CapturingLoggerProvider();
        var inner = new DllNotFoundException("Unable to load shared library '/home/ops/.nuget/packages/libtorch/libtorch.so'");
        var status = new EngineProbe("Demo", () => throw new TypeInitializationException("Demo.Native", inner)).Probe(logs.CreateLogger("probe"));

        status.Available.Should().BeFalse();
        status.Version.Should().BeNull();
        status.Detail.Should().StartWith("DllNotFoundException while loading (log id ").And.NotContain("/home/ops").And.Contain("docs/environment.md");
        var entry = logs.Entries.Should().ContainSingle().Subject;
        entry.Level.Should().Be(LogLevel.Error);
        entry.Exception.Should().BeOfType<TypeInitializationException>();
        status.Detail.Should().Contain(McpFlow.Core.Errors.ErrorReport.LogId(inner));
        entry.Message.Should().Contain(McpFlow.Core.Errors.ErrorReport.LogId(inner));
    }
}
