using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Chooses the provider: PostgreSQL when given a PostgreSQL connection string, otherwise the embedded SQLite file.</summary>
public static class Database
{
    public static DatabaseProvider ProviderFor(string connectionString) =>
        connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase) ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        ProviderFor(connectionString) == DatabaseProvider.Postgres
            ? options.UseNpgsql(connectionString, o => o.MigrationsAssembly("EarlyHelp.Data.Postgres"))
            : options.UseSqlite(connectionString, o => o.MigrationsAssembly("EarlyHelp.Data.Sqlite"));

    public static EarlyHelpDbContext Create(string connectionString)
    {
        var options = new DbContextOptionsBuilder<EarlyHelpDbContext>();
        Configure(options, connectionString);
        return new EarlyHelpDbContext(options.Options);
    }
}
