using System.Text.RegularExpressions;
using McpFlow.Core.Identity;

namespace McpFlow.Core.Configuration;

/// <summary>Checks the team-mode settings of <see cref="HttpOptions"/> (users, JWTs, rate limit).</summary>
public static partial class HttpIdentityValidator
{
    /// <summary>Adds a message to <paramref name="errors"/> for each problem.</summary>
    public static void Validate(HttpOptions http, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(errors);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var hashes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < http.Users.Count; i++)
        {
            var user = http.Users[i];
            // Entries from the environment or the command line are named by where they were given; their fields are
            // never repeated beyond a valid name or role (a token pasted in the wrong field must not reach the console).
            var at = user.Source is { } source ? source + ": " : $"http.users[{i}].";
            if (user.Name is null || !IsValidUserName(user.Name))
                errors.Add($"{at}name must be 1-64 letters, digits or ._@- (e.g. \"ana\").");
            else if (string.Equals(user.Name, Caller.LocalName, StringComparison.OrdinalIgnoreCase) || !names.Add(user.Name))
                errors.Add($"{at}name '{user.Name}' is {(string.Equals(user.Name, Caller.LocalName, StringComparison.OrdinalIgnoreCase) ? "reserved for the local user" : "used twice")}.");
            if (UserRoles.TryParse(user.Role) is null)
                errors.Add(user.Source is null && RoleWord().IsMatch(user.Role ?? "")
                    ? $"{at}role '{user.Role}' must be one of {string.Join(", ", UserRoles.Names)}."
                    : $"{at}role must be one of {string.Join(", ", UserRoles.Names)}.");
            if (!Sha256Hex().IsMatch(user.TokenSha256 ?? ""))
                errors.Add($"{at}tokenSha256 must be 64 hex digits, the SHA-256 of the token and never the token itself (run 'mcpflow --new-token' to make a token and its hash).");
            else if (!hashes.Add(user.TokenSha256!))
                errors.Add($"{at}tokenSha256 is the hash of another user's token too; give every user their own token.");
        }

        var jwt = http.Jwt;
        if (jwt.IsConfigured)
        {
            if (string.IsNullOrWhiteSpace(jwt.Audience))
                errors.Add("http.jwt.audience is required with http.jwt.issuer (the aud your issuer puts in McpFlow's tokens).");
            if (string.IsNullOrWhiteSpace(jwt.SigningKeysFile) == string.IsNullOrWhiteSpace(jwt.Authority))
                errors.Add("http.jwt needs exactly one of signingKeysFile (a JWKS file) or authority (an https OpenID Connect issuer).");
            if (jwt.Authority is { } authority && !(Uri.TryCreate(authority, UriKind.Absolute, out var uri) && uri.Scheme == "https"))
                errors.Add($"http.jwt.authority '{Show(authority)}' must be an absolute https URL.");
            if (jwt.SigningKeysFile is { } keys && !File.Exists(keys))
                errors.Add($"http.jwt.signingKeysFile '{Show(keys)}' does not exist.");
            if (jwt.ClockSkewSeconds is < 0 or > 300)
                errors.Add($"http.jwt.clockSkewSeconds {jwt.ClockSkewSeconds} is outside 0..300.");
            if (string.IsNullOrWhiteSpace(jwt.NameClaim) || string.IsNullOrWhiteSpace(jwt.RoleClaim))
                errors.Add("http.jwt.nameClaim and http.jwt.roleClaim must name claims (defaults: preferred_username, roles).");
        }
        else if (!string.IsNullOrWhiteSpace(jwt.Audience) || !string.IsNullOrWhiteSpace(jwt.SigningKeysFile) || !string.IsNullOrWhiteSpace(jwt.Authority))
        {
            errors.Add("http.jwt is configured without http.jwt.issuer; set the issuer your tokens carry (iss).");
        }

        if (http.RateLimit.PermitsPerWindow is < 0 or > 1_000_000)
            errors.Add($"http.rateLimit.permitsPerWindow {http.RateLimit.PermitsPerWindow} is outside 0..1000000.");
        if (http.RateLimit.WindowSeconds is < 1 or > 3600)
            errors.Add($"http.rateLimit.windowSeconds {http.RateLimit.WindowSeconds} is outside 1..3600.");
    }

    /// <summary>True when <paramref name="name"/> is a valid user name: 1-64 letters, digits or <c>._@-</c> (so it is safe in
    /// headers, logs, file names and messages). JWT user names are held to the same rule.</summary>
    public static bool IsValidUserName(string? name) => name is not null && UserName().IsMatch(name);

    private static string Show(string? value) => value is null ? "" : value.Length <= 60 ? value : value[..60] + "…";

    [GeneratedRegex("^[A-Za-z0-9._@-]{1,64}$")]
    private static partial Regex UserName();

    [GeneratedRegex("^[A-Za-z]{1,20}$")]
    private static partial Regex RoleWord();

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Hex();
}
