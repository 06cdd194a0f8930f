using EarlyHelp.Core.Claims;
using EarlyHelp.Data;
using EarlyHelp.Web.Features.Claims;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Tests.Claims;

/// <summary>The demonstration caseload has families the demo analyst can claim for, as the engine judges them today.</summary>
public sealed class DemoClaimTests
{
    [Fact]
    public async Task The_demo_analyst_can_build_a_claim_from_the_demonstration_caseload()
    {
        var file = Path.Combine(Path.GetTempPath(), $"earlyhelp-demo-claims-{Guid.NewGuid():N}.db");
        try
        {
            await using var app = WebHost.Build(["--urls", "http://127.0.0.1:0"], Engine.Load(Path.Combine(AppContext.BaseDirectory, "frameworks")), b =>
            {
                b.Configuration["ConnectionStrings:EarlyHelp"] = $"Data Source={file}";
                b.Configuration["EarlyHelp:Demo"] = "true";
                b.Configuration["EarlyHelp:DemoFamilies"] = "400";
                b.Configuration["EarlyHelp:DemoPassword"] = "demo-password-for-this-test";
                b.Configuration["EarlyHelp:NightlyVerdicts"] = "false";
                ClaimsConfiguration.Apply(b);
            });
            await WebHost.PrepareDatabaseAsync(app);

            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>();
            var analyst = await db.Users.SingleAsync(u => u.Email == "analyst@demo.earlyhelp.test");
            var built = await scope.ServiceProvider.GetRequiredService<ClaimDesk>().BuildAsync(ClaimsConfiguration.WindowA, analyst.Id);
            Assert.Null(built.Error);
            Assert.NotEmpty(built.Claim!.Lines);
            Assert.All(built.Claim.Lines, l => Assert.Contains("\"status\": \"claimable\"", l.Verdict, StringComparison.Ordinal));
            Assert.Equal(built.Claim.Lines.Count, await db.ClaimLines.CountAsync(l => l.State == ClaimLineState.Draft));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }
}
