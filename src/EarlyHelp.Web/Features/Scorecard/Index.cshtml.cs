using System.ComponentModel.DataAnnotations;
using EarlyHelp.Core.Scorecard;
using EarlyHelp.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.Scorecard;

/// <summary>
/// The performance scorecard (seed 003, Appendix 2) for any period, for one team or the whole service, with each
/// measure's definition, a trend over quarters as a chart and a table, and the figures as CSV or Excel. The filter
/// is a GET form, so a scorecard is a link to share, and it works without JavaScript.
/// </summary>
[Authorize(Roles = $"{Roles.Manager},{Roles.StrategicLead},{Roles.Analyst}")]
public sealed class IndexModel(EarlyHelpDbContext db, Engine engine, IConfiguration configuration, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Start date")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "End date")]
    public DateOnly? To { get; set; }

    /// <summary>A team's id, or empty for the whole service.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Team { get; set; }

    public IReadOnlyList<(Guid Id, string Name)> Teams { get; private set; } = [];

    public Period Period { get; private set; }

    public string TeamName { get; private set; } = WholeService;

    public IReadOnlyList<ScorecardRow> Rows { get; private set; } = [];

    public const string WholeService = ScorecardFilter.WholeService;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    /// <summary>The quarters offered as one-click periods: the current one and the three before it.</summary>
    public IReadOnlyList<Quarter> RecentQuarters => Quarter.RunEndingWith(Quarter.Containing(Today), 4).Reverse().ToList();

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync() =>
        await LoadAsync() ? File(ScorecardExport.Csv(Rows, Period, TeamName), "text/csv; charset=utf-8", FileName("csv")) : Page();

    public async Task<IActionResult> OnGetXlsxAsync() =>
        await LoadAsync() ? File(ScorecardExport.Xlsx(Rows, Period, TeamName), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName("xlsx")) : Page();

    /// <summary>The query string of the scorecard shown, for the download links and the quarter links.</summary>
    public string QueryFor(Period period, string? handler = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["From"] = period.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["To"] = period.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        if (!string.IsNullOrEmpty(Team) && ModelState.ErrorCount == 0)
        {
            query["Team"] = Team;
        }

        if (handler is not null)
        {
            query["handler"] = handler;
        }

        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/scorecard", query);
    }

    private string FileName(string extension) =>
        $"scorecard-{(TeamName == WholeService ? "whole-service" : Slug(TeamName))}-{Period.From:yyyy-MM-dd}-to-{Period.To:yyyy-MM-dd}.{extension}";

    private static string Slug(string name) => string.Concat(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')).Trim('-');

    /// <summary>Checks the filter and works out the scorecard; false, with the problems on the page, when the filter is wrong.</summary>
    private async Task<bool> LoadAsync()
    {
        Teams = await ScorecardFilter.TeamsAsync(db, HttpContext.RequestAborted);
        var filter = ScorecardFilter.Check(From, Given(nameof(From)), To, Given(nameof(To)), ModelState.ErrorCount == 0, Team, Teams, Today);
        foreach (var (field, message) in filter.Problems)
        {
            ModelState.AddModelError(field, message);
        }

        (Period, TeamName) = (filter.Period, filter.TeamName);
        if (ModelState.ErrorCount > 0)
        {
            return false;
        }

        var population = configuration.GetValue<int?>(ChildrenReceivingEarlyHelpRate.PopulationSetting);
        var data = await ScorecardFacts.LoadAsync(db, engine, population, HttpContext.RequestAborted);
        Rows = ScorecardCalculator.Compute(data, Period, filter.Team, Teams);
        return true;
    }

    /// <summary>Whether a date was given at all: as one value (2025-04-01, as links carry it) or as any of its three parts.</summary>
    private bool Given(string name) =>
        Request.Query[name].ToString().Length > 0
        || new[] { "Day", "Month", "Year" }.Any(part => Request.Query[$"{name}.{part}"].ToString().Trim().Length > 0);
}
