using System.Globalization;
using McpFlow.Core.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace McpFlow.Server.Hosting;

/// <summary>
/// Wraps a logger provider so that every message and exception text passes through
/// <see cref="SecretRedactor.RedactText"/> (URL passwords, Authorization headers, bearer tokens, secret
/// <c>name=value</c> pairs, …) and is cut to <see cref="MaxMessageLength"/> (<see cref="MaxExceptionLength"/> for an
/// exception with its stack) before the inner provider sees it, whatever category or level wrote it.
/// </summary>
internal sealed class RedactingLoggerProvider(ILoggerProvider inner) : ILoggerProvider, ISupportExternalScope
{
    /// <summary>Characters of one message kept (a client argument should never fill the log).</summary>
    public const int MaxMessageLength = 8_192;

    /// <summary>Characters of an exception's text (type, message, stack, inner exceptions) kept.</summary>
    public const int MaxExceptionLength = 16_384;

    /// <summary>The wrapped provider.</summary>
    public ILoggerProvider Inner => inner;

    /// <summary>Replaces every <see cref="ILoggerProvider"/> registered in <paramref name="services"/> by its wrapped form.</summary>
    public static void WrapAll(IServiceCollection services)
    {
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType != typeof(ILoggerProvider) || descriptor.IsKeyedService)
                continue;
            services[i] = ServiceDescriptor.Singleton<ILoggerProvider>(sp => Wrap(descriptor switch
            {
                { ImplementationInstance: ILoggerProvider instance } => instance,
                { ImplementationFactory: { } factory } => (ILoggerProvider)factory(sp),
                _ => (ILoggerProvider)ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!),
            }));
        }
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    /// <inheritdoc />
    public void SetScopeProvider(IExternalScopeProvider scopeProvider)
    {
        if (inner is ISupportExternalScope scoped)
            scoped.SetScopeProvider(scopeProvider);
    }

    /// <inheritdoc />
    public void Dispose() => inner.Dispose();

    /// <summary>A text as it may be logged: redacted, then cut to <paramref name="max"/> characters.</summary>
    public static string Clean(string text, int max)
    {
        var clean = SecretRedactor.RedactText(text);
        return clean.Length <= max ? clean : clean[..max] + string.Create(CultureInfo.InvariantCulture, $"… [{clean.Length - max:N0} more characters not logged]");
    }

    private static RedactingLoggerProvider Wrap(ILoggerProvider provider) => provider as RedactingLoggerProvider ?? new RedactingLoggerProvider(provider);
}
