using System.Collections;

namespace McpFlow.Server.Hosting;

/// <summary>The state a wrapped provider sees: only the redacted message, also as the structured
/// <c>{OriginalFormat}</c> value, so structured formatters cannot reach the original arguments.</summary>
internal sealed class RedactedLogState(string message) : IReadOnlyList<KeyValuePair<string, object?>>
{
    /// <summary>The redacted message.</summary>
    public string Message => message;

    /// <inheritdoc />
    public int Count => 1;

    /// <inheritdoc />
    public KeyValuePair<string, object?> this[int index] =>
        index == 0 ? new("{OriginalFormat}", message) : throw new ArgumentOutOfRangeException(nameof(index));

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => message;
}
