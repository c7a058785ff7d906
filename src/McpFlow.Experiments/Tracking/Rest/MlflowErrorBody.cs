using System.Net.Http.Headers;
using System.Text;
using McpFlow.Core.Security;

namespace McpFlow.Experiments.Tracking.Rest;

/// <summary>
/// What McpFlow keeps of a tracking server's error answer: at most <see cref="MaxBodyBytes"/> of it, with anything that
/// looks like a credential masked (<see cref="SecretRedactor.RedactText"/>: a server or proxy that echoes the request's
/// Authorization header, a URL with a password, a token), and an HTML page (a login page, a proxy's error page)
/// replaced by <see cref="HtmlMarker"/> and never echoed. <see cref="MlflowHttpHandler"/> applies it to every failed
/// or HTML response before Refit, exceptions, results or logs see the body.
/// </summary>
public static class MlflowErrorBody
{
    /// <summary>Bytes of an error body read (MLflow's JSON errors are a few hundred bytes; 64 KiB leaves room for stack traces).</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>Characters of a server's error message repeated in a McpFlow message.</summary>
    public const int MaxMessageLength = 300;

    /// <summary>What an HTML body becomes.</summary>
    public const string HtmlMarker = "[an HTML page, not shown]";

    /// <summary>True when the body is an HTML page, by its media type or its first characters.</summary>
    public static bool IsHtml(string? body, string? mediaType) =>
        string.Equals(mediaType, "text/html", StringComparison.OrdinalIgnoreCase)
        || body == HtmlMarker
        || body?.TrimStart() is { } t && (t.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || t.StartsWith("<html", StringComparison.OrdinalIgnoreCase));

    /// <summary>The body as McpFlow keeps it: the HTML marker, or the first <see cref="MaxBodyBytes"/> with credentials masked.</summary>
    public static string Scrub(string body, string? mediaType) => IsHtml(body, mediaType) ? HtmlMarker : SecretRedactor.RedactText(body);

    /// <summary>Reads at most <see cref="MaxBodyBytes"/> of <paramref name="content"/> and returns the scrubbed replacement content.</summary>
    public static async Task<HttpContent> ScrubAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var mediaType = content.Headers.ContentType?.MediaType;
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxBodyBytes];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
            read += n;
        var scrubbed = Scrub(Encoding.UTF8.GetString(buffer, 0, read), mediaType);
        var replacement = new StringContent(scrubbed, Encoding.UTF8);
        replacement.Headers.ContentType = new MediaTypeHeaderValue(mediaType ?? "text/plain") { CharSet = "utf-8" };
        return replacement;
    }

    /// <summary>A server's message for a McpFlow message: credentials masked, at most <see cref="MaxMessageLength"/> characters.</summary>
    public static string Message(string message)
    {
        var clean = SecretRedactor.RedactText(message);
        return clean.Length <= MaxMessageLength ? clean : clean[..MaxMessageLength] + "…";
    }
}
