using System.ComponentModel;
using McpFlow.Core.Errors;
using ModelContextProtocol.Server;

namespace McpFlow.Core.Tests.Support;

/// <summary>A resource that fails in the requested way.</summary>
[McpServerResourceType]
public sealed class TestResources
{
    [McpServerResource(UriTemplate = "test://fail/{kind}", Name = "test_fail", MimeType = "text/plain")]
    [Description("Fails: kind domain or unexpected.")]
    public static string Fail(string kind) => kind switch
    {
        "domain" => throw McpFlowException.NotFound("No such thing.", "Call test_list."),
        _ => throw new InvalidOperationException("secret row: alice,4111-1111"),
    };
}
