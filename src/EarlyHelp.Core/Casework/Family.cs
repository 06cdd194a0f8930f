namespace EarlyHelp.Core.Casework;

/// <summary>
/// A household known to early help. A family seen again keeps its record and history: each time it is
/// helped is a new <see cref="Episode"/>, not a new family.
/// </summary>
public sealed class Family
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The reference practitioners quote, e.g. "FAM-000123".</summary>
    public required string Reference { get; set; }

    public Address Address { get; set; } = new();

    public List<FamilyMember> Members { get; set; } = [];

    public List<Episode> Episodes { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The household's family_id in the partner data (the council's master person index), when linked.</summary>
    public string? PartnerFamilyId { get; set; }

    public Episode? CurrentEpisode => Episodes.Where(e => e.Stage != EpisodeStage.Closed).MaxBy(e => e.Number);
}

public sealed class Address
{
    public string? Line1 { get; set; }

    public string? Line2 { get; set; }

    public string? Town { get; set; }

    public string? Postcode { get; set; }

    /// <summary>Unique Property Reference Number: up to 12 digits.</summary>
    public string? Uprn { get; set; }
}

public sealed class FamilyMember
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid FamilyId { get; set; }

    public required string GivenName { get; set; }

    public required string FamilyName { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    /// <summary>Relationship to the family, e.g. "Mother", "Son", "Stepfather".</summary>
    public required string Relationship { get; set; }

    public string? NhsNumber { get; set; }

    public string? UniquePupilNumber { get; set; }

    /// <summary>The person's person_id in the partner data (the council's master person index), when linked.</summary>
    public string? PersonId { get; set; }

    public string FullName => $"{GivenName} {FamilyName}";
}
