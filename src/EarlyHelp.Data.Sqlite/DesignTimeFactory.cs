using Microsoft.EntityFrameworkCore.Design;

namespace EarlyHelp.Data.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model; it never connects.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<EarlyHelpDbContext>
{
    public EarlyHelpDbContext CreateDbContext(string[] args) => Database.Create("Data Source=design-time.db");
}
