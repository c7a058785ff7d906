using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Core.Mcp;

/// <summary>
/// Sends each tool's behaviour hints only where they differ from the MCP specification's defaults
/// (<c>readOnlyHint</c> false, <c>destructiveHint</c> true, <c>idempotentHint</c> false, <c>openWorldHint</c> true), and
/// leaves out <c>destructiveHint</c> and <c>idempotentHint</c> of read-only tools, which the specification defines as
/// meaningful only when <c>readOnlyHint</c> is false. A client reads the same behaviour either way; tools/list counts
/// against the client's context (issue 12's budget, <c>ToolSurfaceBudgetTests</c>), and the four hints written out in
/// full were about 450 of its tokens. Every tool still decides all four in its attribute; run after every other
/// annotation change (<see cref="OpenWorldAnnotations"/>, the data group's SQL-write annotations).
/// </summary>
public static class ToolHints
{
    /// <summary>Removes the hints of every tool that state a default.</summary>
    public static void Apply(McpServerOptions server)
    {
        foreach (var tool in server.ToolCollection ?? [])
        {
            if (tool.ProtocolTool.Annotations is { } annotations)
                Minimize(annotations);
        }
    }

    /// <summary>Removes the hints of <paramref name="annotations"/> that state the specification's default or do not
    /// apply (the write hints of a read-only tool); <see cref="Effective"/> reads them back unchanged.</summary>
    public static void Minimize(ToolAnnotations annotations)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        if (annotations.ReadOnlyHint == true)
        {
            annotations.DestructiveHint = null;
            annotations.IdempotentHint = null;
        }
        else
        {
            annotations.ReadOnlyHint = null;
            if (annotations.DestructiveHint == true)
                annotations.DestructiveHint = null;
            if (annotations.IdempotentHint == false)
                annotations.IdempotentHint = null;
        }

        if (annotations.OpenWorldHint == true)
            annotations.OpenWorldHint = null;
    }

    /// <summary>The behaviour a client reads from <paramref name="annotations"/> (absent: no annotations), with the
    /// specification's defaults for what is left out. A read-only tool neither destroys nor changes anything, so
    /// repeating a call has no further effect: it counts as non-destructive and idempotent.</summary>
    public static ToolBehaviour Effective(ToolAnnotations? annotations)
    {
        var readOnly = annotations?.ReadOnlyHint ?? false;
        return new ToolBehaviour(
            ReadOnly: readOnly,
            Destructive: !readOnly && (annotations?.DestructiveHint ?? true),
            Idempotent: readOnly || (annotations?.IdempotentHint ?? false),
            OpenWorld: annotations?.OpenWorldHint ?? true);
    }
}
