using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;
using Xunit;

namespace McpFlow.Testing.Postgres;

/// <summary>
/// A real PostgreSQL server for tests: a fresh cluster in a temporary folder (initdb), listening on a free loopback TCP
/// port and a private Unix socket, stopped and deleted on dispose. The superuser <c>postgres</c> reaches it through
/// the socket without a password (fixture set-up only); tests connect over TCP as <see cref="ReaderUser"/>, a plain
/// login role with a random password (scram-sha-256), so secret handling is tested for real. Use it as a collection
/// fixture (one server per test assembly). It never skips: when the server cannot start, initialisation throws with
/// the reason (missing binaries, initdb's or the server's log), which fails every test that uses it.
/// Debian's <c>postgresql</c> package provides the binaries (<c>.ci/run</c> installs it); <c>MCPFLOW_PG_BIN</c>
/// overrides the folder. Under root the binaries run as the <c>postgres</c> user (<c>runuser</c>), since the server
/// refuses root.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    /// <summary>Database the tests use.</summary>
    public const string Database = "mcpflow_test";

    /// <summary>The unprivileged login role tests read as.</summary>
    public const string ReaderUser = "mcpflow_reader";

    /// <summary>The read-write login role of team-mode tests: owns the databases <see cref="CreateTeamDatabaseAsync"/> makes.</summary>
    public const string TeamUser = "mcpflow_team";

    private const string SystemUser = "postgres";
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(120);

    private string? _bin;

    /// <summary>Temporary folder of the cluster (data, log and socket).</summary>
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "mcpflow-pg-" + Guid.NewGuid().ToString("N")[..10]);

    /// <summary>The reader's password: random, distinctive, so a test can search every answer for it.</summary>
    public string ReaderPassword { get; } = "Pw" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)) + "x";

    /// <summary>The team role's password (random).</summary>
    public string TeamPassword { get; } = "Tw" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)) + "x";

    /// <summary>TCP port on 127.0.0.1.</summary>
    public int Port { get; private set; }

    /// <summary>The reader's connection string over TCP, without the password (give it apart, as the server's
    /// <c>MCPFLOW_SOURCE_PASSWORD__NAME</c> does).</summary>
    public string ReaderConnectionString => $"Host=127.0.0.1;Port={Port};Database={Database};Username={ReaderUser}";

    /// <summary>The superuser's connection string over the Unix socket (fixture set-up only).</summary>
    public string AdminConnectionString => $"Host={Folder};Port={Port};Database={Database};Username={SystemUser};Pooling=false";

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _bin = FindBin();
        Directory.CreateDirectory(Folder);
        if (IsRoot())
            Run("chown", ["-R", $"{SystemUser}:{SystemUser}", Folder], asSystemUser: false);
        Run(Path.Combine(_bin, "initdb"), ["-D", Path.Combine(Folder, "data"), "-U", SystemUser, "-E", "UTF8", "--no-locale",
            "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync"]);
        Port = FreePort();
        var log = Path.Combine(Folder, "server.log");
        try
        {
            Run(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(Folder, "data"), "-l", log, "-w", "-t", "90", "-o",
                $"-p {Port} -k {Folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c timezone=UTC", "start"]);
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException(ex.Message + "\nServer log:\n" + TryRead(log), ex);
        }

        await using (var admin = new NpgsqlConnection($"Host={Folder};Port={Port};Database=postgres;Username={SystemUser};Pooling=false"))
        {
            await admin.OpenAsync();
            await ExecuteAsync(admin, $"CREATE ROLE {ReaderUser} LOGIN PASSWORD '{ReaderPassword}'");
            await ExecuteAsync(admin, $"CREATE DATABASE {Database}");
            await ExecuteAsync(admin, $"CREATE ROLE {TeamUser} LOGIN PASSWORD '{TeamPassword}'");
        }

        await using (var db = new NpgsqlConnection(AdminConnectionString))
        {
            await db.OpenAsync();
            // The reader may read what it is granted, and nothing of the server's files (no pg_read_server_files).
            await ExecuteAsync(db, $"GRANT USAGE ON SCHEMA public TO {ReaderUser}; ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO {ReaderUser}");
        }
    }

    /// <summary>Creates an empty database owned by <see cref="TeamUser"/> (a team-mode test's own) and returns the team
    /// role's connection string to it over TCP, password included (what <c>MCPFLOW_TEAM_DATABASE</c> holds).</summary>
    public async Task<string> CreateTeamDatabaseAsync(string name)
    {
        await using (var admin = new NpgsqlConnection($"Host={Folder};Port={Port};Database=postgres;Username={SystemUser};Pooling=false"))
        {
            await admin.OpenAsync();
            await ExecuteAsync(admin, $"CREATE DATABASE {name} OWNER {TeamUser}");
        }

        return TeamConnectionString(name);
    }

    /// <summary>The team role's connection string to database <paramref name="name"/> over TCP, password included.</summary>
    public string TeamConnectionString(string name) => $"Host=127.0.0.1;Port={Port};Database={name};Username={TeamUser};Password={TeamPassword}";

    /// <summary>Runs SQL as the superuser in database <paramref name="database"/> (to tamper with a team database in a test).</summary>
    public async Task AdminExecuteAsync(string database, string sql)
    {
        await using var db = new NpgsqlConnection($"Host={Folder};Port={Port};Database={database};Username={SystemUser};Pooling=false");
        await db.OpenAsync();
        await ExecuteAsync(db, sql);
    }

    /// <summary>Runs SQL as the superuser in <see cref="Database"/> (to create test tables; they are readable by the reader).</summary>
    public async Task AdminExecuteAsync(string sql)
    {
        await using var db = new NpgsqlConnection(AdminConnectionString);
        await db.OpenAsync();
        await ExecuteAsync(db, sql);
    }

    /// <summary>Runs a scalar query as the superuser.</summary>
    public async Task<object?> AdminScalarAsync(string sql)
    {
        await using var db = new NpgsqlConnection(AdminConnectionString);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        return await command.ExecuteScalarAsync();
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        try
        {
            if (_bin is not null && Directory.Exists(Path.Combine(Folder, "data")))
                Run(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(Folder, "data"), "-m", "immediate", "-w", "stop"]);
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        TempFolder.TryDelete(Folder);
        return Task.CompletedTask;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string FindBin()
    {
        var configured = Environment.GetEnvironmentVariable("MCPFLOW_PG_BIN");
        var candidates = configured is not null
            ? [configured]
            : Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).OrderByDescending(d => d, StringComparer.Ordinal).ToArray()
                : [];
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            ?? throw new InvalidOperationException(
                "PostgreSQL is not installed: no initdb/pg_ctl under /usr/lib/postgresql/*/bin (or MCPFLOW_PG_BIN). Install it with 'apt-get install -y postgresql' (.ci/run does).");
    }

    private static bool IsRoot() => Environment.UserName == "root";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string TryRead(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : "(no log)";
        }
        catch (IOException)
        {
            return "(log unreadable)";
        }
    }

    // Runs a PostgreSQL binary (as the postgres user under root) and fails with its output when it fails.
    private static void Run(string file, IReadOnlyList<string> args, bool asSystemUser = true)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asSystemUser && IsRoot())
        {
            start.FileName = "runuser";
            foreach (var a in new[] { "-u", SystemUser, "--", file })
                start.ArgumentList.Add(a);
        }
        else
        {
            start.FileName = file;
        }

        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(StepTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(file)} did not finish within {StepTimeout.TotalSeconds} s.");
        }

        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} failed with exit code {process.ExitCode}:\n{Output(stdout)}\n{Output(stderr)}");
    }

    // A server forked by pg_ctl could keep a pipe open: the output is read for a few seconds at most.
    private static string Output(Task<string> read) => read.Wait(TimeSpan.FromSeconds(5)) ? read.Result : "(output not closed)";
}
