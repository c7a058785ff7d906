using McpFlow.Core.Configuration;
using McpFlow.Physics.Engine;
using TorchSharp;

namespace McpFlow.Physics.Tests.Engine;

public sealed class TorchRuntimeTests
{
    [Fact]
    public void Status_ReportsAvailableCpuWithConfiguredThreads()
    {
        var runtime = new TorchRuntime(new McpFlowOptions { Physics = { Threads = 1, Device = "cpu" } });

        runtime.Status.Available.Should().BeTrue(runtime.Status.Detail);
        runtime.Status.DeviceType.Should().Be(DeviceType.CPU);
        runtime.ToEngineStatus().Detail.Should().Contain("cpu");
        runtime.Status.Version.Should().Contain("OMP_WAIT_POLICY");
    }

    [Fact]
    public void Tensor_BackpropagatesGradientOfSquare()
    {
        _ = new TorchRuntime(new McpFlowOptions()).Device;
        using var x = torch.tensor(new[] { 1.0, -2.0, 3.0 }, requires_grad: true);
        using var loss = (x * x).sum();
        loss.backward();

        // d/dx sum(x^2) = 2x.
        x.grad!.data<double>().ToArray().Should().Equal(2.0, -4.0, 6.0);
    }
}
