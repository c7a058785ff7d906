using Xunit.Abstractions;
using Xunit.Sdk;

namespace McpFlow.Security.Tests;

/// <summary>Runs a class's tests in the order they are declared. The fuzz and escape classes share one workspace per
/// class; absurd values (a 1 MB table name accepted, say) change what later attempts see, so the order is fixed and
/// the most disruptive class is declared last.</summary>
public sealed class DeclarationOrderer : ITestCaseOrderer
{
    /// <summary>The orderer's type name, for <see cref="TestCaseOrdererAttribute"/>.</summary>
    public const string TypeName = "McpFlow.Security.Tests.DeclarationOrderer";

    /// <summary>The assembly, for <see cref="TestCaseOrdererAttribute"/>.</summary>
    public const string AssemblyName = "McpFlow.Security.Tests";

    /// <inheritdoc />
    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        testCases.OrderBy(t => t.TestMethod.Method is ReflectionMethodInfo m ? m.MethodInfo.MetadataToken : int.MaxValue)
            .ThenBy(t => t.TestMethod.Method.Name, StringComparer.Ordinal);
}
