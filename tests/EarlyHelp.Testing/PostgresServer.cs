using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace EarlyHelp.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster on a loopback port, started with initdb and pg_ctl from the machine's
/// PostgreSQL installation and removed afterwards. initdb refuses to run as root, so as root the cluster
/// is created and run as the postgres user in a folder it owns.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string directory;
    private readonly string bin;
    private readonly bool asPostgresUser;

    private PostgresServer(string directory, string bin, int port, bool asPostgresUser)
    {
        this.directory = directory;
        this.bin = bin;
        this.asPostgresUser = asPostgresUser;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Include Error Detail=true";

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = FindBin();
        var root = Environment.UserName == "root";
        var directory = Path.Combine(Path.GetTempPath(), $"earlyhelp-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        if (root)
        {
            await RunAsync("chown", ["postgres:postgres", directory]);
        }

        var server = new PostgresServer(directory, bin, FreePort(), root);
        var data = Path.Combine(directory, "data");
        await server.PgAsync("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--locale=C"]);
        await server.PgAsync("pg_ctl", ["-D", data, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60", "start",
            "-o", $"-p {server.Port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"]);
        return server;
    }

    /// <summary>A new, empty database on this server.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await PgAsync("pg_ctl", ["-D", Path.Combine(directory, "data"), "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private Task PgAsync(string tool, IReadOnlyList<string> args) => asPostgresUser
        ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(bin, tool), .. args])
        : RunAsync(Path.Combine(bin, tool), args);

    private static string FindBin()
    {
        if (Environment.GetEnvironmentVariable("EARLYHELP_PG_BIN") is { Length: > 0 } configured)
        {
            return configured;
        }

        var found = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException("PostgreSQL is not installed: run ./run-tests, which installs it, or set EARLYHELP_PG_BIN.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}
