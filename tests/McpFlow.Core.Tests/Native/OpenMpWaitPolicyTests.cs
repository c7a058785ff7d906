using System.Runtime.InteropServices;
using McpFlow.Core.Native;

namespace McpFlow.Core.Tests.Native;

public sealed class OpenMpWaitPolicyTests
{
    [Fact]
    public void Apply_SetsThePolicyWhereNativeCodeReadsIt()
    {
        // Whatever ran first in this process, after Apply the variable is set in .NET's copy of the environment and
        // (on Unix) in the C library's, which is what libgomp reads when it loads: getenv through P/Invoke proves it.
        var policy = OpenMpWaitPolicy.Apply();

        OpenMpWaitPolicy.Current.Should().Be(policy);
        Environment.GetEnvironmentVariable(OpenMpWaitPolicy.Variable).Should().Be(policy);
        if (!OperatingSystem.IsWindows())
            Marshal.PtrToStringUTF8(GetEnv(OpenMpWaitPolicy.Variable)).Should().Be(policy);
    }

    // getenv's answer belongs to the C library: returned as a pointer so that no marshaller frees it.
    [DllImport("libc", EntryPoint = "getenv")]
    private static extern IntPtr GetEnv([MarshalAs(UnmanagedType.LPUTF8Str)] string name);
}
