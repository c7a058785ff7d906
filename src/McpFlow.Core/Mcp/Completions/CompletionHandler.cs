using McpFlow.Core.Errors;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Core.Mcp.Completions;

#pragma warning disable RS0030 // MCP SDK handlers are static delegates that receive only the request's IServiceProvider: no constructor to inject into. (BannedSymbols.txt)

/// <summary>
/// The <c>completion/complete</c> handler: asks the <see cref="ICompletionSource"/>s registered for the prompt or
/// resource template and argument, keeps the values that start with what the user typed (then those that contain it,
/// ignoring case), and returns at most <see cref="MaxValues"/> of them with the total. An argument nobody completes
/// gets an empty list, as the specification's clients expect, not an error. A source that fails (e.g. an unreachable
/// MLflow server) yields no values; the failure is not the user's concern while typing.
/// </summary>
public static class CompletionHandler
{
    /// <summary>Most values in one answer (the specification's limit).</summary>
    public const int MaxValues = 100;

    /// <summary>Handles one request.</summary>
    public static async ValueTask<CompleteResult> HandleAsync(RequestContext<CompleteRequestParams> context, CancellationToken cancellationToken)
    {
        var request = context.Params;
        var reference = request?.Ref switch
        {
            PromptReference prompt => prompt.Name,
            ResourceTemplateReference template => template.Uri,
            _ => null,
        };
        if (request is null || reference is null)
            return Empty();
        var target = new CompletionTarget(reference, request.Argument.Name);
        var sources = context.Services?.GetServices<ICompletionSource>() ?? [];
        var values = new List<string>();
        foreach (var source in sources.Where(s => s.Targets.Contains(target)))
        {
            try
            {
                values.AddRange(await source.ValuesAsync(target, cancellationToken));
            }
            catch (McpFlowException)
            {
                // Nothing to offer from this source right now (e.g. the tracking store is unreachable).
            }
        }

        return Answer(values, request.Argument.Value ?? "");
    }

    /// <summary>The answer for <paramref name="values"/> filtered by <paramref name="typed"/>.</summary>
    public static CompleteResult Answer(IEnumerable<string> values, string typed)
    {
        var distinct = values.Distinct(StringComparer.Ordinal).ToList();
        var matches = distinct.Where(v => v.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .Concat(distinct.Where(v => !v.StartsWith(typed, StringComparison.OrdinalIgnoreCase) && v.Contains(typed, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        return new CompleteResult
        {
            Completion = new Completion { Values = matches.Take(MaxValues).ToList(), Total = matches.Count, HasMore = matches.Count > MaxValues },
        };
    }

    private static CompleteResult Empty() => new() { Completion = new Completion { Values = [], Total = 0, HasMore = false } };
}
