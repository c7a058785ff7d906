using McpFlow.Core.Identity;
using McpFlow.Core.Runs;
using McpFlow.Core.Storage;
using McpFlow.Core.Storage.Catalogue;
using McpFlow.Core.Tracking;
using McpFlow.Core.Tuning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace McpFlow.Core.Groups;

/// <summary>
/// The one pattern for services one group offers another: the contract is an interface in Core, consumers take it as
/// a required constructor parameter, the implementing group registers it, and Core registers an explicit fallback with
/// <c>TryAdd</c> after every group (so a present group's registration wins and an absent group leaves a tested fallback,
/// never a null). Fallbacks: no approval gate unless the workspace configures gates (then refuse: fail closed), no run
/// recording, no tracking, no suggestions, no file loads, no model registry, no record of refused requests, no table metadata besides the rows.
/// </summary>
public static class CrossGroupFallbacks
{
    /// <summary>Registers each fallback unless a group registered the contract already.</summary>
    public static IServiceCollection TryAddFallbacks(this IServiceCollection services)
    {
        services.TryAddSingleton<IApprovalGate, AbsentApprovalGate>();
        services.TryAddSingleton<IRunRecorder, AbsentRunRecorder>();
        services.TryAddSingleton<ITrackingWriter, AbsentTrackingWriter>();
        services.TryAddSingleton<ISuggestionStore, AbsentSuggestionStore>();
        services.TryAddSingleton<ITableFileLoader, AbsentTableFileLoader>();
        services.TryAddSingleton<IModelResolver, AbsentModelResolver>();
        services.TryAddSingleton<IRefusalAudit, AbsentRefusalAudit>();
        services.TryAddSingleton<IHyperparameterOptimizer, AbsentHyperparameterOptimizer>();
        services.TryAddSingleton<ITableMetadata, NoTableMetadata>();
        return services;
    }
}
