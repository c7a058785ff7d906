using System.Text.RegularExpressions;
using McpFlow.Core.Errors;

namespace McpFlow.Data.Query;

/// <summary>
/// The statements that change data which client SQL may run when an operator enabled writes (<c>--sql-allow-writes</c>):
/// CREATE TABLE/VIEW ... AS query, INSERT INTO ... query, UPDATE ... SET ... WHERE, DELETE FROM ... WHERE,
/// DROP TABLE/VIEW and ALTER TABLE ... RENAME/DROP COLUMN, on one unqualified workspace table each. Every expression
/// part is checked as a query first (so the query policy applies: no files, no SQL from strings), and the statement
/// that runs is rebuilt from the checked parts. Everything else (COPY, EXPORT, IMPORT, ATTACH, SET, PRAGMA, INSTALL,
/// LOAD, CALL, CREATE MACRO/SECRET, statements naming another schema or McpFlow's own tables) is refused.
/// </summary>
internal static partial class WriteStatements
{
    private const string Ident = """(?:[A-Za-z_][A-Za-z0-9_]{0,62}|"(?:[^"\x00]|""){1,63}")""";

    public static SqlVerdict Check(string sql, Func<string, string> checkQuery)
    {
        var text = StripLeadingComments(sql).TrimEnd().TrimEnd(';').TrimEnd();
        Match m;
        if ((m = CreateAs().Match(text)).Success)
        {
            var name = Name(m);
            var query = checkQuery(m.Groups["query"].Value);
            var kind = m.Groups["what"].Value.ToUpperInvariant();
            return new SqlVerdict(false, $"CREATE {(m.Groups["replace"].Success ? "OR REPLACE " : "")}{kind} {(m.Groups["ifnot"].Success ? "IF NOT EXISTS " : "")}{name} AS {query}",
                kind == "VIEW" ? "create_view" : "create_table", kind == "VIEW" ? null : Unquote(name));
        }

        if ((m = Insert().Match(text)).Success)
        {
            var name = Name(m);
            var query = checkQuery(m.Groups["query"].Value);
            return new SqlVerdict(false, $"INSERT {m.Groups["or"].Value}INTO {name} {m.Groups["cols"].Value} {query}", "insert", Unquote(name));
        }

        if ((m = Delete().Match(text)).Success)
        {
            var name = Name(m);
            var where = m.Groups["where"].Success ? m.Groups["where"].Value : null;
            checkQuery($"SELECT 1 FROM {name}" + (where is null ? "" : $" WHERE {where}"));
            return new SqlVerdict(false, $"DELETE FROM {name}" + (where is null ? "" : $" WHERE {where}"), "delete", Unquote(name));
        }

        if ((m = Update().Match(text)).Success)
        {
            var name = Name(m);
            var set = m.Groups["set"].Value;
            var where = m.Groups["where"].Success ? m.Groups["where"].Value : null;
            // The assignments "a = expr, b = expr" parse as a select list of comparisons: same tokens, same checks.
            checkQuery($"SELECT {set} FROM {name}" + (where is null ? "" : $" WHERE {where}"));
            return new SqlVerdict(false, $"UPDATE {name} SET {set}" + (where is null ? "" : $" WHERE {where}"), "update", Unquote(name));
        }

        if ((m = Drop().Match(text)).Success)
        {
            var what = m.Groups["what"].Value.ToUpperInvariant();
            var name = Name(m);
            return new SqlVerdict(false, $"DROP {what} {(m.Groups["ifexists"].Success ? "IF EXISTS " : "")}{name}", "drop", what == "TABLE" ? Unquote(name) : null);
        }

        if ((m = Alter().Match(text)).Success)
        {
            var name = Name(m);
            var action = m.Groups["action"].Value;
            foreach (Capture other in m.Groups["other"].Captures)
                RefuseReserved(other.Value);
            var renamed = m.Groups["other"].Captures.Count == 1 && RenameTo().IsMatch(action) ? Unquote(m.Groups["other"].Value) : null;
            return new SqlVerdict(false, $"ALTER TABLE {name} {action}", "alter", Unquote(name), renamed);
        }

        throw McpFlowException.Forbidden(
            "This statement is not one of the writes client SQL may run, even with writes enabled.",
            "Allowed: CREATE [OR REPLACE] TABLE|VIEW name AS query; INSERT INTO name [(columns)] query; UPDATE name SET ... [WHERE ...]; " +
            "DELETE FROM name [WHERE ...]; DROP TABLE|VIEW [IF EXISTS] name; ALTER TABLE name RENAME TO / RENAME COLUMN / DROP COLUMN. " +
            "Exports go through data_export, files through data_load; COPY, ATTACH, EXPORT, SET, PRAGMA, INSTALL and LOAD are never allowed.");
    }

    private static string Name(Match m)
    {
        var name = m.Groups["name"].Value;
        RefuseReserved(name);
        return name;
    }

    // A matched identifier without its quotes ("My ""x""" → My "x").
    private static string Unquote(string identifier) =>
        identifier.Length > 1 && identifier[0] == '"' ? identifier[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : identifier;

    private static void RefuseReserved(string identifier)
    {
        var bare = identifier.Trim('"');
        if (bare.StartsWith("mcpflow", StringComparison.OrdinalIgnoreCase) || bare.StartsWith("duckdb", StringComparison.OrdinalIgnoreCase))
            throw McpFlowException.Forbidden($"'{bare}' is one of McpFlow's own names (mcpflow*, duckdb*); client SQL may not change it.");
    }

    private static string StripLeadingComments(string sql)
    {
        var text = sql.TrimStart();
        while (true)
        {
            if (text.StartsWith("--", StringComparison.Ordinal))
            {
                var end = text.IndexOf('\n', StringComparison.Ordinal);
                text = end < 0 ? "" : text[(end + 1)..].TrimStart();
            }
            else if (text.StartsWith("/*", StringComparison.Ordinal))
            {
                var end = text.IndexOf("*/", 2, StringComparison.Ordinal);
                text = end < 0 ? "" : text[(end + 2)..].TrimStart();
            }
            else
            {
                return text;
            }
        }
    }

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant;

    [GeneratedRegex($@"^CREATE\s+(?<replace>OR\s+REPLACE\s+)?(?<what>TABLE|VIEW)\s+(?<ifnot>IF\s+NOT\s+EXISTS\s+)?(?<name>{Ident})\s+AS\s+(?<query>\S.*)$", Options, 1000)]
    private static partial Regex CreateAs();

    [GeneratedRegex($@"^INSERT\s+(?<or>OR\s+(?:REPLACE|IGNORE)\s+)?INTO\s+(?<name>{Ident})\s*(?<cols>\(\s*{Ident}(?:\s*,\s*{Ident})*\s*\))?\s*(?<query>(?:SELECT|WITH|VALUES|FROM|\().*)$", Options, 1000)]
    private static partial Regex Insert();

    [GeneratedRegex($@"^DELETE\s+FROM\s+(?<name>{Ident})(?:\s+WHERE\s+(?<where>\S.*))?$", Options, 1000)]
    private static partial Regex Delete();

    [GeneratedRegex($@"^UPDATE\s+(?<name>{Ident})\s+SET\s+(?<set>\S.*?)(?:\s+WHERE\s+(?<where>\S.*))?$", Options, 1000)]
    private static partial Regex Update();

    [GeneratedRegex($@"^DROP\s+(?<what>TABLE|VIEW)\s+(?<ifexists>IF\s+EXISTS\s+)?(?<name>{Ident})$", Options, 1000)]
    private static partial Regex Drop();

    [GeneratedRegex(@"^RENAME\s+TO\s", Options, 1000)]
    private static partial Regex RenameTo();

    [GeneratedRegex($@"^ALTER\s+TABLE\s+(?<name>{Ident})\s+(?<action>RENAME\s+TO\s+(?<other>{Ident})|RENAME\s+(?:COLUMN\s+)?(?<other>{Ident})\s+TO\s+(?<other>{Ident})|DROP\s+(?:COLUMN\s+)?(?:IF\s+EXISTS\s+)?(?<other>{Ident}))$", Options, 1000)]
    private static partial Regex Alter();
}
