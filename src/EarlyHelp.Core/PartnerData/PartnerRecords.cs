namespace EarlyHelp.Core.PartnerData;

// The partner files of contracts/datasets.md as stored: one class a file, one property a column (the column's name
// in PascalCase), values as the file gives them. What makes two extracts' rows the same row is PartnerSchema's key.

public sealed class PartnerPerson
{
    public long Id { get; set; }

    public required string PersonId { get; set; }

    public required string FamilyId { get; set; }

    public DateOnly DateOfBirth { get; set; }

    public DateOnly? ExpectedBabyDue { get; set; }
}

public sealed class PartnerAttendance
{
    public long Id { get; set; }

    public required string PersonId { get; set; }

    /// <summary>As the file writes it: "2023/24".</summary>
    public required string AcademicYear { get; set; }

    /// <summary>autumn, spring or summer.</summary>
    public required string Term { get; set; }

    public int PossibleSessions { get; set; }

    public int AttendedSessions { get; set; }

    public int AuthorisedAbsence { get; set; }

    public int UnauthorisedAbsence { get; set; }
}

public sealed class PartnerExclusion
{
    public long Id { get; set; }

    public required string PersonId { get; set; }

    public DateOnly Date { get; set; }

    public required string Kind { get; set; }

    public double? Days { get; set; }
}

public sealed class PartnerPoliceIncident
{
    public long Id { get; set; }

    public required string PersonId { get; set; }

    public DateOnly Date { get; set; }

    public required string Type { get; set; }

    public required string Role { get; set; }

    public bool Severe { get; set; }
}

public sealed class PartnerBenefitClaim
{
    public long Id { get; set; }

    public required string PersonId { get; set; }

    public DateOnly StartDate { get; set; }

    public required string Benefit { get; set; }

    public DateOnly? EndDate { get; set; }

    public bool OutOfWork { get; set; }
}

public sealed class PartnerNeetRecord
{
    public long Id { get; set; }

    public required string PersonId { get; set; }

    public DateOnly Date { get; set; }

    public required string Status { get; set; }
}

public sealed class PartnerHousingEvent
{
    public long Id { get; set; }

    public required string FamilyId { get; set; }

    public DateOnly Date { get; set; }

    public required string Status { get; set; }
}

public sealed class PartnerSocialCareEpisode
{
    public long Id { get; set; }

    public required string PersonId { get; set; }

    public DateOnly StartDate { get; set; }

    public required string Type { get; set; }

    public DateOnly? EndDate { get; set; }
}

public sealed class PartnerHealthFlag
{
    public long Id { get; set; }

    public required string PersonId { get; set; }

    public DateOnly Date { get; set; }

    public required string Flag { get; set; }
}
