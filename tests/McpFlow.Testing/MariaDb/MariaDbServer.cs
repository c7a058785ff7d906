using System.Diagnostics;
using System.Security.Cryptography;
using MySqlConnector;
using Xunit;

namespace McpFlow.Testing.MariaDb;

/// <summary>
/// A real MariaDB server for tests: a fresh data folder in a temporary folder (<c>mariadb-install-db</c>), <c>mariadbd</c>
/// listening on a free loopback TCP port with its socket in that folder, killed and deleted on dispose. Set-up runs as
/// <see cref="AdminUser"/> (all privileges, over TCP, created by the server's init file); tests read as
/// <see cref="ReaderUser"/>, a login with a random password that may SELECT in <see cref="Database"/> and also holds the
/// global FILE privilege, so the refusal tests show that McpFlow's own layers (not a missing privilege) keep server
/// files unread and unwritten; <c>secure_file_priv</c> is <see cref="FilesFolder"/>, where a write would land. The server
/// runs in time zone +02:00, so a session that forgot to read TIMESTAMP in UTC would be seen. It never skips: when the
/// server cannot start, initialisation throws with the reason (missing binaries, the install's or the server's log).
/// Debian's <c>mariadb-server</c> package provides the binaries (<c>.ci/run</c> installs it); under root the server runs
/// as the <c>mysql</c> user (<c>runuser</c> for the install, <c>--user</c> for the server, which refuses root).
/// </summary>
public sealed class MariaDbServer : IAsyncLifetime
{
    /// <summary>Database the tests use.</summary>
    public const string Database = "mcpflow_test";

    /// <summary>The login tests read as.</summary>
    public const string ReaderUser = "mcpflow_reader";

    /// <summary>The fixture's own all-privileges login (set-up only).</summary>
    public const string AdminUser = "mcpflow_admin";

    /// <summary>The server's time zone (an offset: the time zone tables are not loaded).</summary>
    public const string ServerTimeZone = "+02:00";

    private const string SystemUser = "mysql";
    private Process? _server;

    /// <summary>Temporary folder of the server (data, socket, logs).</summary>
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "mcpflow-maria-" + Guid.NewGuid().ToString("N")[..10]);

    /// <summary>The server's <c>secure_file_priv</c> folder: the only place <c>INTO OUTFILE</c> could write.</summary>
    public string FilesFolder => Path.Combine(Folder, "files");

    /// <summary>The reader's password: random, distinctive, so a test can search every answer for it.</summary>
    public string ReaderPassword { get; } = "Pw" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)) + "m";

    private string AdminPassword { get; } = "Ad" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));

    /// <summary>TCP port on 127.0.0.1.</summary>
    public int Port { get; private set; }

    /// <summary>The reader's connection string over TCP, without the password (give it apart, as the server's
    /// <c>MCPFLOW_SOURCE_PASSWORD__NAME</c> does).</summary>
    public string ReaderConnectionString => $"Server=127.0.0.1;Port={Port};Database={Database};User ID={ReaderUser}";

    private string AdminConnectionString =>
        $"Server=127.0.0.1;Port={Port};Database={Database};User ID={AdminUser};Password={AdminPassword};Pooling=false;AllowUserVariables=true;SslMode=None";

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var install = Find("/usr/bin/mariadb-install-db", "mariadb-install-db");
        var server = Find("/usr/sbin/mariadbd", "mariadbd");
        Directory.CreateDirectory(FilesFolder);
        var init = Path.Combine(Folder, "init.sql");
        // Run once at the server's start with every privilege: the fixture's logins and the test database.
        await File.WriteAllTextAsync(init, $"""
            CREATE DATABASE {Database} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
            CREATE USER '{AdminUser}'@'127.0.0.1' IDENTIFIED BY '{AdminPassword}';
            GRANT ALL PRIVILEGES ON *.* TO '{AdminUser}'@'127.0.0.1' WITH GRANT OPTION;
            CREATE USER '{ReaderUser}'@'127.0.0.1' IDENTIFIED BY '{ReaderPassword}';
            GRANT SELECT ON {Database}.* TO '{ReaderUser}'@'127.0.0.1';
            GRANT FILE ON *.* TO '{ReaderUser}'@'127.0.0.1';
            """);
        if (FixtureProcess.IsRoot())
            FixtureProcess.Run("chown", ["-R", $"{SystemUser}:{SystemUser}", Folder], null);
        FixtureProcess.Run(install, ["--no-defaults", "--datadir=" + Path.Combine(Folder, "data"), "--skip-test-db", "--skip-name-resolve",
            "--auth-root-authentication-method=socket", "--user=" + (FixtureProcess.IsRoot() ? SystemUser : Environment.UserName)], SystemUser);
        Port = FixtureProcess.FreePort();
        var log = Path.Combine(Folder, "server.log");
        var start = new ProcessStartInfo(server) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[]
                 {
                     "--no-defaults", "--datadir=" + Path.Combine(Folder, "data"), "--socket=" + Path.Combine(Folder, "mysqld.sock"),
                     "--pid-file=" + Path.Combine(Folder, "mysqld.pid"), "--log-error=" + log, "--port=" + Port, "--bind-address=127.0.0.1",
                     "--skip-name-resolve", "--init-file=" + init, "--secure-file-priv=" + FilesFolder, "--default-time-zone=" + ServerTimeZone,
                     "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci", "--innodb-buffer-pool-size=32M",
                     "--innodb-flush-log-at-trx-commit=0", "--skip-ssl",
                 })
            start.ArgumentList.Add(a);
        if (FixtureProcess.IsRoot())
            start.ArgumentList.Add("--user=" + SystemUser);
        _server = Process.Start(start) ?? throw new InvalidOperationException("Could not start mariadbd.");
        _server.OutputDataReceived += (_, _) => { };
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        await WaitUntilReadyAsync(log);
    }

    /// <summary>Runs SQL as the fixture's admin in <see cref="Database"/> (to create test tables; the reader may read them).
    /// Several statements separated by ';' are allowed.</summary>
    public async Task AdminExecuteAsync(string sql)
    {
        await using var db = new MySqlConnection(AdminConnectionString);
        await db.OpenAsync();
        await using var command = new MySqlCommand(sql, db);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs a scalar query as the fixture's admin.</summary>
    public async Task<object?> AdminScalarAsync(string sql)
    {
        await using var db = new MySqlConnection(AdminConnectionString);
        await db.OpenAsync();
        await using var command = new MySqlCommand(sql, db);
        return await command.ExecuteScalarAsync();
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            _server.WaitForExit(TimeSpan.FromSeconds(30));
        }

        _server?.Dispose();
        TempFolder.TryDelete(Folder);
        return Task.CompletedTask;
    }

    // Polls the admin login until the server answers (a safety net around a real process: at most FixtureProcess.StepTimeout).
    private async Task WaitUntilReadyAsync(string log)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (_server!.HasExited)
                throw new InvalidOperationException($"mariadbd exited with code {_server.ExitCode} before accepting connections.\nServer log:\n{FixtureProcess.TryRead(log)}");
            try
            {
                await using var db = new MySqlConnection(AdminConnectionString + ";Connection Timeout=2");
                await db.OpenAsync();
                return;
            }
            catch (MySqlException) when (watch.Elapsed < FixtureProcess.StepTimeout)
            {
                await Task.Delay(200);
            }
            catch (MySqlException ex)
            {
                throw new InvalidOperationException($"mariadbd did not accept the admin login within {FixtureProcess.StepTimeout.TotalSeconds} s ({ex.Message}).\nServer log:\n{FixtureProcess.TryRead(log)}", ex);
            }
        }
    }

    private static string Find(string path, string name) => File.Exists(path)
        ? path
        : throw new InvalidOperationException($"MariaDB is not installed: no {path}. Install it with 'apt-get install -y mariadb-server' (.ci/run does).");
}
