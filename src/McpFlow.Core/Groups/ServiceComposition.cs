using McpFlow.Core.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace McpFlow.Core.Groups;

/// <summary>
/// Composition helpers for group registration files, so that no group resolves services itself: resolving inside a
/// registration factory (the service locator, banned in build/BannedSymbols.txt) happens only here.
/// </summary>
#pragma warning disable RS0030 // Composition code: a registration factory resolves its dependencies; this is the one place that does.
public static class ServiceComposition
{
    /// <summary>
    /// Registers <typeparamref name="TContract"/> as the already registered singleton <typeparamref name="TImplementation"/>
    /// (one instance for both), e.g. <c>services.AddForwarded&lt;IRunRecorder, RunRecorder&gt;()</c>.
    /// </summary>
    public static IServiceCollection AddForwarded<TContract, TImplementation>(this IServiceCollection services)
        where TContract : class
        where TImplementation : class, TContract =>
        services.AddSingleton<TContract>(provider => provider.GetRequiredService<TImplementation>());

    /// <summary>Registers a singleton made by <paramref name="create"/> from one registered service, e.g.
    /// <c>services.AddSingletonFrom&lt;McpFlowWorkspace, WorkbenchOptions&gt;(w =&gt; WorkbenchOptions.Load(w.Root))</c>.</summary>
    public static IServiceCollection AddSingletonFrom<T1, TService>(this IServiceCollection services, Func<T1, TService> create)
        where T1 : notnull
        where TService : class =>
        services.AddSingleton(provider => create(provider.GetRequiredService<T1>()));

    /// <summary>Registers a singleton made by <paramref name="create"/> from four registered services.</summary>
    public static IServiceCollection AddSingletonFrom<T1, T2, T3, T4, TService>(this IServiceCollection services, Func<T1, T2, T3, T4, TService> create)
        where T1 : notnull
        where T2 : notnull
        where T3 : notnull
        where T4 : notnull
        where TService : class =>
        services.AddSingleton(provider => create(provider.GetRequiredService<T1>(), provider.GetRequiredService<T2>(),
            provider.GetRequiredService<T3>(), provider.GetRequiredService<T4>()));

    /// <summary>Registers <typeparamref name="TContract"/> as one of two registered singletons, chosen by the options when it
    /// is first resolved, e.g. the PostgreSQL audit chain in team mode and the file trail otherwise:
    /// <c>services.AddChosen&lt;IAuditChain, PostgresAuditChain, AuditTrail&gt;(o =&gt; o.Team.Enabled)</c>.</summary>
    public static IServiceCollection AddChosen<TContract, TWhenTrue, TWhenFalse>(this IServiceCollection services, Func<McpFlowOptions, bool> choose)
        where TContract : class
        where TWhenTrue : class, TContract
        where TWhenFalse : class, TContract =>
        services.AddSingleton<TContract>(provider => choose(provider.GetRequiredService<McpFlowOptions>())
            ? provider.GetRequiredService<TWhenTrue>()
            : provider.GetRequiredService<TWhenFalse>());
}
#pragma warning restore RS0030
