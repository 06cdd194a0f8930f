using EarlyHelp.Core.Casework;
using EarlyHelp.Core.PartnerData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EarlyHelp.Data;

/// <summary>Partner data imported from the files of contracts/datasets.md, the record of each import, and notices from re-checks.</summary>
public sealed partial class EarlyHelpDbContext
{
    public DbSet<PartnerPerson> PartnerPeople => Set<PartnerPerson>();

    public DbSet<PartnerAttendance> PartnerAttendance => Set<PartnerAttendance>();

    public DbSet<PartnerExclusion> PartnerExclusions => Set<PartnerExclusion>();

    public DbSet<PartnerPoliceIncident> PartnerPoliceIncidents => Set<PartnerPoliceIncident>();

    public DbSet<PartnerBenefitClaim> PartnerBenefitClaims => Set<PartnerBenefitClaim>();

    public DbSet<PartnerNeetRecord> PartnerNeetRecords => Set<PartnerNeetRecord>();

    public DbSet<PartnerHousingEvent> PartnerHousingEvents => Set<PartnerHousingEvent>();

    public DbSet<PartnerSocialCareEpisode> PartnerSocialCareEpisodes => Set<PartnerSocialCareEpisode>();

    public DbSet<PartnerHealthFlag> PartnerHealthFlags => Set<PartnerHealthFlag>();

    public DbSet<PartnerImport> PartnerImports => Set<PartnerImport>();

    public DbSet<PartnerImportError> PartnerImportErrors => Set<PartnerImportError>();

    public DbSet<PartnerDataNotice> PartnerDataNotices => Set<PartnerDataNotice>();
}

// Each table's unique index is its natural key (PartnerSchema), which the import merges on.
internal sealed class PartnerPersonConfiguration : IEntityTypeConfiguration<PartnerPerson>
{
    public void Configure(EntityTypeBuilder<PartnerPerson> e)
    {
        e.ToTable("PartnerPeople");
        e.Property(x => x.PersonId).HasMaxLength(PartnerLengths.Id);
        e.Property(x => x.FamilyId).HasMaxLength(PartnerLengths.Id);
        e.HasIndex(x => x.PersonId).IsUnique();
        e.HasIndex(x => x.FamilyId);
    }
}

internal sealed class PartnerAttendanceConfiguration : IEntityTypeConfiguration<PartnerAttendance>
{
    public void Configure(EntityTypeBuilder<PartnerAttendance> e)
    {
        e.ToTable("PartnerAttendance");
        e.Property(x => x.PersonId).HasMaxLength(PartnerLengths.Id);
        e.Property(x => x.AcademicYear).HasMaxLength(7);
        e.Property(x => x.Term).HasMaxLength(6);
        e.HasIndex(x => new { x.PersonId, x.AcademicYear, x.Term }).IsUnique();
    }
}

internal sealed class PartnerExclusionConfiguration : IEntityTypeConfiguration<PartnerExclusion>
{
    public void Configure(EntityTypeBuilder<PartnerExclusion> e)
    {
        e.ToTable("PartnerExclusions");
        e.Property(x => x.PersonId).HasMaxLength(PartnerLengths.Id);
        e.Property(x => x.Kind).HasMaxLength(PartnerLengths.Word);
        e.HasIndex(x => new { x.PersonId, x.Date, x.Kind }).IsUnique();
    }
}

internal sealed class PartnerPoliceIncidentConfiguration : IEntityTypeConfiguration<PartnerPoliceIncident>
{
    public void Configure(EntityTypeBuilder<PartnerPoliceIncident> e)
    {
        e.ToTable("PartnerPoliceIncidents");
        e.Property(x => x.PersonId).HasMaxLength(PartnerLengths.Id);
        e.Property(x => x.Type).HasMaxLength(PartnerLengths.Word);
        e.Property(x => x.Role).HasMaxLength(PartnerLengths.Word);
        e.HasIndex(x => new { x.PersonId, x.Date, x.Type, x.Role }).IsUnique();
    }
}

internal sealed class PartnerBenefitClaimConfiguration : IEntityTypeConfiguration<PartnerBenefitClaim>
{
    public void Configure(EntityTypeBuilder<PartnerBenefitClaim> e)
    {
        e.ToTable("PartnerBenefitClaims");
        e.Property(x => x.PersonId).HasMaxLength(PartnerLengths.Id);
        e.Property(x => x.Benefit).HasMaxLength(200);
        e.HasIndex(x => new { x.PersonId, x.StartDate, x.Benefit }).IsUnique();
    }
}

internal sealed class PartnerNeetRecordConfiguration : IEntityTypeConfiguration<PartnerNeetRecord>
{
    public void Configure(EntityTypeBuilder<PartnerNeetRecord> e)
    {
        e.ToTable("PartnerNeetRecords");
        e.Property(x => x.PersonId).HasMaxLength(PartnerLengths.Id);
        e.Property(x => x.Status).HasMaxLength(PartnerLengths.Word);
        e.HasIndex(x => new { x.PersonId, x.Date }).IsUnique();
    }
}

internal sealed class PartnerHousingEventConfiguration : IEntityTypeConfiguration<PartnerHousingEvent>
{
    public void Configure(EntityTypeBuilder<PartnerHousingEvent> e)
    {
        e.ToTable("PartnerHousingEvents");
        e.Property(x => x.FamilyId).HasMaxLength(PartnerLengths.Id);
        e.Property(x => x.Status).HasMaxLength(PartnerLengths.Word);
        e.HasIndex(x => new { x.FamilyId, x.Date, x.Status }).IsUnique();
    }
}

internal sealed class PartnerSocialCareEpisodeConfiguration : IEntityTypeConfiguration<PartnerSocialCareEpisode>
{
    public void Configure(EntityTypeBuilder<PartnerSocialCareEpisode> e)
    {
        e.ToTable("PartnerSocialCareEpisodes");
        e.Property(x => x.PersonId).HasMaxLength(PartnerLengths.Id);
        e.Property(x => x.Type).HasMaxLength(PartnerLengths.Word);
        e.HasIndex(x => new { x.PersonId, x.StartDate, x.Type }).IsUnique();
    }
}

internal sealed class PartnerHealthFlagConfiguration : IEntityTypeConfiguration<PartnerHealthFlag>
{
    public void Configure(EntityTypeBuilder<PartnerHealthFlag> e)
    {
        e.ToTable("PartnerHealthFlags");
        e.Property(x => x.PersonId).HasMaxLength(PartnerLengths.Id);
        e.Property(x => x.Flag).HasMaxLength(PartnerLengths.Word);
        e.HasIndex(x => new { x.PersonId, x.Date, x.Flag }).IsUnique();
    }
}

internal sealed class PartnerImportConfiguration : IEntityTypeConfiguration<PartnerImport>
{
    public void Configure(EntityTypeBuilder<PartnerImport> e)
    {
        e.Property(x => x.Dataset).HasMaxLength(20);
        e.Property(x => x.FileName).HasMaxLength(260);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Note).HasMaxLength(1000);
        e.Property(x => x.ByUserId).HasMaxLength(450);
        e.Property(x => x.ByName).HasMaxLength(200);
        e.HasIndex(x => x.StartedAt);
        e.HasMany<PartnerImportError>().WithOne().HasForeignKey(x => x.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PartnerImportErrorConfiguration : IEntityTypeConfiguration<PartnerImportError>
{
    public void Configure(EntityTypeBuilder<PartnerImportError> e)
    {
        e.Property(x => x.Message).HasMaxLength(2000);
        e.HasIndex(x => new { x.ImportId, x.Id });
    }
}

internal sealed class PartnerDataNoticeConfiguration : IEntityTypeConfiguration<PartnerDataNotice>
{
    public void Configure(EntityTypeBuilder<PartnerDataNotice> e)
    {
        e.Property(x => x.NeedCode).HasMaxLength(40);
        e.Property(x => x.LeadPractitionerId).HasMaxLength(450);
        e.Property(x => x.Message).HasMaxLength(2000);
        e.HasIndex(x => new { x.LeadPractitionerId, x.DismissedAt });
        e.HasIndex(x => new { x.FamilyId, x.EpisodeId, x.NeedCode });
        e.HasOne<Family>().WithMany().HasForeignKey(x => x.FamilyId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Links from casework to the partner data: a family's family_id (unique where set) and each member's person_id.</summary>
internal sealed class FamilyPartnerLinkConfiguration : IEntityTypeConfiguration<Family>
{
    public void Configure(EntityTypeBuilder<Family> e)
    {
        e.Property(f => f.PartnerFamilyId).HasMaxLength(PartnerLengths.Id);
        e.HasIndex(f => f.PartnerFamilyId).IsUnique();
    }
}

internal sealed class MemberPartnerLinkConfiguration : IEntityTypeConfiguration<FamilyMember>
{
    public void Configure(EntityTypeBuilder<FamilyMember> e)
    {
        e.Property(m => m.PersonId).HasMaxLength(PartnerLengths.Id);
        e.HasIndex(m => m.PersonId);
    }
}

internal static class PartnerLengths
{
    public const int Id = 40;

    public const int Word = 30;
}

/// <summary>Evidence from partner data carries the fact it records, in the evidence table's own columns.</summary>
internal sealed class EvidencePartnerFactConfiguration : IEntityTypeConfiguration<EvidenceEntry>
{
    public void Configure(EntityTypeBuilder<EvidenceEntry> e) => e.OwnsOne(x => x.FromPartnerData, o =>
    {
        o.Property(f => f.Dataset).HasMaxLength(20);
        o.Property(f => f.PersonId).HasMaxLength(PartnerLengths.Id);
        o.Property(f => f.EventType).HasMaxLength(PartnerLengths.Word);
    });
}
