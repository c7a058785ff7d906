using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace McpFlow.Security.Tests.Team;

/// <summary>
/// JWTs for the team-mode attacks: an issuer's RSA key made in the test (its public half as the server's JWKS file),
/// and the forgeries: another key under the same key id, another issuer or audience, an expired token, an unsigned one
/// (alg=none), hostile user names. No network.
/// </summary>
internal sealed class JwtForge : IDisposable
{
    public const string Issuer = "https://issuer.redteam.test/realms/team";
    public const string Audience = "mcpflow";
    private const string Kid = "key-1";

    private readonly RSA _rsa = RSA.Create(2048);

    /// <summary>Writes the public key as a JWKS file and returns its path.</summary>
    public string WriteJwks(string folder)
    {
        var p = _rsa.ExportParameters(false);
        var path = Path.Combine(folder, "issuer-jwks.json");
        File.WriteAllText(path, $$"""{"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"{{Kid}}","n":"{{Base64UrlEncoder.Encode(p.Modulus)}}","e":"{{Base64UrlEncoder.Encode(p.Exponent)}}"}]}""");
        return path;
    }

    /// <summary>A token signed with this forge's key, valid from <paramref name="from"/> for <paramref name="lifetime"/>.</summary>
    public string Signed(string user, string[] roles, DateTimeOffset from, TimeSpan lifetime, string audience = Audience, string issuer = Issuer) =>
        Sign(new RsaSecurityKey(_rsa) { KeyId = Kid }, user, roles, from, lifetime, audience, issuer);

    /// <summary>The same claims signed with another key that claims this forge's key id.</summary>
    public static string OtherKey(string user, string[] roles, DateTimeOffset from, TimeSpan lifetime)
    {
        using var other = RSA.Create(2048);
        return Sign(new RsaSecurityKey(other) { KeyId = Kid }, user, roles, from, lifetime, Audience, Issuer);
    }

    /// <summary>An unsigned token (<c>alg: none</c>, empty signature) with otherwise valid claims.</summary>
    public static string Unsigned(string user, string[] roles, DateTimeOffset from, TimeSpan lifetime)
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var roleList = string.Join(",", roles.Select(r => $"\"{r}\""));
        var payload = Base64UrlEncoder.Encode(
            $$"""{"iss":"{{Issuer}}","aud":"{{Audience}}","sub":"id-{{user}}","preferred_username":"{{user}}","roles":[{{roleList}}],"nbf":{{from.ToUnixTimeSeconds()}},"exp":{{(from + lifetime).ToUnixTimeSeconds()}}}""");
        return header + "." + payload + ".";
    }

    /// <summary>A token signed with a shared secret (HS256) instead of the issuer's RSA key: the key-confusion forgery.</summary>
    public static string SymmetricKey(string user, string[] roles, DateTimeOffset from, TimeSpan lifetime) =>
        Sign(new SymmetricSecurityKey(Encoding.UTF8.GetBytes("a shared secret of thirty-two by")) { KeyId = Kid }, user, roles, from, lifetime, Audience, Issuer,
            SecurityAlgorithms.HmacSha256);

    private static string Sign(SecurityKey key, string user, string[] roles, DateTimeOffset from, TimeSpan lifetime, string audience, string issuer,
        string algorithm = SecurityAlgorithms.RsaSha256) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer, Audience = audience,
            IssuedAt = from.UtcDateTime, NotBefore = from.UtcDateTime, Expires = (from + lifetime).UtcDateTime,
            Claims = new Dictionary<string, object> { ["sub"] = "id-" + user, ["preferred_username"] = user, ["roles"] = roles },
            SigningCredentials = new SigningCredentials(key, algorithm),
        });

    public void Dispose() => _rsa.Dispose();
}
