using EarlyHelp.Core.Casework;
using EarlyHelp.Data;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.Families;

/// <summary>
/// The plain words the family record's pages use for the model's codes (meeting kinds, closure reasons,
/// levels of need, evidence kinds), in one place so that a form and the timeline call a thing the same.
/// </summary>
public static class CaseworkText
{
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy");

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "";

    /// <summary>The day a moment fell on, here.</summary>
    public static string Date(DateTimeOffset moment) => Date(DateOnly.FromDateTime(moment.LocalDateTime));

    /// <summary>Text someone typed, its line breaks kept and everything else encoded.</summary>
    public static Microsoft.AspNetCore.Html.IHtmlContent Lines(string? text) => new Microsoft.AspNetCore.Html.HtmlString(
        string.Join("<br>", (text ?? "").ReplaceLineEndings("\n").Split('\n').Select(System.Net.WebUtility.HtmlEncode)));

    public static IReadOnlyList<SelectListItem> YesNo { get; } = [new("Yes", "true"), new("No", "false")];

    public static string YesOrNo(bool value) => value ? "Yes" : "No";

    public static string Meeting(MeetingKind kind) => kind switch
    {
        MeetingKind.TeamAroundTheFamily => "Team Around the Family meeting",
        _ => "Review",
    };

    public static IReadOnlyList<SelectListItem> MeetingKinds { get; } =
    [
        new(Meeting(MeetingKind.TeamAroundTheFamily), nameof(MeetingKind.TeamAroundTheFamily)) { Group = new SelectListGroup { Name = "The practitioners working with the family meet with the family to agree or change the plan" } },
        new(Meeting(MeetingKind.Review), nameof(MeetingKind.Review)) { Group = new SelectListGroup { Name = "A review of the family's progress against the plan" } },
    ];

    public static string Closure(ClosureReason reason) => reason switch
    {
        ClosureReason.OutcomesAchieved => "Outcomes achieved",
        ClosureReason.StepUpToSocialCare => "Step up to children's social care",
        ClosureReason.StepDownToUniversalServices => "Step down to universal services",
        ClosureReason.FamilyDeclined => "Family declined support",
        ClosureReason.MovedAway => "Family moved away",
        _ => "Information and advice given",
    };

    public static IReadOnlyList<SelectListItem> ClosureReasons { get; } =
    [
        Reason(ClosureReason.OutcomesAchieved, "The outcomes in the family plan have been achieved"),
        Reason(ClosureReason.StepDownToUniversalServices, "Services open to every family, like school or the health visitor, can meet the family's needs now"),
        Reason(ClosureReason.StepUpToSocialCare, "A child may be at risk of significant harm, or the family's needs are beyond early help"),
        Reason(ClosureReason.FamilyDeclined, "Early help is voluntary: the family does not want to continue"),
        Reason(ClosureReason.MovedAway, "The family has moved out of the area"),
        Reason(ClosureReason.InformationAndAdviceGiven, "The family had the information and advice it needed"),
    ];

    /// <summary>Doncaster's continuum of need (seed 003): universal, additional, multiple or complex, specialist.</summary>
    public static string LevelOfNeed(int level) => level switch
    {
        1 => "Level 1: universal",
        2 => "Level 2: additional",
        3 => "Level 3: multiple or complex",
        4 => "Level 4: specialist (children's social care)",
        _ => $"Level {level}",
    };

    public static IReadOnlyList<SelectListItem> LevelsOfNeed { get; } =
    [
        Level(1, "Needs met by services open to every family"),
        Level(2, "Additional needs that one service can meet"),
        Level(3, "Multiple or complex needs: an Early Help Assessment and a Team Around the Family"),
        Level(4, "Needs that only children's social care can meet"),
    ];

    /// <summary>The engine's evidence kinds (<see cref="Core.Outcomes.CaseVocabulary.EvidenceKinds"/>) in plain words.</summary>
    public static string EvidenceKind(string kind) => kind switch
    {
        "data" => "Data from a service, like attendance or police records",
        "validated-measure" => "A validated measure, like GAD-7 or WEMWBS",
        "practitioner-assessment" => "The practitioner's assessment",
        "self-assessment" => "The family's own assessment",
        "supplementary" => "Supplementary evidence",
        _ => kind,
    };

    public static IReadOnlyList<SelectListItem> EvidenceKinds { get; } =
    [
        new("Choose the kind of evidence", ""),
        .. Core.Outcomes.CaseVocabulary.EvidenceKinds.Keys.Select(k => new SelectListItem(EvidenceKind(k), k)),
    ];

    /// <summary>What a case note records: a note, or a kind of contact with the family.</summary>
    public static string Contact(string kind) => Inputs.CaseNoteInput.Kinds.TryGetValue(kind, out var name)
        ? name
        : kind.Length > 0 ? char.ToUpperInvariant(kind[0]) + kind[1..] : kind;

    /// <summary>The names of the people behind user ids, with their agency, for bylines and lists.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> PeopleAsync(EarlyHelpDbContext db, IEnumerable<string?> ids)
    {
        var wanted = ids.OfType<string>().Distinct().ToList();
        return await db.Users.AsNoTracking()
            .Where(u => wanted.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => $"{u.DisplayName} ({u.Agency})");
    }

    private static SelectListItem Reason(ClosureReason reason, string hint) =>
        new(Closure(reason), reason.ToString()) { Group = new SelectListGroup { Name = hint } };

    private static SelectListItem Level(int level, string hint) =>
        new(LevelOfNeed(level), level.ToString(System.Globalization.CultureInfo.InvariantCulture)) { Group = new SelectListGroup { Name = hint } };
}
