using EarlyHelp.Core.Outcomes;

namespace EarlyHelp.Core.Casework;

/// <summary>
/// Turns a family's episode into the case file the outcomes engine reads, so that the family page shows the
/// same verdict as <c>earlyhelp evaluate</c> would. Members are named by their first names (made unique), so
/// that the verdict's reasons read naturally.
/// </summary>
public static class EpisodeCaseFile
{
    /// <remarks>Evidence withdrawn as recorded in error is left out.</remarks>
    public static (CaseFile File, IReadOnlyDictionary<Guid, string> Names) Build(Family family, Episode episode, string? leadPractitioner, DateOnly asOf)
    {
        var names = new Dictionary<Guid, string>();
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var member in family.Members.OrderBy(m => m.DateOfBirth ?? DateOnly.MaxValue))
        {
            var name = member.GivenName;
            for (var n = 2; !used.Add(name); n++)
            {
                name = $"{member.GivenName} ({n})";
            }

            names[member.Id] = name;
        }

        string? Name(Guid? id) => id is { } key && names.TryGetValue(key, out var name) ? name : null;

        var file = new CaseFile(
            episode.FrameworkId,
            asOf,
            family.Reference,
            [.. family.Members.Select(m => new Member(names[m.Id], m.DateOfBirth))],
            new Outcomes.Episode(episode.ReceivedOn, episode.ClosedOn, leadPractitioner, episode.AssessmentCompletedOn, episode.FamilyPlanAgreedOn, episode.SupportReceived),
            [.. episode.Needs.OrderBy(n => n.IdentifiedOn).ThenBy(n => n.Code, StringComparer.Ordinal).Select(n => new NeedRecord(n.Code, Name(n.MemberId), n.IdentifiedOn))],
            PartnerData.PartnerDataFact.Attendance(episode.EvidenceInForce, Name),
            PartnerData.PartnerDataFact.Events(episode.EvidenceInForce, Name),
            [.. episode.EvidenceInForce.OrderBy(e => e.RecordedOn).Select(e => new EvidenceRecord(
                e.NeedCode,
                Name(e.MemberId),
                e.RecordedOn,
                CaseVocabulary.EvidenceKinds.TryGetValue(e.Kind, out var kind) ? kind : EvidenceKind.Supplementary,
                e.OutcomeAchieved,
                e.Instrument,
                e.Before,
                e.After,
                e.Note))]);
        return (file, names);
    }
}
