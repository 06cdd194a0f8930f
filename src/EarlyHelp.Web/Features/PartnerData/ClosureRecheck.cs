using System.Globalization;
using System.Text.Json.Nodes;
using EarlyHelp.Core.Calendar;
using EarlyHelp.Core.Casework;
using EarlyHelp.Core.Frameworks;
using EarlyHelp.Core.PartnerData;
using EarlyHelp.Data;
using EarlyHelp.Web.Features.Families;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.PartnerData;

/// <summary>
/// After police or attendance data is imported, checks every family closed within the last six months whose members
/// are linked to the partner data: an incident, or a term's attendance below a need's threshold, dated after closure
/// and within the six months, is recorded on the episode as evidence from partner data (a fact the outcomes engine
/// reads, so the need is no longer sustained), the stored verdict is refreshed, and the lead practitioner is told.
/// </summary>
public sealed class ClosureRecheck(EarlyHelpDbContext db, FamilyVerdicts verdicts, Engine engine, TimeProvider clock)
{
    public const int SustainmentMonths = 6;

    private static readonly Dictionary<string, string> PoliceEvents = new(StringComparer.Ordinal)
    {
        ["offence"] = "offence",
        ["arrest"] = "arrest",
        ["named-suspect"] = "named-suspect",
        ["asb"] = "asb",
        ["domestic-abuse"] = "domestic-abuse-incident",
        ["missing"] = "missing-episode",
    };

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    /// <summary>Checks after an import; returns how many needs were found no longer sustained.</summary>
    public async Task<int> AfterImportAsync(PartnerImport import, CancellationToken cancellation = default)
    {
        if (import.Dataset is not (PartnerDataFact.Police or PartnerDataFact.AttendanceDataset) || import.Status != ImportStatus.Succeeded)
        {
            return 0;
        }

        var today = Today;
        var since = today.AddMonths(-SustainmentMonths);
        var episodes = await db.Episodes
            .Where(e => e.Stage == EpisodeStage.Closed && e.ClosedOn != null && e.ClosedOn >= since && e.ClosedOn <= today)
            .Where(e => db.Members.Any(m => m.FamilyId == e.FamilyId && m.PersonId != null))
            .Include(e => e.Needs)
            .Include(e => e.Evidence)
            .ToListAsync(cancellation);
        var found = 0;
        foreach (var episode in episodes)
        {
            var family = await db.Families.Include(f => f.Members).SingleAsync(f => f.Id == episode.FamilyId, cancellation);
            found += await CheckAsync(family, episode, import, today, cancellation);
        }

        return found;
    }

    private async Task<int> CheckAsync(Family family, Episode episode, PartnerImport import, DateOnly today, CancellationToken cancellation)
    {
        if (!engine.Frameworks.TryGet(episode.FrameworkId, out var framework))
        {
            return 0;
        }

        var closed = episode.ClosedOn!.Value;
        var until = Min(closed.AddMonths(SustainmentMonths), today);
        var linked = family.Members.Where(m => m.PersonId != null).ToDictionary(m => m.PersonId!, StringComparer.Ordinal);
        var ids = linked.Keys.ToList();
        var facts = new List<(FamilyMember Member, DateOnly On, PartnerDataFact Fact, string What)>();
        if (import.Dataset == PartnerDataFact.Police)
        {
            var incidents = await db.PartnerPoliceIncidents
                .Where(p => ids.Contains(p.PersonId) && p.Date > closed && p.Date <= until)
                .ToListAsync(cancellation);
            foreach (var incident in incidents.Where(i => PoliceEvents.ContainsKey(i.Type)))
            {
                facts.Add((linked[incident.PersonId], incident.Date,
                    new PartnerDataFact { Dataset = PartnerDataFact.Police, PersonId = incident.PersonId, EventType = PoliceEvents[incident.Type], Severe = incident.Severe, ImportId = import.Id },
                    $"a police report ({incident.Type}{(incident.Severe ? ", severe" : "")}) about {incident.PersonId} on {incident.Date:d MMMM yyyy}"));
            }
        }
        else
        {
            var terms = await db.PartnerAttendance.Where(a => ids.Contains(a.PersonId)).ToListAsync(cancellation);
            foreach (var row in terms.Where(t => t.PossibleSessions > 0))
            {
                var term = new SchoolTerm(int.Parse(row.AcademicYear.AsSpan(0, 4), CultureInfo.InvariantCulture), Enum.Parse<TermName>(row.Term, ignoreCase: true));
                var ended = SchoolCalendar.England.End(term);
                if (ended > closed && ended <= until)
                {
                    facts.Add((linked[row.PersonId], ended,
                        new PartnerDataFact
                        {
                            Dataset = PartnerDataFact.AttendanceDataset, PersonId = row.PersonId, Term = term.Ordinal, PossibleSessions = row.PossibleSessions,
                            AttendedSessions = row.AttendedSessions, AuthorisedAbsence = row.AuthorisedAbsence, UnauthorisedAbsence = row.UnauthorisedAbsence, ImportId = import.Id,
                        },
                        $"{row.PersonId} attended {100m * row.AttendedSessions / row.PossibleSessions:0.#}% of {row.PossibleSessions} sessions in the {row.Term} term of {row.AcademicYear}"));
                }
            }
        }

        var added = 0;
        foreach (var need in episode.Needs)
        {
            if (!framework.Needs.TryGetValue(need.Code, out var definition) || definition.CriteriaDefinition is not { } criteria)
            {
                continue;
            }

            foreach (var (member, on, fact, what) in facts)
            {
                if ((need.MemberId is { } about && about != member.Id) || !Affects(criteria, fact) || AlreadyRecorded(episode, need.Code, fact, on))
                {
                    continue;
                }

                var threshold = fact.Dataset == PartnerDataFact.AttendanceDataset ? $", below the {MinimumPercent(criteria):0.#}% the need's outcome requires" : "";
                var note = $"From partner data ({import.Dataset}.csv, imported by {import.ByName} on {import.FinishedAt ?? clock.GetUtcNow():d MMMM yyyy}): " +
                    $"{what}{threshold}, after closure on {closed:d MMMM yyyy}. The outcome is no longer sustained.";
                // Added to the context, not just the episode: with its key already set, EF would take it for an existing row.
                var entry = db.Evidence.Add(new EvidenceEntry
                {
                    EpisodeId = episode.Id,
                    NeedCode = need.Code,
                    MemberId = member.Id,
                    RecordedOn = on,
                    Kind = "data",
                    OutcomeAchieved = false,
                    Note = note,
                    RecordedById = import.ByUserId,
                    FromPartnerData = fact,
                }).Entity;
                if (!episode.Evidence.Contains(entry))
                {
                    episode.Evidence.Add(entry);
                }

                if (episode.LeadPractitionerId is { } lead)
                {
                    db.PartnerDataNotices.Add(new PartnerDataNotice
                    {
                        FamilyId = family.Id,
                        EpisodeId = episode.Id,
                        NeedCode = need.Code,
                        LeadPractitionerId = lead,
                        Message = $"{family.Reference}, {need.Code}: {note}",
                        CreatedAt = clock.GetUtcNow(),
                    });
                }

                added++;
            }
        }

        if (added > 0)
        {
            await verdicts.RefreshAsync(family, episode);
            await db.SaveChangesAsync(cancellation);
        }

        return added;
    }

    /// <summary>Withdrawn evidence counts as recorded: a fact withdrawn as wrong is not added again by the next import.</summary>
    private static bool AlreadyRecorded(Episode episode, string need, PartnerDataFact fact, DateOnly on) =>
        episode.Evidence.Any(e => e.NeedCode == need && e.RecordedOn == on && e.FromPartnerData is { } f
            && f.Dataset == fact.Dataset && f.PersonId == fact.PersonId && f.EventType == fact.EventType && f.Term == fact.Term);

    /// <summary>
    /// Whether the need's criteria (as the framework file states them) look at this fact after closure: a rule on
    /// incidents of its type in a window after closure, or an attendance rule whose minimum the term falls below.
    /// </summary>
    internal static bool Affects(JsonNode criteria, PartnerDataFact fact) => fact.Dataset == PartnerDataFact.Police
        ? Rules(criteria).Any(r => r.Kind is "noEvents" or "incidents" && Types(r.Body).Contains(fact.EventType!) && LooksAfterClosure(r))
        : Rules(criteria).Any(r => r.Kind is "attendance" or "attendanceImprovement" && r.Body["minimumPercent"] is { } min
            && fact.PossibleSessions > 0 && 100m * fact.AttendedSessions!.Value / fact.PossibleSessions.Value < min.GetValue<decimal>());

    private static decimal MinimumPercent(JsonNode criteria) =>
        Rules(criteria).Where(r => r.Kind is "attendance" or "attendanceImprovement" && r.Body["minimumPercent"] is not null)
            .Select(r => r.Body["minimumPercent"]!.GetValue<decimal>()).DefaultIfEmpty(0).Max();

    private static bool LooksAfterClosure((string Kind, JsonObject Body) rule) =>
        rule.Kind == "incidents" || (rule.Body["window"] is JsonObject window && window["anchor"]?.GetValue<string>() == "closed" && window["monthsAfter"] is not null);

    private static HashSet<string> Types(JsonObject body) =>
        body["types"] is JsonArray types ? [.. types.Select(t => t!.GetValue<string>())] : [];

    /// <summary>Every rule in a criteria tree, by its kind (the key naming it) and its settings.</summary>
    private static IEnumerable<(string Kind, JsonObject Body)> Rules(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (value is JsonObject body)
                    {
                        yield return (key, body);
                    }

                    if (value is not null)
                    {
                        foreach (var inner in Rules(value))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a.Where(i => i is not null))
                {
                    foreach (var inner in Rules(item!))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}

/// <summary>What follows a successful import, on the command line and in the background alike.</summary>
public static class ImportFollowUp
{
    public static async Task<int> RunAsync(IServiceProvider services, PartnerImport import, CancellationToken cancellation = default) =>
        await services.GetRequiredService<ClosureRecheck>().AfterImportAsync(import, cancellation);
}
