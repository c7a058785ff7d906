namespace McpFlow.Security.Tests.Harness;

/// <summary>What a call came back with, as the client saw it.</summary>
/// <param name="Kind">How the call ended.</param>
/// <param name="IsError">The tool result's isError flag (true for protocol errors too).</param>
/// <param name="Text">Every text block of the result (or the resource's text, or the protocol error's message).</param>
/// <param name="Structured">The structured content as JSON text ("" when absent).</param>
/// <param name="Elapsed">Time to the answer.</param>
/// <param name="Diagnostic">For crashes and hangs: exit code and the end of the server's stderr.</param>
internal sealed record CallOutcome(OutcomeKind Kind, bool IsError, string Text, string Structured, TimeSpan Elapsed, string Diagnostic = "")
{
    /// <summary>The call was refused: an error result or a JSON-RPC error.</summary>
    public bool Refused => Kind == OutcomeKind.ProtocolError || (Kind == OutcomeKind.Answered && IsError);

    /// <summary>The call was answered at all (not a hang or a crash).</summary>
    public bool Survived => Kind is OutcomeKind.Answered or OutcomeKind.ProtocolError;

    private string? _everything;

    /// <summary>Everything the client received, for leak checks (built once: answers can be megabytes).</summary>
    public string Everything => _everything ??= Text + "\n" + Structured;

    /// <summary>A one-line excerpt for findings.</summary>
    public string Excerpt(int length = 240)
    {
        var text = (Kind is OutcomeKind.Hang or OutcomeKind.Crash ? $"{Kind}: {Diagnostic}" : Text).ReplaceLineEndings(" ");
        return text.Length <= length ? text : text[..length] + "…";
    }
}
