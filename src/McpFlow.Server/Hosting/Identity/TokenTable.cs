using System.Security.Cryptography;
using System.Text;
using McpFlow.Core.Configuration;
using McpFlow.Core.Identity;

namespace McpFlow.Server.Hosting.Identity;

/// <summary>
/// The bearer tokens McpFlow accepts itself, by SHA-256: each configured user's (<see cref="HttpOptions.Users"/>) and
/// the shared <c>MCPFLOW_HTTP_TOKEN</c>, which stays the single local user with every role. Only hashes are kept; a
/// presented token is hashed and compared with every entry in constant time.
/// </summary>
internal sealed class TokenTable
{
    private readonly List<(byte[] Hash, Caller Caller)> _entries = [];

    public TokenTable(HttpOptions options, string? sharedToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrEmpty(sharedToken))
            _entries.Add((Hash(sharedToken), Caller.Local));
        foreach (var user in options.Users)
        {
            var role = UserRoles.TryParse(user.Role) ?? UserRole.Viewer; // validated at start-up (HttpIdentityValidator)
            _entries.Add((Convert.FromHexString(user.TokenSha256), new Caller(user.Name, role, user.AllowSelfApproval || options.AllowSelfApproval)));
        }
    }

    /// <summary>True when no token is configured.</summary>
    public bool IsEmpty => _entries.Count == 0;

    /// <summary>The caller whose token is <paramref name="token"/>, or null.</summary>
    public Caller? Find(string token)
    {
        var presented = Hash(token);
        Caller? found = null;
        foreach (var (hash, caller) in _entries)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, hash))
                found ??= caller;
        }

        return found;
    }

    /// <summary>The SHA-256 of <paramref name="token"/>'s UTF-8 bytes.</summary>
    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
