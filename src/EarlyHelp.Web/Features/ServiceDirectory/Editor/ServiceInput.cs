using System.Collections;
using System.ComponentModel.DataAnnotations;
using EarlyHelp.Core.ServiceDirectory;
using EarlyHelp.Web.Features.Services;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace EarlyHelp.Web.Features.ServiceDirectory.Editor;

/// <summary>
/// A service as the editor's form has it. Ages, times and amounts are kept as typed, so a mistake is shown
/// with what was typed rather than lost to model binding. Days and times, costs and contacts are lists the editor
/// adds to and removes from ("add another"), each entry checked on its own.
/// </summary>
public sealed class ServiceInput
{
    [Display(Name = "Organisation that provides it")]
    public string? OrganisationId { get; set; }

    [Display(Name = "Service name")]
    public string? Name { get; set; }

    [Display(Name = "What the service does")]
    public string? Description { get; set; }

    [Display(Name = "Status")]
    public string? Status { get; set; }

    [Display(Name = "Youngest age (optional)")]
    public string? MinimumAge { get; set; }

    [Display(Name = "Oldest age (optional)")]
    public string? MaximumAge { get; set; }

    /// <summary>Headline outcome and need codes of the directory's framework.</summary>
    public List<string> Needs { get; set; } = [];

    public List<Guid> LocationIds { get; set; } = [];

    /// <summary>When it runs: as many sets of days and times as it has (HSDS schedules).</summary>
    public List<ScheduleInput> Schedules { get; set; } = [];

    /// <summary>What it costs: as many amounts as it has (HSDS cost options).</summary>
    public List<CostInput> Costs { get; set; } = [];

    [Display(Name = "Website (optional)")]
    public string? Url { get; set; }

    [Display(Name = "Email address (optional)")]
    public string? Email { get; set; }

    /// <summary>Whom to contact: as many people as it has (HSDS contacts).</summary>
    public List<ContactInput> Contacts { get; set; } = [];

    /// <summary>The version of the service the form was opened on.</summary>
    public Guid? Version { get; set; }

    public static ServiceInput From(DirectoryService s) => new ServiceInput
    {
        OrganisationId = s.OrganisationId.ToString(),
        Name = s.Name,
        Description = s.Description,
        Status = s.Status,
        MinimumAge = s.MinimumAge?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        MaximumAge = s.MaximumAge?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Needs = [.. s.Terms.Where(t => t.Term is not null).Select(t => t.Term!.Code)],
        LocationIds = [.. s.Locations.Select(l => l.LocationId)],
        Schedules = [.. s.Schedules.OrderBy(x => x.Id).Select(x => new ScheduleInput
        {
            Id = x.Id,
            Days = [.. (x.ByDay ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)],
            OpensAt = x.OpensAt is { } o ? ServiceText.Time(o) : null,
            ClosesAt = x.ClosesAt is { } c ? ServiceText.Time(c) : null,
        })],
        Costs = [.. s.CostOptions.OrderBy(x => x.Id).Select(x => new CostInput { Id = x.Id, Amount = x.Amount?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), Description = x.AmountDescription })],
        Url = s.Url,
        Email = s.Email,
        Contacts = [.. s.Contacts.OrderBy(x => x.Id).Select(x => new ContactInput { Id = x.Id, Name = x.Name, Phone = x.Phone })],
        Version = s.Version,
    }.WithAnEmptyEntryInEachList();

    /// <summary>Most entries the form takes of each kind: more than a family-facing listing needs.</summary>
    public const int MostEntries = 20;

    /// <summary>Every list shows at least one set of fields to fill in.</summary>
    public ServiceInput WithAnEmptyEntryInEachList()
    {
        if (Schedules.Count == 0)
        {
            Schedules.Add(new ScheduleInput());
        }

        if (Costs.Count == 0)
        {
            Costs.Add(new CostInput());
        }

        if (Contacts.Count == 0)
        {
            Contacts.Add(new ContactInput());
        }

        return this;
    }

    /// <summary>
    /// An "add another" or "remove" button (<c>add-schedule</c>, <c>remove-cost-2</c> ...): changes the lists and
    /// nothing else. False for a value that is not one of them.
    /// </summary>
    public bool TryChangeEntries(string change)
    {
        var parts = change.Split('-');
        IList? list = parts.Length > 1 ? parts[1] switch { "schedule" => Schedules, "cost" => Costs, "contact" => Contacts, _ => null } : null;
        switch (parts)
        {
            case ["add", _] when list is not null:
                if (list.Count < MostEntries)
                {
                    list.Add(parts[1] switch { "schedule" => new ScheduleInput(), "cost" => new CostInput(), _ => new ContactInput() });
                }

                break;
            case ["remove", _, var index] when list is not null && int.TryParse(index, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) && i < list.Count:
                list.RemoveAt(i);
                break;
            default:
                return false;
        }

        WithAnEmptyEntryInEachList();
        return true;
    }

    /// <summary>Checks everything at once and, when all is well, makes the changes to <paramref name="s"/>.</summary>
    public bool TryApply(DirectoryService s, ModelStateDictionary state, ISet<Guid> organisations, ISet<Guid> locations, IReadOnlyDictionary<string, Guid> terms)
    {
        var check = new EditorChecks(state, "Input");
        Guid organisationId = default;
        if (!Guid.TryParse(OrganisationId, out organisationId) || !organisations.Contains(organisationId))
        {
            check.Add(nameof(OrganisationId), "Select the organisation that provides the service");
        }

        var name = check.Required(nameof(Name), Name, "Enter the service's name", 200, "Service name");
        var description = check.Required(nameof(Description), Description, "Enter what the service does", 4000, "What the service does");
        if (Status is null || !ServiceStatus.All.Contains(Status))
        {
            check.Add(nameof(Status), "Select whether the service is running");
        }

        var min = check.Age(nameof(MinimumAge), MinimumAge, "Youngest age");
        var max = check.Age(nameof(MaximumAge), MaximumAge, "Oldest age");
        if (min is { } young && max is { } old && old < young)
        {
            check.Add(nameof(MaximumAge), "Oldest age must be the same as or more than the youngest age");
        }

        if (Needs.Any(n => !terms.ContainsKey(n)))
        {
            check.Add(nameof(Needs), "Select needs from the list");
        }

        if (LocationIds.Any(l => !locations.Contains(l)))
        {
            check.Add(nameof(LocationIds), "Select places from the list");
        }

        var url = check.WebAddress(nameof(Url), Url, "Website");
        var email = check.Email(nameof(Email), Email, "an email address");

        var schedules = new List<(Guid? Id, string ByDay, TimeOnly? Opens, TimeOnly? Closes)>();
        foreach (var (x, i) in Schedules.Select((x, i) => (x, i)).Where(e => !e.x.IsBlank))
        {
            var at = new EntryChecks(check, $"{nameof(Schedules)}[{i}]", Schedules.Count > 1 ? $" (days and times {i + 1})" : "");
            if (x.Days.Any(d => OpenReferralApi.Days.All(k => k.Code != d)))
            {
                at.Add(nameof(ScheduleInput.Days), "Select days from the list");
            }

            var opens = check.Time(at.Field(nameof(ScheduleInput.OpensAt)), x.OpensAt, "Opening time" + at.Which);
            var closes = check.Time(at.Field(nameof(ScheduleInput.ClosesAt)), x.ClosesAt, "Closing time" + at.Which);
            if (opens is { } from && closes is { } to && to <= from)
            {
                at.Add(nameof(ScheduleInput.ClosesAt), "Closing time must be after the opening time");
            }

            if ((opens is not null || closes is not null) && x.Days.Count == 0)
            {
                at.Add(nameof(ScheduleInput.Days), "Select the days the service runs, or leave the times blank");
            }

            schedules.Add((x.Id, string.Join(",", OpenReferralApi.Days.Select(d => d.Code).Where(x.Days.Contains)), opens, closes));
        }

        var costs = new List<(Guid? Id, decimal? Amount, string? Description)>();
        foreach (var (x, i) in Costs.Select((x, i) => (x, i)).Where(e => !e.x.IsBlank))
        {
            var at = new EntryChecks(check, $"{nameof(Costs)}[{i}]", Costs.Count > 1 ? $" (cost {i + 1})" : "");
            costs.Add((x.Id, check.Pounds(at.Field(nameof(CostInput.Amount)), x.Amount, "Cost" + at.Which),
                check.Optional(at.Field(nameof(CostInput.Description)), x.Description, 500, "About the cost" + at.Which)));
        }

        var contacts = new List<(Guid? Id, string? Name, string? Phone)>();
        foreach (var (x, i) in Contacts.Select((x, i) => (x, i)).Where(e => !e.x.IsBlank))
        {
            var at = new EntryChecks(check, $"{nameof(Contacts)}[{i}]", Contacts.Count > 1 ? $" (contact {i + 1})" : "");
            var contactName = check.Optional(at.Field(nameof(ContactInput.Name)), x.Name, 200, "Contact name" + at.Which);
            var phone = check.Optional(at.Field(nameof(ContactInput.Phone)), x.Phone, 40, "Phone number" + at.Which);
            if (phone is not null && !phone.All(c => char.IsDigit(c) || c is ' ' or '+' or '(' or ')' or '-'))
            {
                at.Add(nameof(ContactInput.Phone), "Enter a phone number, like 01632 960 001 or 07700 900 982");
            }

            contacts.Add((x.Id, contactName, phone));
        }

        if (Schedules.Count > MostEntries || Costs.Count > MostEntries || Contacts.Count > MostEntries)
        {
            check.Add(nameof(Name), $"A service can have up to {MostEntries} sets of days and times, costs and contacts each");
        }

        if (!state.IsValid)
        {
            return false;
        }

        s.OrganisationId = organisationId;
        s.Name = name!;
        s.Description = description;
        s.Status = Status!;
        s.MinimumAge = min;
        s.MaximumAge = max;
        s.Url = url;
        s.Email = email;

        s.Terms.RemoveAll(t => t.Term is { } term && terms.ContainsKey(term.Code) && !Needs.Contains(term.Code));
        foreach (var code in Needs.Distinct().Where(code => s.Terms.All(t => t.TaxonomyTermId != terms[code])))
        {
            s.Terms.Add(new ServiceTaxonomyTerm { ServiceId = s.Id, TaxonomyTermId = terms[code] });
        }

        s.Locations.RemoveAll(l => !LocationIds.Contains(l.LocationId));
        foreach (var id in LocationIds.Distinct().Where(id => s.Locations.All(l => l.LocationId != id)))
        {
            s.Locations.Add(new ServiceAtLocation { ServiceId = s.Id, LocationId = id });
        }

        // An entry keeps its id (and any fields the form does not show, such as an imported schedule's
        // description) when it is changed; entries emptied or removed go.
        Match(s.Schedules, schedules, x => x.Id, e => e.Id, () => new ServiceSchedule { ServiceId = s.Id }, (x, e) => (x.ByDay, x.OpensAt, x.ClosesAt) = (e.ByDay, e.Opens, e.Closes));
        Match(s.CostOptions, costs, x => x.Id, e => e.Id, () => new ServiceCostOption { ServiceId = s.Id }, (x, e) => (x.Amount, x.AmountDescription) = (e.Amount, e.Description));
        Match(s.Contacts, contacts, x => x.Id, e => e.Id, () => new ServiceContact { ServiceId = s.Id }, (x, e) => (x.Name, x.Phone) = (e.Name, e.Phone));
        return true;
    }

    private static void Match<TRecord, TEntry>(List<TRecord> records, List<TEntry> entries, Func<TRecord, Guid> idOf, Func<TEntry, Guid?> entryId, Func<TRecord> create, Action<TRecord, TEntry> apply)
    {
        var kept = new List<TRecord>();
        foreach (var entry in entries)
        {
            var record = records.FirstOrDefault(r => entryId(entry) == idOf(r) && !kept.Contains(r));
            if (record is null)
            {
                record = create();
                records.Add(record);
            }

            apply(record, entry);
            kept.Add(record);
        }

        records.RemoveAll(r => !kept.Contains(r));
    }

    /// <summary>Checks of one entry of a list: its fields' names in the form, and which entry a message is about.</summary>
    private readonly record struct EntryChecks(EditorChecks Check, string Prefix, string Which)
    {
        public string Field(string name) => $"{Prefix}.{name}";

        public void Add(string name, string message) => Check.Add(Field(name), message + Which);
    }
}

/// <summary>One set of days and times a service runs.</summary>
public sealed class ScheduleInput
{
    public Guid? Id { get; set; }

    /// <summary>iCalendar day codes: MO, TU ...</summary>
    public List<string> Days { get; set; } = [];

    [Display(Name = "Opens at (optional)")]
    public string? OpensAt { get; set; }

    [Display(Name = "Closes at (optional)")]
    public string? ClosesAt { get; set; }

    public bool IsBlank => Days.Count == 0 && string.IsNullOrWhiteSpace(OpensAt) && string.IsNullOrWhiteSpace(ClosesAt);
}

/// <summary>One thing a service costs.</summary>
public sealed class CostInput
{
    public Guid? Id { get; set; }

    [Display(Name = "Cost in pounds (optional)")]
    public string? Amount { get; set; }

    [Display(Name = "About the cost (optional)")]
    public string? Description { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Amount) && string.IsNullOrWhiteSpace(Description);
}

/// <summary>One person to contact about a service.</summary>
public sealed class ContactInput
{
    public Guid? Id { get; set; }

    [Display(Name = "Contact name (optional)")]
    public string? Name { get; set; }

    [Display(Name = "Phone number (optional)")]
    public string? Phone { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Phone);
}
