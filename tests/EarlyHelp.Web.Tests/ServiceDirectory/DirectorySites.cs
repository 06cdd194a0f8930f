using EarlyHelp.Data;
using EarlyHelp.Web.Features.ServiceDirectory;
using EarlyHelp.Web.Tests.Casework;
using Microsoft.AspNetCore.Identity;

namespace EarlyHelp.Web.Tests.ServiceDirectory;

/// <summary>The casework site with the demonstration directory (60 services, six family hubs) and a directory editor.</summary>
public static class DirectorySeed
{
    public static readonly string[] Districts = ["WS1", "WS2", "WS3", "WS4", "WS5", "WS8", "WS9", "WS10"];

    public static async Task SeedAsync(CaseworkSite site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>();
        await DirectoryDemo.SeedAsync(db, scope.ServiceProvider.GetRequiredService<Engine>(), districts: Districts);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var editor = new ApplicationUser { UserName = "directory@test.example", Email = "directory@test.example", DisplayName = "Dee Editor", Agency = "Families Information Service" };
        Assert.True((await users.CreateAsync(editor, CaseworkSite.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(editor, Roles.DirectoryEditor)).Succeeded);
    }
}

public sealed class SqliteDirectorySite : SqliteSite, IAsyncLifetime
{
    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await DirectorySeed.SeedAsync(this);
    }
}

public sealed class PostgresDirectorySite : PostgresSite, IAsyncLifetime
{
    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await DirectorySeed.SeedAsync(this);
    }
}
