using EarlyHelp.Core.Casework;
using EarlyHelp.Data;
using EarlyHelp.Web.Features.Families.Inputs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.Families;

/// <summary>
/// Everything that happened on the family's record, across all its episodes, newest first (the MOJ timeline
/// pattern): the pathway's steps, meetings, plan actions, evidence, case notes and contacts, and closure. Case
/// notes and contacts are added here.
/// </summary>
public sealed class TimelineModel(EarlyHelpDbContext db, CaseAccess access, TimeProvider clock, Engine engine) : FamilyPage(db, access, clock)
{
    public override string Section => "timeline";

    [BindProperty]
    public CaseNoteInput Input { get; set; } = new();

    /// <summary>One thing that happened. <paramref name="Rank"/> orders a day's events along the pathway.</summary>
    public sealed record Entry(DateOnly On, int Rank, DateTimeOffset? At, int Episode, string Title, string? By, IReadOnlyList<Detail> Details, string? Tag = null);

    /// <summary>A line of an entry's description; a detail without a label is text someone typed.</summary>
    public sealed record Detail(string? Label, string Text);

    public IReadOnlyList<Entry> Entries { get; private set; } = [];

    public IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Kinds { get; } =
        [.. CaseNoteInput.Kinds.Select(k => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(k.Value, k.Key))];

    protected override async Task<IActionResult?> PrepareAsync()
    {
        if (Episode is null)
        {
            return NotFound();
        }

        var ids = Family.Episodes.Select(e => e.Id).ToList();
        var meetings = await Db.Meetings.AsNoTracking().Where(m => ids.Contains(m.EpisodeId)).ToListAsync();
        var actions = await Db.Actions.AsNoTracking().Where(a => ids.Contains(a.EpisodeId)).ToListAsync();
        var evidence = await Db.Evidence.AsNoTracking().Where(v => ids.Contains(v.EpisodeId)).ToListAsync();
        var notes = await Db.Notes.AsNoTracking().Where(n => ids.Contains(n.EpisodeId)).ToListAsync();
        var referrals = await Db.ServiceReferrals.AsNoTracking().Where(r => ids.Contains(r.EpisodeId)).ToListAsync();
        var people = await CaseworkText.PeopleAsync(Db, [.. notes.Select(n => n.AuthorId), .. evidence.Select(v => v.RecordedById), .. evidence.Select(v => v.Withdrawal?.ById), .. Family.Episodes.Select(e => e.LeadPractitionerId), .. referrals.Select(r => r.ReferredById)]);
        var teams = await Db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name);
        var numbers = Family.Episodes.ToDictionary(e => e.Id, e => e.Number);
        string Person(string? id) => id is not null && people.TryGetValue(id, out var name) ? name : "a former user";

        var entries = new List<Entry>();
        foreach (var e in Family.Episodes)
        {
            entries.Add(new(e.ReceivedOn, 0, null, e.Number, "Enquiry received", null,
            [
                new("From", e.EnquirySource),
                new("Reason", e.EnquiryReason),
                new("Family agrees to early help", CaseworkText.YesOrNo(e.FamilyAgreesToEarlyHelp)),
            ], e.SteppedDownFromSocialCare ? "Stepped down from children's social care" : null));
            if (e is { Decision: { } decision, DecidedOn: { } decided })
            {
                var name = AllocateModel.Decisions.FirstOrDefault(d => d.Value == decision.ToString())?.Text ?? decision.ToString();
                entries.Add(new(decided, 1, null, e.Number, $"Decision: {name}", null, []));
            }

            if (e.AllocatedOn is { } allocated)
            {
                entries.Add(new(allocated, 2, null, e.Number, $"Allocated to {Person(e.LeadPractitionerId)}", null,
                    e.TeamId is { } team && teams.TryGetValue(team, out var teamName) ? [new("Team", teamName)] : []));
            }

            Add(e.AssessmentStartedOn, 3, "Early Help Assessment started");
            Add(e.AssessmentCompletedOn, 4, "Early Help Assessment completed");
            Add(e.FamilyPlanAgreedOn, 5, "Family plan agreed");
            if (e is { ClosedOn: { } closed })
            {
                var details = new List<Detail>();
                if (e.LevelOfNeedAtClosure is { } level)
                {
                    details.Add(new("Level of need at closure", CaseworkText.LevelOfNeed(level)));
                }

                details.Add(new("Family received support", CaseworkText.YesOrNo(e.SupportReceived)));
                if (e.ClosureNote is { } note)
                {
                    details.Add(new(null, note));
                }

                var reason = e.ClosureReason is { } r ? $": {CaseworkText.Closure(r)}" : "";
                entries.Add(new(closed, 9, null, e.Number, $"Episode {e.Number} closed{reason}", null, details));
            }

            void Add(DateOnly? on, int rank, string title)
            {
                if (on is { } day)
                {
                    entries.Add(new(day, rank, null, e.Number, title, null, []));
                }
            }
        }

        entries.AddRange(meetings.Select(m => new Entry(m.HeldOn, 6, null, numbers[m.EpisodeId], CaseworkText.Meeting(m.Kind), null,
        [
            new("Who attended", m.Attendees),
            new("What was decided", m.Decisions),
            .. m.PlanChanges is { } changes ? [new Detail("Changes to the family plan", changes)] : Array.Empty<Detail>(),
            .. m.NextReviewOn is { } next ? [new Detail("Next review", CaseworkText.Date(next))] : Array.Empty<Detail>(),
        ])));

        // Plan actions carry no date they were added: they show when completed, or once due and not done.
        foreach (var a in actions)
        {
            var by = $"{a.Who}, {a.Agency}";
            if (a.CompletedOn is { } done)
            {
                entries.Add(new(done, 6, null, numbers[a.EpisodeId], "Plan action completed", null, [new(null, a.What), new("Who", by)]));
            }
            else if (a.DueOn <= Today)
            {
                entries.Add(new(a.DueOn, 6, null, numbers[a.EpisodeId], "Plan action due", null, [new(null, a.What), new("Who", by)], "Not completed"));
            }
        }

        var members = Family.Members.ToDictionary(m => m.Id, m => m.FullName);
        var frameworks = Family.Episodes.ToDictionary(e => e.Id, e => engine.Frameworks.TryGet(e.FrameworkId, out var f) ? f : null);
        foreach (var v in evidence)
        {
            var need = frameworks[v.EpisodeId]?.SummaryOf(v.NeedCode) ?? v.NeedCode;
            var who = v.MemberId is { } member && members.TryGetValue(member, out var memberName) ? $" ({memberName})" : "";
            var details = new List<Detail> { new("Kind", CaseworkText.EvidenceKind(v.Kind)) };
            if (v.OutcomeAchieved is { } achieved)
            {
                details.Add(new("Outcome achieved", CaseworkText.YesOrNo(achieved)));
            }

            if (v.Instrument is { } instrument)
            {
                details.Add(new("Measure", $"{instrument}: {v.Before:0.##} before, {v.After:0.##} after"));
            }

            if (v.Note is { } text)
            {
                details.Add(new(null, text));
            }

            entries.Add(new(v.RecordedOn, 6, null, numbers[v.EpisodeId], $"Evidence recorded: {need}{who}", Person(v.RecordedById), details, v.Withdrawal is null ? null : "Withdrawn"));
            if (v.Withdrawal is { } withdrawal)
            {
                entries.Add(new(DateOnly.FromDateTime(withdrawal.At.LocalDateTime), 6, withdrawal.At, numbers[v.EpisodeId], $"Evidence withdrawn: {need}{who}", Person(withdrawal.ById),
                    [new("Evidence of", CaseworkText.Date(v.RecordedOn)), new("Why", withdrawal.Reason)]));
            }
        }

        // Referrals to Families Information Service directory services, made from the Family Plan.
        entries.AddRange(referrals.Select(r => new Entry(r.ReferredOn, 6, r.At, numbers[r.EpisodeId], $"Referred to {r.ServiceName}", Person(r.ReferredById),
        [
            new("Provider", r.OrganisationName),
            .. r.NeedCode is { } code ? [new Detail("For", frameworks[r.EpisodeId]?.SummaryOf(code) ?? code)] : Array.Empty<Detail>(),
        ])));

        entries.AddRange(notes.Select(n => new Entry(n.OccurredOn, 6, n.At, numbers[n.EpisodeId], CaseworkText.Contact(n.Kind), Person(n.AuthorId),
        [
            new(null, n.Text),
            .. DateOnly.FromDateTime(n.At.LocalDateTime) != n.OccurredOn ? [new Detail("Recorded on", CaseworkText.Date(DateOnly.FromDateTime(n.At.LocalDateTime)))] : Array.Empty<Detail>(),
        ])));

        Entries = [.. entries.OrderByDescending(x => x.On).ThenByDescending(x => x.Rank).ThenByDescending(x => x.At)];
        return null;
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        PageValidation.AddRules(ModelState, nameof(Input), Input, HttpContext.RequestServices);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // A note belongs to the latest episode, even a closed one: contact after closure is still the family's history.
        Db.Notes.Add(Input.ToNote(Episode!, CaseAccess.UserId(User)!, TimeProvider.GetUtcNow()));
        await Db.SaveChangesAsync();
        TempData["Notice"] = $"{CaseworkText.Contact(Input.Kind!)} added";
        return Redirect($"/families/{FamilyId}/timeline");
    }

    private TimeProvider TimeProvider => HttpContext.RequestServices.GetRequiredService<TimeProvider>();
}
