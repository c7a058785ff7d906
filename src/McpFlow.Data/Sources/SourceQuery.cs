using System.Text.RegularExpressions;
using McpFlow.Core.Errors;

namespace McpFlow.Data.Sources;

/// <summary>
/// A client's query for a database source, checked: one statement, starting with SELECT or WITH, no Unicode-escape
/// literals, and none of the dialect's refused words anywhere in its text (functions that read server files, run SQL from
/// strings, reach other servers or change server state: <see cref="RefusedWords"/> for PostgreSQL,
/// <see cref="MySqlRefusedWords"/> and <see cref="MySqlRefusedForms"/> for MySQL and MariaDB). It then runs as a subquery (so a second statement, COPY or a
/// data-modifying WITH is a syntax error), inside a READ ONLY transaction with a statement timeout, as whatever role the
/// operator configured: the check is the first of three layers, not the only one (docs/deployment.md).
/// </summary>
public sealed partial class SourceQuery
{
    /// <summary>Characters a query may have at most.</summary>
    public const int MaxLength = 20_000;

    /// <summary>Words refused anywhere in a query (case-insensitive, as whole identifiers).</summary>
    public static readonly IReadOnlySet<string> RefusedWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        // Server files and programs (superuser or pg_read_server_files / pg_execute_server_program).
        "pg_read_file", "pg_read_binary_file", "pg_stat_file", "pg_ls_dir", "pg_ls_logdir", "pg_ls_waldir", "pg_ls_tmpdir",
        "pg_ls_archive_statusdir", "pg_file_write", "pg_file_rename", "pg_file_unlink", "lo_import", "lo_export", "lo_get",
        "lo_open", "lo_from_bytea", "loread", "copy", "program",
        // SQL run from strings, and other servers.
        "query_to_xml", "query_to_xml_and_xmlschema", "query_to_xmlschema", "cursor_to_xml", "table_to_xml", "schema_to_xml",
        "database_to_xml", "table_to_xml_and_xmlschema", "schema_to_xml_and_xmlschema", "database_to_xml_and_xmlschema",
        "dblink", "dblink_exec", "dblink_connect", "dblink_connect_u", "dblink_send_query",
        // Server state, sessions, locks and settings.
        "set_config", "pg_terminate_backend", "pg_cancel_backend", "pg_reload_conf", "pg_rotate_logfile", "pg_promote",
        "pg_switch_wal", "pg_create_restore_point", "pg_logical_emit_message", "pg_notify", "pg_advisory_lock",
        "pg_advisory_xact_lock", "pg_advisory_lock_shared", "pg_advisory_xact_lock_shared", "pg_try_advisory_lock",
        "pg_try_advisory_xact_lock", "pg_try_advisory_lock_shared", "pg_try_advisory_xact_lock_shared",
        "pg_import_system_collations", "txid_current", "nextval", "setval",
    };

    /// <summary>Prefixes of refused words: every large-object, dblink, advisory-lock, server-file and replication function.</summary>
    public static readonly IReadOnlyList<string> RefusedPrefixes = ["lo_", "dblink", "pg_advisory", "pg_try_advisory", "pg_ls_", "pg_read_", "pg_file_", "pg_stat_file", "pg_replication_", "pg_create_"];

    /// <summary>Words refused anywhere in a MySQL or MariaDB query (case-insensitive, as whole identifiers).</summary>
    public static readonly IReadOnlySet<string> MySqlRefusedWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        // Server and client files: LOAD_FILE, SELECT … INTO OUTFILE/DUMPFILE/@variable, LOAD DATA [LOCAL] INFILE, LOAD XML.
        "load_file", "into", "outfile", "dumpfile", "infile", "load",
        // Statements and clauses that change session or server state (SET, SET STATEMENT … FOR, CHARACTER SET), HANDLER.
        "set", "handler", "procedure", "nextval", "setval",
        // Stalls and locks.
        "sleep", "benchmark", "get_lock", "release_lock", "release_all_locks", "is_free_lock", "is_used_lock", "master_pos_wait",
        "source_pos_wait", "master_gtid_wait", "wait_for_executed_gtid_set", "wait_until_sql_thread_after_gtids",
        // The lib_mysqludf_sys UDFs, which run programs when installed.
        "sys_exec", "sys_eval", "sys_get", "sys_set", "sys_bineval", "do_system", "lib_mysqludf_sys_info",
    };

    /// <summary>Forms refused anywhere in a MySQL or MariaDB query, with what each is: executable comments (the server runs
    /// their text), user-variable assignment, locking reads and sequence advances.</summary>
    public static readonly IReadOnlyList<(Regex Pattern, string Name)> MySqlRefusedForms =
    [
        (ExecutableComment(), "an executable comment /*! … */"),
        (Assignment(), "':=' (user-variable assignment)"),
        (LockingRead(), "a locking read (FOR UPDATE, FOR SHARE, LOCK IN SHARE MODE)"),
        (NextValue(), "NEXT VALUE FOR (a sequence advance)"),
    ];

    private static readonly IReadOnlyList<(Regex Pattern, string Name)> NoForms = [];

    private SourceQuery(string sql) => Sql = sql;

    /// <summary>The checked query, without a trailing semicolon.</summary>
    public string Sql { get; }

    /// <summary>Checks <paramref name="text"/>; an error naming the rule it breaks otherwise.</summary>
    public static SourceQuery Check(string text, bool mySql = false, string parameter = "query")
    {
        var sql = text.Trim().TrimEnd(';').TrimEnd();
        if (sql.Length == 0)
            throw McpFlowException.Invalid($"{parameter} is empty.", "Give a SELECT, e.g. \"SELECT id, total FROM sales.orders\".");
        if (sql.Length > MaxLength)
            throw McpFlowException.Invalid($"{parameter} has {sql.Length:N0} characters; at most {MaxLength:N0}.");
        if (sql.Contains('\0', StringComparison.Ordinal))
            throw McpFlowException.Invalid($"{parameter} contains a NUL character.");
        if (sql.Contains(';', StringComparison.Ordinal))
            throw McpFlowException.Forbidden($"{parameter} must be one statement: ';' is refused anywhere in it (also inside literals).",
                mySql ? "Send one SELECT at a time; write a literal ';' as CHAR(59)." : "Send one SELECT at a time; write a literal ';' as chr(59).");
        var first = FirstWord().Match(sql);
        if (!first.Success || !(first.Value.Equals("select", StringComparison.OrdinalIgnoreCase) || first.Value.Equals("with", StringComparison.OrdinalIgnoreCase)))
            throw McpFlowException.Forbidden($"{parameter} must be a read-only SELECT (or WITH ... SELECT); sources are never written.",
                "Load the rows, then transform them in the workspace with data_query.");
        if (UnicodeEscape().IsMatch(sql))
            throw McpFlowException.Forbidden($"{parameter} uses a U& Unicode-escape literal or identifier, which is refused.", "Write the characters themselves.");
        foreach (var (pattern, name) in mySql ? MySqlRefusedForms : NoForms)
        {
            if (pattern.IsMatch(sql))
                throw McpFlowException.Forbidden($"{parameter} uses {name}, which is refused in source queries.",
                    "Select from tables and views only; see docs/tools/data_load_source.md for the refused forms.");
        }

        foreach (Match word in Words().Matches(sql))
        {
            if (mySql ? MySqlRefusedWords.Contains(word.Value)
                : RefusedWords.Contains(word.Value) || RefusedPrefixes.Any(p => word.Value.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
                throw McpFlowException.Forbidden($"{parameter} uses '{word.Value.ToLowerInvariant()}', which is refused in source queries (server files, programs, SQL from strings, other servers or server state).",
                    "Select from tables and views only; see docs/tools/data_load_source.md for the refused functions.");
        }

        return new SourceQuery(sql);
    }

    [GeneratedRegex(":=", RegexOptions.CultureInvariant)]
    private static partial Regex Assignment();

    [GeneratedRegex(@"\bfor\s+(update|share)\b|\block\s+in\s+share\s+mode\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LockingRead();

    [GeneratedRegex(@"\bnext\s+value\s+for\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NextValue();

    [GeneratedRegex(@"/\*[Mm]?!", RegexOptions.CultureInvariant)]
    private static partial Regex ExecutableComment();

    [GeneratedRegex(@"\A[A-Za-z]+", RegexOptions.CultureInvariant)]
    private static partial Regex FirstWord();

    [GeneratedRegex(@"[Uu]&\s*['""]", RegexOptions.CultureInvariant)]
    private static partial Regex UnicodeEscape();

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_$]*", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}
