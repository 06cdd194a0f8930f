using System.ComponentModel.DataAnnotations;
using EarlyHelp.Core.Casework;
using EarlyHelp.Data;
using EarlyHelp.Web.Features.Families.Inputs;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.Families.Api;

/// <summary>A checked change to a family's open episode.</summary>
public sealed record OpenEpisodeChange<T>(T Input, Family Family, Episode Episode);

/// <summary>Loading a family's record for the API's calls, after <see cref="FamilyGate"/> has let the caller through.</summary>
public static class FamilyRecord
{
    /// <summary>The family to change, tracked: its members, episodes and their needs, which the inputs check against.</summary>
    public static Task<Family> ForChangeAsync(EarlyHelpDbContext db, Guid id) => db.Families
        .Include(f => f.Members)
        .Include(f => f.Episodes).ThenInclude(e => e.Needs)
        .AsSplitQuery()
        .SingleAsync(f => f.Id == id);

    /// <summary>
    /// Reads a change to the family's open episode: the input checked by its own rules, then the family loaded and
    /// the input checked against the open episode. The problem to answer with when any of that fails.
    /// </summary>
    public static async Task<(OpenEpisodeChange<T>? Change, IResult? Problem)> ReadChangeAsync<T>(
        HttpRequest request, EarlyHelpDbContext db, Guid id, Func<T, Family, Episode, IEnumerable<ValidationResult>> check)
        where T : class
    {
        var (input, problem) = await ApiBody.ReadAsync<T>(request);
        if (input is null)
        {
            return (null, problem);
        }

        var family = await ForChangeAsync(db, id);
        if (family.CurrentEpisode is not { } episode)
        {
            return (null, Closed(family));
        }

        var problems = check(input, family, episode).ToList();
        return problems.Count > 0 ? (null, InputCheck.Problem(problems)) : (new(input, family, episode), null);
    }

    /// <summary>
    /// The episode the needs, plan and evidence calls read: the open one, or else the latest. A family has at most
    /// one open episode, and it is always the latest, since an enquiry opens a new one only when all are closed.
    /// </summary>
    public static IQueryable<Episode> Latest(EarlyHelpDbContext db, Guid id) =>
        db.Episodes.AsNoTracking().Where(e => e.FamilyId == id).OrderByDescending(e => e.Number).Take(1);

    /// <summary>Changes go to the open episode only: a closed one is what the claim was judged on.</summary>
    public static IResult Closed(Family family) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: $"{family.Reference} has no open episode",
        detail: "A closed episode is kept as it was closed. A new enquiry opens a new episode.");

    /// <summary>An id of something in the family's record that is not there: the caller may see the family, so may know.</summary>
    public static IResult NotFound(string what) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"There is no such {what} in this family's record");
}
