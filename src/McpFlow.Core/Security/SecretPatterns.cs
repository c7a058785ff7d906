using System.Text.RegularExpressions;

namespace McpFlow.Core.Security;

/// <summary>
/// The shapes of credentials inside free text. Every repetition is bounded, so a match costs at most a few thousand
/// steps wherever it starts and a megabyte of text is scanned in linear time; each pattern also has a time limit.
/// </summary>
internal static partial class SecretPatterns
{
    /// <summary>Time limit per pattern and text (a bounded pattern needs microseconds; hitting it means hostile text).</summary>
    public const int TimeoutMilliseconds = 2000;

    /// <summary><c>scheme://user:password@host</c>: the password part (which may itself contain '@'). The match starts
    /// at "://" (found by a vectorized search) and looks back for the scheme.</summary>
    [GeneratedRegex(@"(?<=\b[A-Za-z][A-Za-z0-9+.\-]{0,31})(?<scheme>://)(?<user>[^\s:/?#@""'<>]{0,256}):(?<secret>[^\s/?#""'<>]{1,512})@",
        RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    public static partial Regex UrlPassword();

    /// <summary><c>scheme://TOKEN@host</c> where the user part is long enough to be a token (GitHub and GitLab style).</summary>
    [GeneratedRegex(@"(?<=\b[A-Za-z][A-Za-z0-9+.\-]{0,31})(?<scheme>://)(?<secret>[A-Za-z0-9_\-]{20,256})@", RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    public static partial Regex UrlToken();

    /// <summary>Header-like credentials: <c>Authorization: Basic …</c>, <c>"Cookie": "…"</c>, <c>X-Api-Key=…</c>.</summary>
    [GeneratedRegex(@"(?<name>\b(?:proxy-)?authorization|\bx-api-key|\bapi-key|\bx-auth-token|\bset-cookie|\bcookie)(?<sep>[""']?\s{0,8}[:=]\s{0,8}[""']?)(?<secret>[^""'\r\n]{1,4096})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    public static partial Regex HeaderValue();

    /// <summary><c>Bearer &lt;token&gt;</c> anywhere.</summary>
    [GeneratedRegex(@"(?<name>\bbearer)(?<sep>\s{1,8})(?<secret>[A-Za-z0-9\-._~+/]{8,4096}=*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    public static partial Regex Bearer();

    /// <summary><c>Basic &lt;base64&gt;</c>; masked only when it decodes to <c>user:password</c>.</summary>
    [GeneratedRegex(@"(?<name>\bbasic)(?<sep>\s{1,8})(?<secret>[A-Za-z0-9+/]{4,4096}={0,2})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    public static partial Regex Basic();

    /// <summary>The <c>name=</c>, <c>name: </c> or <c>"name": </c> before a value; the value is read by
    /// <see cref="SecretRedactor"/>, so a harmless name's value is still scanned for secret names inside it.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_.\-])(?<name>[A-Za-z0-9_.\-]{1,64})(?<sep>[""']?\s{0,8}[:=]\s{0,8})", RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    public static partial Regex NamedValue();

    /// <summary>JSON Web Tokens (three base64url parts, the first two starting with <c>eyJ</c>, i.e. '{"').</summary>
    [GeneratedRegex(@"\beyJ[A-Za-z0-9_\-]{8,4096}\.eyJ[A-Za-z0-9_\-]{4,8192}\.[A-Za-z0-9_\-]{0,4096}", RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    public static partial Regex Jwt();

    /// <summary>Tokens with a vendor prefix: GitHub, GitLab, Slack, OpenAI/Anthropic-style <c>sk-</c>, Hugging Face, AWS access key ids.</summary>
    [GeneratedRegex(@"\b(?:gh[pousr]_[A-Za-z0-9]{20,255}|github_pat_[A-Za-z0-9_]{20,255}|glpat-[A-Za-z0-9_\-]{20,255}|xox[abprs]-[A-Za-z0-9\-]{10,255}|sk-[A-Za-z0-9_\-]{20,255}|hf_[A-Za-z0-9]{30,255}|(?:AKIA|ASIA)[0-9A-Z]{16})\b",
        RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    public static partial Regex VendorToken();

    /// <summary>PEM private keys (the base64 body holds no '-').</summary>
    [GeneratedRegex(@"-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----[^\-]{0,65536}(?:-----END [A-Z ]{0,40}PRIVATE KEY-----)?", RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    public static partial Regex PrivateKey();
}
