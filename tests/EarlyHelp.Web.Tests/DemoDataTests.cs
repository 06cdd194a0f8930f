using EarlyHelp.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Tests;

/// <summary>The demonstration caseload at a size (EarlyHelp:DemoFamilies), as the load test seeds it.</summary>
public sealed class DemoDataTests
{
    [Fact]
    public async Task A_larger_demonstration_keeps_caseloads_realistic_with_more_staff_who_can_sign_in()
    {
        var file = Path.Combine(Path.GetTempPath(), $"earlyhelp-demo-{Guid.NewGuid():N}.db");
        const string password = "demo-password-for-this-test";
        try
        {
            await using var app = WebHost.Build(["--urls", "http://127.0.0.1:0"], Engine.Load(Path.Combine(AppContext.BaseDirectory, "frameworks")), b =>
            {
                b.Configuration["ConnectionStrings:EarlyHelp"] = $"Data Source={file}";
                b.Configuration["EarlyHelp:Demo"] = "true";
                b.Configuration["EarlyHelp:DemoFamilies"] = "1100";
                b.Configuration["EarlyHelp:DemoPassword"] = password;
            });
            await WebHost.PrepareDatabaseAsync(app);

            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.Equal(1100, await db.Families.CountAsync());

            // A practitioner for every 43 families: 26, in teams of about eight, so a fourth team with its own manager.
            var practitioners = await users.GetUsersInRoleAsync(Roles.Practitioner);
            Assert.Equal(26, practitioners.Count);
            Assert.Equal(4, await db.Teams.CountAsync());
            var led = await db.Episodes.Where(e => e.LeadPractitionerId != null).GroupBy(e => e.LeadPractitionerId).Select(g => g.Count()).ToListAsync();
            Assert.InRange(led.Average(), 25, 45);
            Assert.InRange(led.Max(), 1, 80);

            var manager = await users.FindByEmailAsync("manager1@demo.earlyhelp.test");
            Assert.NotNull(manager);
            Assert.True(await users.IsInRoleAsync(manager, Roles.Manager));
            Assert.True(await users.CheckPasswordAsync(manager, password));
            Assert.Equal("North locality 2", (await db.Teams.SingleAsync(t => t.Id == manager.TeamId)).Name);
            // A small synthetic partner extract, imported by the demonstration analyst, with some families linked to it.
            Assert.Equal(Features.PartnerData.DemoPartnerData.People, await db.PartnerPeople.CountAsync());
            Assert.True(await db.PartnerImports.CountAsync(i => i.Status == Core.PartnerData.ImportStatus.Succeeded) >= 5);
            Assert.InRange(await db.Families.CountAsync(f => f.PartnerFamilyId != null), 20, 40);
            Assert.True(await db.Members.AnyAsync(m => m.PersonId != null));

            var practitioner = await users.FindByEmailAsync("practitioner1@demo.earlyhelp.test");
            Assert.NotNull(practitioner);
            Assert.True(await users.CheckPasswordAsync(practitioner, password));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }
}
