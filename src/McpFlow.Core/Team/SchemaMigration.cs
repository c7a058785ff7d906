using System.Security.Cryptography;
using System.Text;

namespace McpFlow.Core.Team;

/// <summary>One numbered SQL script of the team database's schema (<c>Team/Migrations/NNNN_name.sql</c>, embedded in
/// the assembly). Its <see cref="Checksum"/> is recorded when it is applied, so a script changed afterwards is noticed.</summary>
/// <param name="Version">The script's number (1, 2, …; contiguous).</param>
/// <param name="Name">The rest of its file name, e.g. <c>workbench_records_and_audit</c>.</param>
/// <param name="Sql">The script (one or more statements, run in the migration's transaction).</param>
public sealed record SchemaMigration(int Version, string Name, string Sql)
{
    /// <summary>SHA-256 (lower-case hex) of the script with line endings normalised to <c>\n</c>, so a checkout with
    /// CRLF line endings has the same checksum.</summary>
    public string Checksum => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));
}
