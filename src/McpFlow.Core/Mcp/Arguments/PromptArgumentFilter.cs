using System.Text.Json;
using McpFlow.Core.Errors;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Core.Mcp.Arguments;

/// <summary>
/// A get-prompt filter that checks a prompt's arguments against the arguments it declares before it runs: missing
/// required ones, unknown ones and values that are not strings (MCP prompt arguments are strings) are refused with
/// an invalid-params error naming them, instead of the binder's bare "An error occurred.".
/// </summary>
public static class PromptArgumentFilter
{
    /// <summary>Wraps a get-prompt handler.</summary>
    public static McpRequestHandler<GetPromptRequestParams, GetPromptResult> Wrap(McpRequestHandler<GetPromptRequestParams, GetPromptResult> next) =>
        (context, cancellationToken) =>
        {
            var name = context.Params?.Name;
            if (name is not null && context.Server.ServerOptions.PromptCollection is { } prompts && prompts.TryGetPrimitive(name, out var prompt))
            {
                var problems = Problems(prompt.ProtocolPrompt.Arguments ?? [], context.Params!.Arguments);
                if (problems.Count > 0)
                    throw new McpProtocolException($"Prompt '{ArgumentEcho.Show(name)}': {string.Join(" ", problems)}", McpErrorCode.InvalidParams);
            }

            return next(context, cancellationToken);
        };

    private static List<string> Problems(IList<PromptArgument> declared, IDictionary<string, JsonElement>? arguments)
    {
        var problems = new List<string>();
        var names = declared.Select(a => a.Name).ToList();
        foreach (var (key, value) in arguments ?? new Dictionary<string, JsonElement>())
        {
            var shown = ArgumentEcho.Show(key, 60);
            if (!names.Contains(key, StringComparer.Ordinal))
            {
                var nearest = NameSuggestions.Nearest(key, names);
                problems.Add($"'{shown}' is not an argument of this prompt{(nearest is null ? "" : $"; did you mean '{nearest}'?")}. " +
                    (names.Count == 0 ? "It takes no arguments." : $"Its arguments: {string.Join(", ", names)}."));
            }
            else if (value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                problems.Add($"'{shown}' must be a string; got {SchemaText.Describe(value)}.");
            }
        }

        foreach (var argument in declared.Where(a => a.Required == true))
        {
            if (arguments is null || !arguments.TryGetValue(argument.Name, out var value) || value.ValueKind == JsonValueKind.Null
                || (value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString())))
            {
                // Every prompt argument's description gives an example ("…, e.g. \"customers\"").
                problems.Add($"'{argument.Name}' is required but missing" +
                    (argument.Description is null ? "." : $": {ArgumentEcho.Show(argument.Description.TrimEnd('.'), 200)}."));
            }
        }

        return problems;
    }
}
