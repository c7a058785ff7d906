namespace McpFlow.Security.Tests.Harness;

/// <summary>The built server, copied next to the tests by the project reference (as in McpFlow.Server.Tests).</summary>
internal static class ServerBinary
{
    /// <summary>Full path of McpFlow.Server.dll.</summary>
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "McpFlow.Server.dll");
}
