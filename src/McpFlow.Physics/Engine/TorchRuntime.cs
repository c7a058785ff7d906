using System.Runtime.InteropServices;
using McpFlow.Core.Configuration;
using McpFlow.Core.Errors;
using McpFlow.Core.Groups;
using McpFlow.Core.Native;
using TorchSharp;

namespace McpFlow.Physics.Engine;

/// <summary>
/// Loads libtorch on first use (so the server starts fast and other groups work when it cannot load), applies
/// the configured thread count and picks the device. Thread-safe; the outcome of the first load is kept.
/// </summary>
public sealed class TorchRuntime(McpFlowOptions options)
{
    private readonly Lazy<TorchStatus> _status = new(() => Load(options.Physics), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The load outcome (loads on first access). Never throws.</summary>
    public TorchStatus Status => _status.Value;

    /// <summary>Ensures libtorch is usable and returns the device to compute on, or throws an actionable
    /// <see cref="ErrorKind.Unavailable"/> error saying why it is not.</summary>
    public torch.Device Device
    {
        get
        {
            var status = Status;
            if (!status.Available)
                throw McpFlowException.Unavailable($"TorchSharp (libtorch) cannot be loaded here: {status.Detail}",
                    "Physics training and evaluation need libtorch; the other groups keep working. Rebuild McpFlow on this host " +
                    "(the build marks GLIBCXX_3.4.32 weak in libLibTorchSharp.so when needed) or install a libstdc++ from GCC 13+.");
            return new torch.Device(status.DeviceType);
        }
    }

    /// <summary>An engine probe for <c>server_info</c>.</summary>
    public EngineStatus ToEngineStatus()
    {
        var s = Status;
        return new EngineStatus("TorchSharp", s.Available, s.Version,
            s.Available ? $"device {s.DeviceType.ToString().ToLowerInvariant()}, {s.Threads} thread(s)" : s.Detail);
    }

    private static TorchStatus Load(PhysicsOptions physics)
    {
        try
        {
            var waitPolicy = OpenMpWaitPolicy.Apply();
            torch.InitializeDeviceType(DeviceType.CPU);
            var threads = physics.Threads > 0 ? physics.Threads : Environment.ProcessorCount;
            torch.set_num_threads(threads);
            var wantsCuda = physics.Device.Equals("cuda", StringComparison.OrdinalIgnoreCase);
            var auto = physics.Device.Equals("auto", StringComparison.OrdinalIgnoreCase);
            var cuda = (wantsCuda || auto) && torch.cuda.is_available();
            if (wantsCuda && !cuda)
                return new TorchStatus(false, null, DeviceType.CPU, threads, "Physics.Device is 'cuda' but no CUDA device is available (the libtorch package here is CPU-only). Set it to 'auto' or 'cpu'.");
            using (var probe = torch.ones(2, requires_grad: true))
            {
                using var sum = (probe * probe).sum();
                sum.backward();
            }

            var version = typeof(torch).Assembly.GetName().Version?.ToString(3) ?? "unknown";
            return new TorchStatus(true, $"TorchSharp {version}, libtorch {torch.__version__}, OMP_WAIT_POLICY {waitPolicy.ToLowerInvariant()}",
                cuda ? DeviceType.CUDA : DeviceType.CPU, threads, null);
        }
        catch (Exception ex) when (ex is DllNotFoundException or TypeInitializationException or NotSupportedException or InvalidOperationException or BadImageFormatException or EntryPointNotFoundException or ExternalException)
        {
            var root = ex;
            while (root.InnerException is not null)
                root = root.InnerException;
            return new TorchStatus(false, null, DeviceType.CPU, 0, $"{root.GetType().Name}: {root.Message}");
        }
    }
}
