using System.Text.Json;
using System.Text.Json.Nodes;
using McpFlow.Core.Files;
using McpFlow.Workbench.Audit;
using McpFlow.Workbench.Hashing;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Workbench.Tools;

/// <summary>
/// Records every state-changing tool call of the server in the audit trail: a tool is state-changing unless its
/// ReadOnly annotation is true. Arguments are stored with secrets redacted; string arguments whose name mentions
/// a path or file and that name an existing file under the allowed roots are hashed.
/// </summary>
public static class AuditCallToolFilter
{
    /// <summary>Wraps a call-tool handler.</summary>
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Wrap(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            var name = context.Params?.Name ?? "(unnamed)";
            var tools = context.Server.ServerOptions.ToolCollection;
            if (tools is null || !tools.TryGetPrimitive(name, out var tool) || tool.ProtocolTool.Annotations?.ReadOnlyHint == true)
                return await next(context, cancellationToken);
            var services = context.Services ?? context.Server.Services;
            var audit = services?.GetService<AuditTrail>();
            if (audit is null)
                return await next(context, cancellationToken);
            var arguments = Arguments(context.Params?.Arguments);
            var hashes = InputHashes(context.Params?.Arguments, services!.GetService<FileAccessGuard>(), services!.GetService<ContentHasher>());
            try
            {
                var result = await next(context, cancellationToken);
                var structured = result.StructuredContent;
                audit.Append(new AuditEntry
                {
                    Kind = "tool_call", Tool = name, Arguments = arguments, InputHashes = hashes,
                    RunId = Field(structured, "runId") ?? Field(arguments, "run_id") ?? Field(arguments, "rerun_of"),
                    State = Field(structured, "state"),
                    Decision = Field(structured, "decision") ?? (Field(structured, "elicitation") is { } answer ? "elicitation " + answer : null),
                    Outcome = result.IsError == true ? "error: " + Truncate(string.Join(" ", result.Content.OfType<TextContentBlock>().Select(t => t.Text))) : "ok",
                });
                return result;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                audit.Append(new AuditEntry
                {
                    Kind = "tool_call", Tool = name, Arguments = arguments, InputHashes = hashes,
                    RunId = Field(arguments, "run_id"),
                    Outcome = "error: " + Truncate(Core.Errors.ErrorReport.ForClient(ex, name)), // the trail is shown to clients: no engine text
                });
                throw;
            }
        };

    private static JsonNode? Arguments(IDictionary<string, JsonElement>? arguments) =>
        arguments is null ? null : SecretRedactor.Redact(JsonSerializer.SerializeToNode(arguments));

    private static Dictionary<string, string>? InputHashes(IDictionary<string, JsonElement>? arguments, FileAccessGuard? guard, ContentHasher? hasher)
    {
        if (arguments is null || guard is null || hasher is null)
            return null;
        var hashes = new Dictionary<string, string>();
        foreach (var (key, value) in arguments.Where(a => a.Key.Contains("path", StringComparison.OrdinalIgnoreCase) || a.Key.Contains("file", StringComparison.OrdinalIgnoreCase)))
        {
            var paths = value.ValueKind switch
            {
                JsonValueKind.String => [value.GetString()!],
                JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToArray(),
                _ => Array.Empty<string>(),
            };
            foreach (var path in paths)
            {
                try
                {
                    var full = guard.Resolve(path, key);
                    if (File.Exists(full))
                        hashes[$"{key}:{path}"] = hasher.HashFile(full);
                }
                catch (Exception ex) when (ex is Core.Errors.McpFlowException or IOException or UnauthorizedAccessException)
                {
                    // Not a readable file under the roots: the tool itself reports that.
                }
            }
        }

        return hashes.Count == 0 ? null : hashes;
    }

    private static string? Field(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string? Field(JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500] + "…";
}
