using System.ComponentModel.DataAnnotations;
using EarlyHelp.Core.ServiceDirectory;
using EarlyHelp.Web.Features.Services;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace EarlyHelp.Web.Features.ServiceDirectory.Editor;

/// <summary>
/// A service as the editor's form has it. Ages, times and amounts are kept as typed, so a mistake is shown
/// with what was typed rather than lost to model binding. The form keeps one schedule, one cost and one contact;
/// any further ones (an imported service may have several) are left as they are.
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

    /// <summary>iCalendar day codes: MO, TU ...</summary>
    public List<string> Days { get; set; } = [];

    [Display(Name = "Opens at (optional)")]
    public string? OpensAt { get; set; }

    [Display(Name = "Closes at (optional)")]
    public string? ClosesAt { get; set; }

    [Display(Name = "Cost in pounds (optional)")]
    public string? Cost { get; set; }

    [Display(Name = "About the cost (optional)")]
    public string? CostDescription { get; set; }

    [Display(Name = "Website (optional)")]
    public string? Url { get; set; }

    [Display(Name = "Email address (optional)")]
    public string? Email { get; set; }

    [Display(Name = "Contact name (optional)")]
    public string? ContactName { get; set; }

    [Display(Name = "Phone number (optional)")]
    public string? ContactPhone { get; set; }

    /// <summary>The version of the service the form was opened on.</summary>
    public Guid? Version { get; set; }

    public static ServiceInput From(DirectoryService s)
    {
        var schedule = s.Schedules.OrderBy(x => x.Id).FirstOrDefault();
        var cost = s.CostOptions.OrderBy(x => x.Id).FirstOrDefault();
        var contact = s.Contacts.OrderBy(x => x.Id).FirstOrDefault();
        return new()
        {
            OrganisationId = s.OrganisationId.ToString(),
            Name = s.Name,
            Description = s.Description,
            Status = s.Status,
            MinimumAge = s.MinimumAge?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            MaximumAge = s.MaximumAge?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Needs = [.. s.Terms.Where(t => t.Term is not null).Select(t => t.Term!.Code)],
            LocationIds = [.. s.Locations.Select(l => l.LocationId)],
            Days = [.. (schedule?.ByDay ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)],
            OpensAt = schedule?.OpensAt is { } o ? ServiceText.Time(o) : null,
            ClosesAt = schedule?.ClosesAt is { } c ? ServiceText.Time(c) : null,
            Cost = cost?.Amount?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
            CostDescription = cost?.AmountDescription,
            Url = s.Url,
            Email = s.Email,
            ContactName = contact?.Name,
            ContactPhone = contact?.Phone,
            Version = s.Version,
        };
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

        if (Days.Any(d => OpenReferralApi.Days.All(k => k.Code != d)))
        {
            check.Add(nameof(Days), "Select days from the list");
        }

        var opens = check.Time(nameof(OpensAt), OpensAt, "Opening time");
        var closes = check.Time(nameof(ClosesAt), ClosesAt, "Closing time");
        if (opens is { } from && closes is { } to && to <= from)
        {
            check.Add(nameof(ClosesAt), "Closing time must be after the opening time");
        }

        if ((opens is not null || closes is not null) && Days.Count == 0)
        {
            check.Add(nameof(Days), "Select the days the service runs, or leave the times blank");
        }

        var cost = check.Pounds(nameof(Cost), Cost, "Cost");
        var costDescription = check.Optional(nameof(CostDescription), CostDescription, 500, "About the cost");
        var url = check.WebAddress(nameof(Url), Url, "Website");
        var email = check.Email(nameof(Email), Email, "an email address");
        var contactName = check.Optional(nameof(ContactName), ContactName, 200, "Contact name");
        var phone = check.Optional(nameof(ContactPhone), ContactPhone, 40, "Phone number");
        if (phone is not null && !phone.All(c => char.IsDigit(c) || c is ' ' or '+' or '(' or ')' or '-'))
        {
            check.Add(nameof(ContactPhone), "Enter a phone number, like 01632 960 001 or 07700 900 982");
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

        var schedule = s.Schedules.OrderBy(x => x.Id).FirstOrDefault();
        if (Days.Count == 0 && opens is null && closes is null)
        {
            if (schedule is not null)
            {
                s.Schedules.Remove(schedule);
            }
        }
        else
        {
            if (schedule is null)
            {
                schedule = new ServiceSchedule { ServiceId = s.Id };
                s.Schedules.Add(schedule);
            }

            schedule.ByDay = string.Join(",", OpenReferralApi.Days.Select(d => d.Code).Where(Days.Contains));
            (schedule.OpensAt, schedule.ClosesAt) = (opens, closes);
        }

        var costOption = s.CostOptions.OrderBy(x => x.Id).FirstOrDefault();
        if (cost is null && costDescription is null)
        {
            if (costOption is not null)
            {
                s.CostOptions.Remove(costOption);
            }
        }
        else
        {
            if (costOption is null)
            {
                costOption = new ServiceCostOption { ServiceId = s.Id };
                s.CostOptions.Add(costOption);
            }

            (costOption.Amount, costOption.AmountDescription) = (cost, costDescription);
        }

        var contact = s.Contacts.OrderBy(x => x.Id).FirstOrDefault();
        if (contactName is null && phone is null)
        {
            if (contact is not null)
            {
                s.Contacts.Remove(contact);
            }
        }
        else
        {
            if (contact is null)
            {
                contact = new ServiceContact { ServiceId = s.Id };
                s.Contacts.Add(contact);
            }

            (contact.Name, contact.Phone) = (contactName, phone);
        }

        return true;
    }
}
