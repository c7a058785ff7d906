using McpFlow.Core.Configuration;
using System.Runtime.InteropServices;
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
    public void OpenMpWaitPolicy_IsPassiveByDefaultAndNativeCodeSeesIt()
    {
        // Whatever ran first in this process, after Apply the variable is set in .NET's copy of the environment and
        // (on Unix) in the C library's, which is what libgomp reads: getenv through P/Invoke proves the latter.
        var policy = OpenMpWaitPolicy.Apply();
        Environment.GetEnvironmentVariable("OMP_WAIT_POLICY").Should().Be(policy);
        if (!OperatingSystem.IsWindows())
            Marshal.PtrToStringUTF8(GetEnv("OMP_WAIT_POLICY")).Should().Be(policy);
    }

    [DllImport("libc", EntryPoint = "getenv")]
    private static extern IntPtr GetEnv([MarshalAs(UnmanagedType.LPUTF8Str)] string name);

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
