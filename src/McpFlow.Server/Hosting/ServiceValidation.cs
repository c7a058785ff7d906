using Microsoft.Extensions.DependencyInjection;

namespace McpFlow.Server.Hosting;

/// <summary>
/// How both hosts build their service provider: every registration is checked when the provider is built (a service
/// whose dependencies cannot be resolved stops the start with its name, not the first tool call that needs it), and a
/// scoped service may not be resolved from the root or captured by a singleton. The test harness
/// (tests/McpFlow.Testing) builds its provider the same way.
/// </summary>
internal static class ServiceValidation
{
    /// <summary>Scope and on-build validation on.</summary>
    public static ServiceProviderOptions Options => new() { ValidateScopes = true, ValidateOnBuild = true };

    /// <summary>Applies <see cref="Options"/> to a host's default service provider factory.</summary>
    public static void Apply(ServiceProviderOptions target)
    {
        target.ValidateScopes = true;
        target.ValidateOnBuild = true;
    }
}
