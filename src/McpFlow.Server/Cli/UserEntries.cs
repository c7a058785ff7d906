using McpFlow.Core.Configuration;

namespace McpFlow.Server.Cli;

/// <summary>
/// Team-mode users given without a JSON file: <c>--user name:role:sha256</c> (repeatable) and
/// <c>MCPFLOW_USERS="name:role:sha256,name:role:sha256"</c> (entries separated by commas, semicolons or line breaks).
/// An optional fourth field <c>self-approval</c> lets that user approve their own runs. Only the SHA-256 of a token is
/// accepted (<c>mcpflow --new-token</c>); each entry keeps where it was given (<see cref="HttpUser.Source"/>), so a
/// start-up error names the entry without repeating its fields (a token pasted in place of the hash stays unprinted).
/// </summary>
internal static class UserEntries
{
    /// <summary>The environment variable holding users.</summary>
    public const string Variable = "MCPFLOW_USERS";

    /// <summary>The optional fourth field.</summary>
    public const string SelfApproval = "self-approval";

    /// <summary>Characters of a token from <c>--new-token</c> (32 bytes in unpadded base64: 43), less a margin: a longer
    /// name is not repeated in errors.</summary>
    private const int TokenLength = 40;

    private static readonly char[] EntrySeparators = [',', ';', '\n', '\r'];

    /// <summary>The users of <see cref="Variable"/>'s value; entry shape errors are added to <paramref name="errors"/>.</summary>
    public static List<HttpUser> FromEnvironment(string value, List<string> errors) =>
        Parse(value.Split(EntrySeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), n => $"{Variable} entry {n}", errors);

    /// <summary>The users of the repeated <c>--user</c> option.</summary>
    public static List<HttpUser> FromCommandLine(IEnumerable<string> values, List<string> errors) =>
        Parse(values.Select(v => v.Trim()), n => $"--user #{n}", errors);

    private static List<HttpUser> Parse(IEnumerable<string> entries, Func<int, string> label, List<string> errors)
    {
        var users = new List<HttpUser>();
        var n = 0;
        foreach (var entry in entries)
        {
            n++;
            var fields = entry.Split(':', StringSplitOptions.TrimEntries);
            // The name is repeated only from a well-shaped entry, when it is a valid name shorter than a token (a
            // wrong-shaped entry may be a bare token, which is also a valid name).
            var source = fields.Length is 3 or 4 && fields[0].Length < TokenLength && HttpIdentityValidator.IsValidUserName(fields[0])
                ? $"{label(n)} ({fields[0]})" : label(n);
            if (fields.Length is < 3 or > 4)
            {
                errors.Add($"{source}: must be name:role:sha256 (e.g. ana:analyst:<64 hex digits from 'mcpflow --new-token'>), optionally ending in :{SelfApproval}; it has {fields.Length} field(s).");
                continue;
            }

            if (fields.Length == 4 && !string.Equals(fields[3], SelfApproval, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"{source}: the fourth field may only be '{SelfApproval}'.");
                continue;
            }

            users.Add(new HttpUser { Name = fields[0], Role = fields[1], TokenSha256 = fields[2], AllowSelfApproval = fields.Length == 4, Source = source });
        }

        return users;
    }
}
