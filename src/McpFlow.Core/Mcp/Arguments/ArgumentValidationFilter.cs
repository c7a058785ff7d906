using McpFlow.Core.Errors;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Core.Mcp.Arguments;

/// <summary>
/// A call-tool filter that validates the arguments against the called tool's input schema before the SDK binds them
/// (binding is where a wrong type used to fail with a bare JsonException). A failed check is an
/// <see cref="McpFlowException"/> of kind <see cref="ErrorKind.InvalidInput"/> listing every problem; the tool does
/// not run.
/// </summary>
public static class ArgumentValidationFilter
{
    /// <summary>Problems listed in one answer at most; the rest are counted.</summary>
    public const int MaxProblemsShown = 8;

    /// <summary>Wraps a call-tool handler.</summary>
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Wrap(
        McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        (context, cancellationToken) =>
        {
            var name = context.Params?.Name;
            var tool = context.MatchedPrimitive as McpServerTool
                ?? (name is not null && context.Server.ServerOptions.ToolCollection is { } tools && tools.TryGetPrimitive(name, out var found) ? found : null);
            if (tool is not null && context.Params is { } parameters)
            {
                var problems = ArgumentSchemaValidator.Validate(ToolSchemas.Contract(tool.ProtocolTool), parameters.Arguments);
                if (problems.Count > 0)
                    throw McpFlowException.Invalid(Message(problems), "Correct the arguments and call again; tools/list shows each parameter's type and description.");
            }

            return next(context, cancellationToken);
        };

    /// <summary>The text of a failed check: one line per problem.</summary>
    public static string Message(IReadOnlyList<ArgumentProblem> problems)
    {
        var lines = problems.Take(MaxProblemsShown).Select(p => "- " + p.Text + ".");
        var more = problems.Count > MaxProblemsShown ? $"\n- … and {problems.Count - MaxProblemsShown} more problem(s)." : "";
        return $"invalid arguments, so nothing was run:\n{string.Join("\n", lines)}{more}";
    }
}
