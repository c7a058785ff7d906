using System.Text.Json;
using System.Text.Json.Nodes;
using McpFlow.Core.Ids;
using McpFlow.Core.Security;
using McpFlow.Workbench.Audit;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Workbench.Tools;

#pragma warning disable RS0030 // MCP SDK filters are static delegates that receive only the request's IServiceProvider: no constructor to inject into. (BannedSymbols.txt)

/// <summary>
/// Records every state-changing tool call of the server in the audit trail: a tool is state-changing unless its
/// ReadOnly annotation is true. Arguments are stored redacted (<see cref="SecretRedactor"/>) as a bounded summary
/// (<see cref="ArgumentSummary"/>) with the SHA-256 of the complete redacted arguments; files named by path
/// arguments are hashed within limits (<see cref="AuditInputHasher"/>).
/// </summary>
public static class AuditCallToolFilter
{
    /// <summary>Characters kept of an error outcome.</summary>
    public const int MaxOutcomeLength = 500;

    /// <summary>Wraps a call-tool handler.</summary>
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Wrap(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            var name = context.Params?.Name ?? "(unnamed)";
            var tools = context.Server.ServerOptions.ToolCollection;
            if (tools is null || !tools.TryGetPrimitive(name, out var tool) || tool.ProtocolTool.Annotations?.ReadOnlyHint == true)
                return await next(context, cancellationToken);
            var services = context.Services ?? context.Server.Services;
            var audit = services?.GetService<IAuditChain>();
            if (audit is null)
                return await next(context, cancellationToken);
            var redacted = context.Params?.Arguments is { } args ? SecretRedactor.Redact(JsonSerializer.SerializeToNode(args)) : null;
            var arguments = ArgumentSummary.Summarize(redacted);
            var argumentsHash = redacted is null ? null : CanonicalJson.Sha256(redacted);
            var inputs = services!.GetService<AuditInputHasher>()?.Hash(context.Params?.Arguments) ?? new AuditInputHashes(null, null);
            try
            {
                var result = await next(context, cancellationToken);
                var structured = result.StructuredContent;
                audit.Append(new AuditEntry
                {
                    Kind = "tool_call", Tool = name, Arguments = arguments, ArgumentsSha256 = argumentsHash,
                    InputHashes = inputs.Hashes, InputsNotHashed = inputs.NotHashed,
                    RunId = Field(structured, "runId") ?? Id(Field(arguments, "run_id")) ?? Id(Field(arguments, "rerun_of")),
                    State = Field(structured, "state"),
                    Decision = Field(structured, "decision") ?? (Field(structured, "elicitation") is { } answer ? "elicitation " + answer : null),
                    Outcome = result.IsError == true ? "error: " + Outcome(string.Join(" ", result.Content.OfType<TextContentBlock>().Select(t => t.Text))) : "ok",
                });
                return result;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                audit.Append(new AuditEntry
                {
                    Kind = "tool_call", Tool = name, Arguments = arguments, ArgumentsSha256 = argumentsHash,
                    InputHashes = inputs.Hashes, InputsNotHashed = inputs.NotHashed,
                    RunId = Id(Field(arguments, "run_id")),
                    Outcome = "error: " + Outcome(Core.Errors.ErrorReport.ForClient(ex, name)), // the trail is shown to clients: no engine text
                });
                throw;
            }
        };

    private static string? Field(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string? Field(JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    // A run id argument is kept only when it has the shape of some id McpFlow hands out (workbench, PINN, MLflow).
    private static string? Id(string? value) =>
        value is not null && Enum.GetValues<IdKind>().Any(kind => WorkspaceIds.IsValid(kind, value)) ? value : null;

    private static string Outcome(string text)
    {
        var clean = SecretRedactor.RedactText(text);
        return clean.Length <= MaxOutcomeLength ? clean : clean[..MaxOutcomeLength] + "…";
    }
}
