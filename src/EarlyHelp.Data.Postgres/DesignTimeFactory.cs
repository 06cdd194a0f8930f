using Microsoft.EntityFrameworkCore.Design;

namespace EarlyHelp.Data.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model; it never connects.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<EarlyHelpDbContext>
{
    public EarlyHelpDbContext CreateDbContext(string[] args) => Database.Create("Host=localhost;Database=earlyhelp_design");
}
