using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using EarlyHelp.Core.Casework;
using EarlyHelp.Data;
using EarlyHelp.Web.Features.Families;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.Enquiries;

/// <summary>
/// Receives an enquiry for the front door page and the API alike: a new family with its first episode, or a new
/// episode on a family known before, so both apply the same rules.
/// </summary>
public sealed class EnquiryDesk(EarlyHelpDbContext db, TimeProvider clock, FamilyVerdicts verdicts, AuditLog audit)
{
    /// <summary>The framework a new episode is judged by.</summary>
    public const string Framework = "national-2022";

    /// <summary>Finds the known family an enquiry names, with the problems the input's own rules cannot see.</summary>
    public async Task<(Family? Known, List<ValidationResult> Problems)> CheckAsync(ClaimsPrincipal user, EnquiryInput input)
    {
        if (!input.ForKnownFamily)
        {
            return (null, []);
        }

        // Only a coordinator links an enquiry to a family already known, so nobody else can probe for references.
        var reference = input.ExistingReference!.Trim().ToUpperInvariant();
        var family = user.IsInRole(Roles.Manager)
            ? await db.Families.Include(f => f.Episodes).SingleOrDefaultAsync(f => f.Reference == reference)
            : null;
        if (family is null)
        {
            return (null, [new("There is no family with that reference you can add an enquiry to: check the reference, or leave it blank and enter the family's details", [nameof(EnquiryInput.ExistingReference)])]);
        }

        if (family.Episodes.Any(e => e.Stage != EpisodeStage.Closed))
        {
            return (null, [new($"{family.Reference} has an open episode: add to that episode instead", [nameof(EnquiryInput.ExistingReference)])]);
        }

        return (family, []);
    }

    /// <summary>Records a checked enquiry: the new family (or the known one) gets an episode at the enquiry stage.</summary>
    public async Task<(Family Family, Episode Episode)> ReceiveAsync(HttpContext http, EnquiryInput input, Family? known)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var family = known;
        if (family is null)
        {
            family = input.ToFamily(await NextReferenceAsync(), clock.GetUtcNow());
            db.Families.Add(family);
        }

        var episode = input.ToEpisode(family, today);

        // Added to the context, not just the family: with its key already set, EF would take it for an existing row.
        db.Episodes.Add(episode);
        await verdicts.RefreshAsync(family, episode);
        await SaveAsync(family, isNew: known is null);
        await audit.WriteAsync(http, family.Id, "change");
        return (family, episode);
    }

    /// <summary>
    /// Records an enquiry the service raised itself (a candidate family found in partner data): a new family, given
    /// its reference here, or a known one, with the episode <paramref name="episodeFor"/> makes on today's date.
    /// </summary>
    public async Task<(Family Family, Episode Episode)> ReceiveAsync(HttpContext http, Family family, bool isNew, Func<Family, DateOnly, Episode> episodeFor)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        if (isNew)
        {
            family.Reference = await NextReferenceAsync();
            family.CreatedAt = clock.GetUtcNow();
            db.Families.Add(family);
        }

        var episode = episodeFor(family, today);
        db.Episodes.Add(episode);
        await verdicts.RefreshAsync(family, episode);
        await SaveAsync(family, isNew);
        await audit.WriteAsync(http, family.Id, "change");
        return (family, episode);
    }

    private async Task SaveAsync(Family family, bool isNew)
    {
        // Two enquiries received at the same moment can take the same next reference; the unique index refuses
        // the second, which then takes the one after.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync();
                return;
            }
            catch (DbUpdateException) when (isNew && attempt < 3)
            {
                family.Reference = await NextReferenceAsync();
            }
        }
    }

    private async Task<string> NextReferenceAsync()
    {
        var last = await db.Families.Where(f => f.Reference.StartsWith("FAM-")).OrderByDescending(f => f.Reference).Select(f => f.Reference).FirstOrDefaultAsync();
        var next = last is not null && int.TryParse(last.AsSpan(4), out var n) ? n + 1 : 1;
        return $"FAM-{next:000000}";
    }
}
