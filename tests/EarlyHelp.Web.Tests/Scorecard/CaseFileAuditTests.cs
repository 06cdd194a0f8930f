using System.Net;
using EarlyHelp.Core.Scorecard;
using EarlyHelp.Data;
using EarlyHelp.Web.Tests.Casework;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Tests.Scorecard;

/// <summary>The multi-agency case file audit form: who may use it, its errors, saving, and the audit log.</summary>
public abstract partial class ScorecardTests<TSite>
{
    private static Dictionary<string, string> AuditForm(string grade = "Good") => new()
    {
        ["Input.EpisodeNumber"] = "1",
        ["Input.Auditor"] = "Priya Shah",
        ["Input.AuditedOn.Day"] = "10",
        ["Input.AuditedOn.Month"] = "7",
        ["Input.AuditedOn.Year"] = "2024",
        ["Input.AgenciesInvolved"] = "School, health visitor",
        ["Input.AssessmentFindings"] = "The assessment covers the whole family.",
        ["Input.FamilyPlanFindings"] = "Jay's wishes are in the plan.",
        ["Input.MultiAgencyFindings"] = "The school and health visitor attended every meeting.",
        ["Input.OutcomesFindings"] = "Attendance is back above 90%.",
        ["Input.Grade"] = grade,
        ["Input.Actions"] = "None",
    };

    private async Task<List<(string Action, string What)>> AuditTrailAsync(Guid family)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>();
        return [.. (await db.Audit.AsNoTracking().Where(a => a.FamilyId == family).OrderBy(a => a.Id).ToListAsync()).Select(a => (a.Action, a.What))];
    }

    [Fact]
    public async Task Only_managers_and_auditors_who_may_see_the_family_use_the_audit_form()
    {
        var path = $"/families/{site.FamilyA}/case-file-audits";
        Assert.Equal(HttpStatusCode.Forbidden, (await (await site.SignedInAsync("north.practitioner")).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await site.SignedInAsync("analyst")).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await site.SignedInAsync("north.manager")).GetAsync(path)).StatusCode);

        // An auditor sees families with a closed episode only; family A's is open.
        var auditor = await site.SignedInAsync("auditor");
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync(path)).StatusCode);
        Assert.Contains(("refused", $"GET {path}"), await AuditTrailAsync(site.FamilyA));
        Assert.Contains(("read", $"GET {path}"), await AuditTrailAsync(site.FamilyA));
    }

    [Fact]
    public async Task A_wrong_audit_is_refused_with_every_problem_and_nothing_typed_is_lost()
    {
        var family = await site.AddClosedFamilyAsync($"CFA-{Guid.NewGuid():N}"[..12]);
        var path = $"/families/{family}/case-file-audits";
        var auditor = await site.SignedInAsync("auditor");
        var form = AuditForm();
        form.Remove("Input.Grade");
        form["Input.AssessmentFindings"] = "";
        form["Input.AuditedOn.Day"] = "31";
        form["Input.AuditedOn.Month"] = "2";
        form["Input.FamilyPlanFindings"] = "Kept as typed.";

        var response = await CaseworkSite.PostFormAsync(auditor, path, form);
        var html = await HtmlAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<title>Error: Case file audits", html, StringComparison.Ordinal);
        var summary = html[..html.IndexOf("<h1", StringComparison.Ordinal)];
        Assert.Contains("<a href=\"#Input-AuditedOn\">Date of the audit must be a real date</a>", summary, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input-AssessmentFindings\">Enter the findings on the assessment of the family's needs</a>", summary, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input-Grade\">Select the overall grade</a>", summary, StringComparison.Ordinal);
        Assert.True(summary.IndexOf("#Input-AuditedOn", StringComparison.Ordinal) < summary.IndexOf("#Input-AssessmentFindings", StringComparison.Ordinal)
            && summary.IndexOf("#Input-AssessmentFindings", StringComparison.Ordinal) < summary.IndexOf("#Input-Grade", StringComparison.Ordinal), summary);
        Assert.Contains(">Kept as typed.</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Priya Shah\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.AuditedOn.Day\" type=\"text\" inputmode=\"numeric\" value=\"31\"", html, StringComparison.Ordinal);

        await using var scope = site.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>().CaseFileAudits.AnyAsync(a => a.FamilyId == family));
    }

    [Fact]
    public async Task An_audit_is_saved_shown_and_written_to_the_audit_log_as_a_change()
    {
        var family = await site.AddClosedFamilyAsync($"CFA-{Guid.NewGuid():N}"[..12]);
        var path = $"/families/{family}/case-file-audits";
        var auditor = await site.SignedInAsync("auditor");

        var response = await CaseworkSite.PostFormAsync(auditor, path, AuditForm("RequiresImprovement"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = WebUtility.HtmlDecode(await auditor.GetStringAsync(path));

        Assert.Contains("Case file audit of episode 1 saved: requires improvement", html, StringComparison.Ordinal);
        Assert.Contains("Episode 1, audited 10 July 2024: Requires improvement</h3>", html, StringComparison.Ordinal);
        Assert.Contains("Jay's wishes are in the plan.", html, StringComparison.Ordinal);

        await using var scope = site.Services.CreateAsyncScope();
        var saved = await scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>().CaseFileAudits.SingleAsync(a => a.FamilyId == family);
        Assert.Equal((AuditGrade.RequiresImprovement, new DateOnly(2024, 7, 10), "Priya Shah", "School, health visitor"), (saved.Grade, saved.AuditedOn, saved.Auditor, saved.AgenciesInvolved));
        Assert.Equal("The school and health visitor attended every meeting.", saved.MultiAgencyFindings);

        var trail = await AuditTrailAsync(family);
        Assert.Contains(("change", $"POST {path}"), trail);
        Assert.Equal(2, trail.Count(t => t == ("read", $"GET {path}")));
    }
}
