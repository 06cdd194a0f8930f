using EarlyHelp.Core.Casework;
using Verdict = EarlyHelp.Core.Outcomes.Verdict;
using EarlyHelp.Data;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.Families;

/// <summary>The outcomes engine's verdict on a family's episode today, as the family page and the API show it.</summary>
public sealed class FamilyVerdicts(EarlyHelpDbContext db, Engine engine, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    /// <summary>The episode's needs and evidence must be loaded. No verdict when its framework is not installed.</summary>
    public async Task<(Verdict? Verdict, string? LeadPractitioner)> EvaluateAsync(Family family, Episode episode)
    {
        var lead = await db.Users.Where(u => u.Id == episode.LeadPractitionerId).Select(u => u.DisplayName).SingleOrDefaultAsync();
        return (Evaluate(family, episode, lead, engine, Today), lead);
    }

    public static Verdict? Evaluate(Family family, Episode episode, string? lead, Engine engine, DateOnly today)
    {
        if (!engine.Frameworks.TryGet(episode.FrameworkId, out _))
        {
            return null;
        }

        var (file, _) = EpisodeCaseFile.Build(family, episode, lead, today);
        return engine.Evaluator.Evaluate(file);
    }

    /// <summary>
    /// Stores the verdict's claim status on the episode, for caseload filters, after anything the engine reads
    /// has changed (needs, evidence, members, the pathway's dates). Loads what it needs; the caller saves.
    /// </summary>
    public async Task RefreshAsync(Family family, Episode episode)
    {
        // Pages usually have these loaded already; load only what is missing.
        static Task Ensure(Microsoft.EntityFrameworkCore.ChangeTracking.CollectionEntry collection) =>
            collection.IsLoaded ? Task.CompletedTask : collection.LoadAsync();
        await Ensure(db.Entry(family).Collection(f => f.Members));
        await Ensure(db.Entry(episode).Collection(e => e.Needs));
        await Ensure(db.Entry(episode).Collection(e => e.Evidence));
        var (verdict, _) = await EvaluateAsync(family, episode);
        Record(episode, verdict, Today);
    }

    public static void Record(Episode episode, Verdict? verdict, DateOnly today)
    {
        episode.ClaimStatus = verdict?.Claim.Status;
        episode.ClaimableOn = verdict?.Claim.EarliestDate;
        episode.EvaluatedOn = today;
    }

    public static string StatusText(Core.Outcomes.OutcomeStatus status) => status switch
    {
        Core.Outcomes.OutcomeStatus.Met => "Met",
        Core.Outcomes.OutcomeStatus.Pending => "Pending",
        _ => "Not met",
    };

    /// <summary>The GOV.UK tag colour for a need's outcome.</summary>
    public static string StatusTag(Core.Outcomes.OutcomeStatus status) => status switch
    {
        Core.Outcomes.OutcomeStatus.Met => "green",
        Core.Outcomes.OutcomeStatus.Pending => "yellow",
        _ => "red",
    };
}
