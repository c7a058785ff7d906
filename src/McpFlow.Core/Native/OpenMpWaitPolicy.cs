using System.Runtime.InteropServices;

namespace McpFlow.Core.Native;

/// <summary>
/// Makes the OpenMP worker threads of every native engine (libtorch for physics, LightGBM for pipelines) sleep
/// instead of spin while they wait (<c>OMP_WAIT_POLICY=PASSIVE</c>), unless the user set the variable. libgomp spins
/// by default, which is cheap on an idle machine but ruinous when the cores are shared: on this project's 2-core
/// machine under a load average of 12-14, a 2-thread Adam step of the 2D Poisson PINN took 270-950 ms spinning and
/// 44-71 ms passive (tools/bench/physics/StepTimeBench, docs/physics.md), and issue 14's digits comparison with
/// LightGBM took 684 s spinning against 119 s passive. libgomp reads the variable once, when it is loaded, so the
/// server applies this first thing at start (Program.cs), before any native library loads; the engines apply it again
/// before their first native call for hosts that are not the server (tests, benchmarks). On Unix the native
/// environment is set with setenv because .NET keeps its own copy of the environment there.
/// </summary>
public static partial class OpenMpWaitPolicy
{
    /// <summary>The environment variable libgomp (GCC's OpenMP runtime) and LLVM's libomp read.</summary>
    public const string Variable = "OMP_WAIT_POLICY";

    /// <summary>The policy McpFlow sets when the variable is unset.</summary>
    public const string Passive = "PASSIVE";

    private static readonly Lock Gate = new();

    /// <summary>Sets the policy for this process when unset (idempotent); returns the policy in force.</summary>
    public static string Apply()
    {
        lock (Gate)
        {
#pragma warning disable RS0030 // Not configuration: the C library's environment that native engines' OpenMP reads (see the type's summary).
            var current = Environment.GetEnvironmentVariable(Variable);
#pragma warning restore RS0030
            if (!string.IsNullOrEmpty(current))
                return current;
            Environment.SetEnvironmentVariable(Variable, Passive); // what Windows' native code and child processes see
            if (OperatingSystem.IsWindows())
                return Passive;
            try
            {
                return SetEnv(Variable, Passive, 0) == 0 ? Passive : "default (setenv failed)";
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                return "default (libc setenv unavailable)"; // never a reason to refuse an engine: only the waiting differs
            }
        }
    }

    /// <summary>The policy this process's environment holds now, or <c>null</c> when unset (libgomp then spins).</summary>
#pragma warning disable RS0030 // Not configuration: reports the native engines' OpenMP environment (see the type's summary).
    public static string? Current => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;
#pragma warning restore RS0030

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
