namespace McpFlow.Workbench.Audit;

/// <summary>One line of the trail file: where it starts, its text, and whether its newline was written.</summary>
/// <param name="Offset">Byte offset of the line's first byte.</param>
/// <param name="Text">The line without its newline (UTF-8 decoded).</param>
/// <param name="ByteLength">Bytes of the line including its newline, if any.</param>
/// <param name="Terminated">False for a final line whose newline is missing (an interrupted append).</param>
public sealed record AuditLine(long Offset, string Text, long ByteLength, bool Terminated);
