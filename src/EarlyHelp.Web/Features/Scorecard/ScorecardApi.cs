using System.ComponentModel.DataAnnotations;
using System.Globalization;
using EarlyHelp.Core.Scorecard;
using EarlyHelp.Data;
using EarlyHelp.Web.Features.Families.Inputs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.Scorecard;

/// <summary>
/// The performance scorecard as JSON, for a council's own reporting tools (Power BI and the like, with an API token):
/// the same figures, filter and checks as the page, for the same roles.
/// </summary>
public static class ScorecardApi
{
    public sealed record ScorecardView(DateOnly From, DateOnly To, Guid? TeamId, string Team, IReadOnlyList<MeasureView> Measures);

    /// <param name="Unit">"working days", "percent", "per 10,000 children" or "families".</param>
    /// <param name="Trend">The quarters ending with the period's last, oldest first.</param>
    /// <param name="ByTeam">For the whole service only: each team in the period.</param>
    public sealed record MeasureView(
        string Code, string Title, string Group, string Unit, string Definition, bool? HigherIsBetter, ResultView Result, IReadOnlyList<QuarterView> Trend, IReadOnlyList<TeamView> ByTeam);

    /// <param name="Value">Null when there is nothing to measure; the note says why.</param>
    public sealed record ResultView(decimal? Value, int Counted, int? OutOf, string? Note)
    {
        public static ResultView From(MeasureResult r) => new(r.Value, r.Counted, r.OutOf, r.Note);
    }

    public sealed record QuarterView(string Quarter, DateOnly From, DateOnly To, ResultView Result);

    public sealed record TeamView(string Team, ResultView Result);

    public static void MapScorecardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/scorecard", async (string? from, string? to, string? team, EarlyHelpDbContext db, Engine engine, IConfiguration configuration, TimeProvider clock, CancellationToken cancellation) =>
            {
                var problems = new List<ValidationResult>();
                var start = ReadDate(from, nameof(from), problems);
                var end = ReadDate(to, nameof(to), problems);
                var teams = await ScorecardFilter.TeamsAsync(db, cancellation);
                var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
                var filter = ScorecardFilter.Check(start, !string.IsNullOrEmpty(from), end, !string.IsNullOrEmpty(to), problems.Count == 0, team, teams, today);
                problems.AddRange(filter.Problems.Select(p => new ValidationResult(p.Message, [p.Field])));
                if (problems.Count > 0)
                {
                    return InputCheck.Problem(problems);
                }

                var population = configuration.GetValue<int?>(ChildrenReceivingEarlyHelpRate.PopulationSetting);
                var data = await ScorecardFacts.LoadAsync(db, engine, population, cancellation);
                var rows = ScorecardCalculator.Compute(data, filter.Period, filter.Team, teams);
                return Results.Ok(new ScorecardView(filter.Period.From, filter.Period.To, filter.Team, filter.TeamName, [.. rows.Select(row => new MeasureView(
                    row.Measure.Code,
                    row.Measure.Title,
                    row.Measure.Group.ToString(),
                    ScorecardExport.UnitName(row.Measure.Unit),
                    row.Measure.Definition,
                    row.Measure.HigherIsBetter,
                    ResultView.From(row.Result),
                    [.. row.Trend.Select(t => new QuarterView(t.Quarter.Label, t.Quarter.Period.From, t.Quarter.Period.To, ResultView.From(t.Result)))],
                    [.. row.ByTeam.Select(t => new TeamView(t.Team, ResultView.From(t.Result)))]))]));
            })
            .RequireAuthorization(new AuthorizeAttribute { Roles = $"{Roles.Manager},{Roles.StrategicLead},{Roles.Analyst}" })
            .WithTags("Scorecard")
            .Produces<ScorecardView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("GetScorecard")
            .WithSummary("The performance scorecard for a period and a team, with each measure's trend by quarter")
            .WithDescription("from and to (yyyy-mm-dd) together, or neither for the financial year to date; team is a team's id, or none for the whole service, which adds each team's figures. For managers, strategic leads and analysts, as the page is.");
    }

    private static DateOnly? ReadDate(string? value, string field, List<ValidationResult> problems)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add(new ValidationResult("Enter a real date, in the form yyyy-mm-dd", [field]));
        return null;
    }
}
