using System.Runtime.InteropServices;

namespace McpFlow.Physics.Engine;

/// <summary>
/// Makes libtorch's OpenMP worker threads sleep instead of spin while they wait (<c>OMP_WAIT_POLICY=PASSIVE</c>),
/// unless the user set the variable. libgomp spins by default, which is cheap on an idle machine but ruinous when
/// the cores are shared: on this project's 2-core machine under a load average of 12-14, a 2-thread Adam step of the
/// 2D Poisson PINN took 270-950 ms spinning and 44-71 ms passive (tools/bench/physics/StepTimeBench, docs/physics.md).
/// libgomp reads the variable once, when it is loaded, so this must run before the first TorchSharp call; on Unix the
/// native environment is set with setenv because .NET keeps its own copy of the environment there.
/// </summary>
internal static class OpenMpWaitPolicy
{
    private const string Variable = "OMP_WAIT_POLICY";

    /// <summary>Sets the policy for this process when unset; returns the policy in force.</summary>
    public static string Apply()
    {
        var current = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrEmpty(current))
            return current;
        Environment.SetEnvironmentVariable(Variable, "PASSIVE"); // what Windows' native code and child processes see
        if (OperatingSystem.IsWindows())
            return "PASSIVE";
        try
        {
            return SetEnv(Variable, "PASSIVE", 0) == 0 ? "PASSIVE" : "default (setenv failed)";
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return "default (libc setenv unavailable)"; // never a reason to refuse physics: only the waiting differs
        }
    }

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnv([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);
}
