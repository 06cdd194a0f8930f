using EarlyHelp.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Tests.Account;

/// <summary><c>earlyhelp administrator</c> as a real process: a new installation's first administrator and their set-password link.</summary>
public sealed class AdministratorCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("earlyhelp-admin-cli-").FullName;

    private string ConnectionString => $"Data Source={Path.Combine(folder, "earlyhelp.db")}";

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        var run = await Host.RunOnDatabaseAsync(ConnectionString, args);
        return (run.ExitCode, run.Out, run.Error);
    }

    [Fact]
    public async Task A_new_installation_gets_its_first_administrator_with_a_working_set_password_link()
    {
        var (exit, output, error) = await RunAsync("administrator", "ada@council.example", "Ada Lovelace", "--site", "https://earlyhelp.council.example/");
        Assert.True(exit == 0, error);
        var link = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last();
        Assert.StartsWith("https://earlyhelp.council.example/set-password?email=ada%40council.example&token=", link, StringComparison.Ordinal);
        Assert.Contains("Ada Lovelace (ada@council.example) is an administrator", output, StringComparison.Ordinal);

        // The link's token is one the service accepts: the keys it was made with are in the database.
        await using var app = WebHost.Build(["--ConnectionStrings:EarlyHelp=" + ConnectionString], Engine.Load(Path.Combine(AppContext.BaseDirectory, "frameworks")));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var ada = (await users.FindByEmailAsync("ada@council.example"))!;
            Assert.True(await users.IsInRoleAsync(ada, Roles.Administrator));
            var token = Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..]);
            Assert.True(await users.VerifyUserTokenAsync(ada, TokenOptions.DefaultProvider, UserManager<ApplicationUser>.ResetPasswordTokenPurpose, token));
            var db = scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>();
            Assert.Equal(0, await db.Families.CountAsync()); // no demonstration in a real installation
            Assert.True(await db.Audit.AnyAsync(a => a.PersonId == ada.Id && a.UserId == "command-line" && a.Action == "account"));
        }

        // Again for the same person: still one account; a bad address is refused.
        Assert.Equal(0, (await RunAsync("administrator", "ada@council.example", "Ada Lovelace")).Exit);
        await using (var db = Database.Create(ConnectionString))
        {
            Assert.Equal(1, await db.Users.CountAsync());
        }

        var bad = await RunAsync("administrator", "not-an-address", "Nobody");
        Assert.Equal(2, bad.Exit);
        Assert.Contains("'not-an-address' is not an email address", bad.Error, StringComparison.Ordinal);
    }
}
