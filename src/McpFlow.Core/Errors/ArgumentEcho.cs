using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace McpFlow.Core.Errors;

/// <summary>
/// Keeps messages from echoing client arguments at length: any run of more than <see cref="MaxEcho"/> characters of
/// an argument's text inside a message is cut to its first <see cref="MaxEcho"/> characters. The boundary applies
/// it to every error it sends as a backstop, whatever the code that wrote the message did.
/// </summary>
public static class ArgumentEcho
{
    /// <summary>Most characters of one client argument a message may repeat (issue 11: a 1 MB string argument came
    /// back as a 1 MB error, and a message is a channel a prompt injection can read data through).</summary>
    public const int MaxEcho = 200;

    // Runs are found from equal windows of this many characters. Windows of the argument are indexed every
    // Window characters, so any common run of at least 2 * Window - 1 characters (well below MaxEcho) contains an
    // indexed window and is found; the run is then extended character by character.
    private const int Window = 32;
    private const ulong HashBase = 1_099_511_628_211; // FNV-1a's 64-bit prime: odd and large, a good multiplier mod 2^64.

    /// <summary>Shortens every run of more than <see cref="MaxEcho"/> characters of any of <paramref name="argumentTexts"/>
    /// in <paramref name="message"/>.</summary>
    public static string Shorten(string message, IEnumerable<string> argumentTexts)
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach (var text in argumentTexts)
        {
            if (text.Length > MaxEcho && message.Length > MaxEcho)
                message = ShortenOne(message, text);
        }

        return message;
    }

    /// <summary>The texts of arguments that could be echoed too long: strings, object keys and number literals of
    /// more than <see cref="MaxEcho"/> characters, at any depth.</summary>
    public static IReadOnlyList<string> Texts(IEnumerable<KeyValuePair<string, JsonElement>>? arguments)
    {
        var texts = new List<string>();
        foreach (var (key, value) in arguments ?? [])
        {
            Add(texts, key);
            Collect(value, texts);
        }

        return texts;
    }

    /// <summary>The same for arguments held as a <see cref="JsonNode"/> (e.g. a job's recorded parameters).</summary>
    public static IReadOnlyList<string> Texts(JsonNode? arguments)
    {
        var texts = new List<string>();
        if (arguments is not null)
            Collect(JsonSerializer.SerializeToElement(arguments), texts);
        return texts;
    }

    /// <summary>A client value for display inside a message: at most <paramref name="maxLength"/> characters, then "…".</summary>
    public static string Show(string value, int maxLength = 60)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length <= maxLength)
            return value;
        var cut = char.IsHighSurrogate(value[maxLength - 1]) ? maxLength - 1 : maxLength;
        return value[..cut] + "…";
    }

    private static void Collect(JsonElement value, List<string> texts)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                Add(texts, value.GetString()!);
                break;
            case JsonValueKind.Number:
                Add(texts, value.GetRawText());
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                    Collect(item, texts);
                break;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    Add(texts, property.Name);
                    Collect(property.Value, texts);
                }

                break;
        }
    }

    private static void Add(List<string> texts, string text)
    {
        if (text.Length > MaxEcho)
            texts.Add(text);
    }

    private static string ShortenOne(string message, string argument)
    {
        var index = new Dictionary<ulong, int>();
        for (var p = 0; p + Window <= argument.Length; p += Window)
            index.TryAdd(Hash(argument.AsSpan(p, Window)), p);

        var power = 1UL; // HashBase^(Window - 1), to drop the character leaving the window.
        for (var k = 1; k < Window; k++)
            power = unchecked(power * HashBase);

        StringBuilder? output = null;
        var copied = 0;
        var i = 0;
        var hash = message.Length >= Window ? Hash(message.AsSpan(0, Window)) : 0;
        while (i + Window <= message.Length)
        {
            if (index.TryGetValue(hash, out var j) && message.AsSpan(i, Window).SequenceEqual(argument.AsSpan(j, Window)))
            {
                var left = 0;
                while (i - left > copied && j - left > 0 && message[i - left - 1] == argument[j - left - 1])
                    left++;
                var right = Window;
                while (i + right < message.Length && j + right < argument.Length && message[i + right] == argument[j + right])
                    right++;
                var start = i - left;
                var end = i + right;
                if (end - start > MaxEcho)
                {
                    var keep = start + MaxEcho;
                    if (char.IsHighSurrogate(message[keep - 1]))
                        keep--;
                    output ??= new StringBuilder(message.Length);
                    output.Append(message, copied, keep - copied)
                        .Append($"… [{end - keep:N0} more characters of an argument not shown]");
                    copied = end;
                    i = end;
                    if (i + Window <= message.Length)
                        hash = Hash(message.AsSpan(i, Window));
                    continue;
                }
            }

            if (i + Window < message.Length)
                hash = unchecked((hash - message[i] * power) * HashBase + message[i + Window]);
            i++;
        }

        return output is null ? message : output.Append(message, copied, message.Length - copied).ToString();
    }

    private static ulong Hash(ReadOnlySpan<char> window)
    {
        var hash = 0UL;
        foreach (var c in window)
            hash = unchecked(hash * HashBase + c);
        return hash;
    }
}
