using EarlyHelp.Core.Casework;
using Verdict = EarlyHelp.Core.Outcomes.Verdict;
using EarlyHelp.Data;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.Families;

/// <summary>The outcomes engine's verdict on a family's episode today, as the family page and the API show it.</summary>
public sealed class FamilyVerdicts(EarlyHelpDbContext db, Engine engine, TimeProvider clock)
{
    /// <summary>The episode's needs and evidence must be loaded. No verdict when its framework is not installed.</summary>
    public async Task<(Verdict? Verdict, string? LeadPractitioner)> EvaluateAsync(Family family, Episode episode)
    {
        var lead = await db.Users.Where(u => u.Id == episode.LeadPractitionerId).Select(u => u.DisplayName).SingleOrDefaultAsync();
        if (!engine.Frameworks.TryGet(episode.FrameworkId, out _))
        {
            return (null, lead);
        }

        var (file, _) = EpisodeCaseFile.Build(family, episode, lead, DateOnly.FromDateTime(clock.GetLocalNow().Date));
        return (engine.Evaluator.Evaluate(file), lead);
    }
}
