using Microsoft.EntityFrameworkCore;
using EarlyHelp.Testing;

namespace EarlyHelp.Data.Tests;

/// <summary>One throwaway PostgreSQL server for the whole test run; each test gets its own database.</summary>
public sealed class Databases : IAsyncLifetime
{
    private PostgresServer? server;
    private int next;

    public async Task InitializeAsync() => server = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>A fresh, migrated database of the given provider.</summary>
    public async Task<string> NewAsync(DatabaseProvider provider)
    {
        var name = $"test_{Interlocked.Increment(ref next)}";
        var connection = provider == DatabaseProvider.Postgres
            ? await server!.CreateDatabaseAsync(name)
            : $"Data Source={Path.Combine(Path.GetTempPath(), $"earlyhelp-{Guid.NewGuid():N}.db")}";
        await using var db = Database.Create(connection);
        await db.Database.MigrateAsync();
        return connection;
    }
}

[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<Databases>
{
    public const string Name = "databases";
}
