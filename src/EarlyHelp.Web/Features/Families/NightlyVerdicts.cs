using EarlyHelp.Data;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.Families;

/// <summary>
/// Re-evaluates, once a day, every episode whose stored verdict is from an earlier day: the verdict depends on
/// the date (a sustainment period ends, a pending need's window closes), so caseload filters by claim status stay
/// true without anyone opening the family. Idempotent, so several web nodes running it do no harm.
/// </summary>
public sealed class NightlyVerdicts(IServiceScopeFactory scopes, TimeProvider clock, ILogger<NightlyVerdicts> log) : BackgroundService
{
    private const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var refreshed = await RefreshStaleAsync(stoppingToken);
                log.LogInformation("Re-evaluated {Count} episodes", refreshed);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Re-evaluating episodes failed; trying again tomorrow");
            }

            var now = clock.GetLocalNow();
            await Task.Delay(now.Date.AddDays(1).AddHours(1) - now.DateTime, clock, stoppingToken);
        }
    }

    /// <summary>Re-evaluates every episode not yet evaluated today, a batch at a time; returns how many.</summary>
    public async Task<int> RefreshStaleAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var total = 0;
        var skipped = new HashSet<Guid>();
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>();
            var engine = scope.ServiceProvider.GetRequiredService<Engine>();
            var episodes = await db.Episodes
                .Where(e => (e.EvaluatedOn == null || e.EvaluatedOn < today) && !skipped.Contains(e.Id))
                .OrderBy(e => e.Id)
                .Take(BatchSize)
                .Include(e => e.Needs)
                .Include(e => e.Evidence)
                .AsSplitQuery()
                .ToListAsync(cancellationToken);
            if (episodes.Count == 0)
            {
                return total;
            }

            var familyIds = episodes.Select(e => e.FamilyId).Distinct().ToList();
            var families = await db.Families.Include(f => f.Members).Where(f => familyIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
            var leadIds = episodes.Select(e => e.LeadPractitionerId).OfType<string>().Distinct().ToList();
            var leads = await db.Users.Where(u => leadIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
            foreach (var episode in episodes)
            {
                var lead = episode.LeadPractitionerId is { } id ? leads.GetValueOrDefault(id) : null;
                FamilyVerdicts.Record(episode, FamilyVerdicts.Evaluate(families[episode.FamilyId], episode, lead, engine, today), today);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                total += episodes.Count;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone changed one of these episodes meanwhile; their save refreshed it. Leave the batch for tomorrow.
                skipped.UnionWith(episodes.Select(e => e.Id));
            }
        }
    }
}
