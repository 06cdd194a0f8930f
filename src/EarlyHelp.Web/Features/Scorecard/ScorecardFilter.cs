using EarlyHelp.Core.Scorecard;
using EarlyHelp.Data;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.Scorecard;

/// <summary>
/// The scorecard's filter, a period and a team, checked alike for the page and the API: both dates or neither
/// (the financial year to date), a real span, and a team from the list or none (the whole service).
/// </summary>
public sealed record ScorecardFilter(Period Period, Guid? Team, string TeamName, IReadOnlyList<(string Field, string Message)> Problems)
{
    public const string WholeService = "Whole service";

    // Wide enough for any early help record, narrow enough that the trend's quarters are real dates.
    private const int EarliestYear = 1990;
    private const int LatestYear = 2100;

    /// <summary>The teams a filter may name, by name.</summary>
    public static async Task<IReadOnlyList<(Guid Id, string Name)>> TeamsAsync(EarlyHelpDbContext db, CancellationToken cancellation = default) =>
        [.. (await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(cancellation)).Select(t => (t.Id, t.Name))];

    /// <param name="fromGiven">Whether a start date was sent at all, even one that could not be read.</param>
    /// <param name="datesRead">False when a date sent could not be read: that problem is said already, and is enough.</param>
    public static ScorecardFilter Check(
        DateOnly? from, bool fromGiven, DateOnly? to, bool toGiven, bool datesRead, string? team, IReadOnlyList<(Guid Id, string Name)> teams, DateOnly today)
    {
        var problems = new List<(string, string)>();
        if (datesRead && DateProblem(from, fromGiven, to, toGiven) is { } problem)
        {
            problems.Add(problem);
        }

        Guid? chosen = null;
        var name = WholeService;
        if (!string.IsNullOrEmpty(team))
        {
            if (Guid.TryParse(team, out var id) && teams.FirstOrDefault(t => t.Id == id) is { Name: not null } found)
            {
                (chosen, name) = (id, found.Name);
            }
            else
            {
                problems.Add(("Team", "Select a team from the list, or the whole service"));
            }
        }

        // The financial year to date when no period is chosen.
        var period = from is { } first && to is { } last && last >= first ? new Period(first, last) : new Period(Quarter.FinancialYearStartOf(today), today);
        return new(period, chosen, name, problems);
    }

    private static (string Field, string Message)? DateProblem(DateOnly? from, bool fromGiven, DateOnly? to, bool toGiven) =>
        (from, to) switch
        {
            _ when fromGiven && !toGiven => ("To", "Enter the end date"),
            _ when toGiven && !fromGiven => ("From", "Enter the start date"),
            ({ Year: < EarliestYear or > LatestYear }, _) => ("From", $"Start date must be between {EarliestYear} and {LatestYear}"),
            (_, { Year: < EarliestYear or > LatestYear }) => ("To", $"End date must be between {EarliestYear} and {LatestYear}"),
            ({ } start, { } end) when end < start => ("To", "The end date must be the same as or after the start date"),
            _ => null,
        };
}
