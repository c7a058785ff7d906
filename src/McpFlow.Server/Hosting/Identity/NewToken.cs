using System.Security.Cryptography;

namespace McpFlow.Server.Hosting.Identity;

/// <summary><c>mcpflow --new-token</c>: a random token for one user (256 bits, URL-safe base64) and the SHA-256 that
/// goes into <c>http.users[].tokenSha256</c>. The token is printed once and stored nowhere.</summary>
internal static class NewToken
{
    /// <summary>Random bytes per token: 32 (256 bits), so a plain SHA-256 is enough to store it (no guessable secret to stretch).</summary>
    public const int Bytes = 32;

    /// <summary>Writes a new token and its configuration entry to <paramref name="output"/>.</summary>
    public static void Write(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(Bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var hash = Convert.ToHexStringLower(TokenTable.Hash(token));
        output.WriteLine($"token:       {token}");
        output.WriteLine($"tokenSha256: {hash}");
        output.WriteLine();
        output.WriteLine("Give the token to its user only (clients send 'Authorization: Bearer <token>'); put the hash into mcpflow.json:");
        output.WriteLine($"  \"http\": {{ \"users\": [ {{ \"name\": \"<user>\", \"role\": \"analyst\", \"tokenSha256\": \"{hash}\" }} ] }}");
    }
}
