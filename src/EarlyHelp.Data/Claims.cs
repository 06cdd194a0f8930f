using EarlyHelp.Core.Casework;
using EarlyHelp.Core.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EarlyHelp.Data;

public sealed partial class EarlyHelpDbContext
{
    public DbSet<Claim> Claims => Set<Claim>();

    public DbSet<ClaimLine> ClaimLines => Set<ClaimLine>();

    public DbSet<FrameworkVersion> FrameworkVersions => Set<FrameworkVersion>();
}

internal sealed class ClaimConfiguration : IEntityTypeConfiguration<Claim>
{
    public void Configure(EntityTypeBuilder<Claim> e)
    {
        e.Property(c => c.WindowName).HasMaxLength(100);
        e.Property(c => c.Programme).HasMaxLength(100);
        e.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
        e.Property(c => c.PaymentPerFamily).HasPrecision(12, 2);
        e.Property(c => c.SampleShare).HasPrecision(5, 4);
        e.Property(c => c.SampleSeed).HasMaxLength(100);
        e.Property(c => c.CreatedById).HasMaxLength(450);
        e.HasIndex(c => new { c.Programme, c.WindowName });
        e.HasMany(c => c.Lines).WithOne().HasForeignKey(l => l.ClaimId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ClaimLineConfiguration : IEntityTypeConfiguration<ClaimLine>
{
    /// <summary>The database's own guard that a family is claimed for at most once under a programme; a rejected line does not count.</summary>
    public const string OneClaimPerFamilyAndProgramme = "IX_ClaimLines_FamilyId_Programme";

    public void Configure(EntityTypeBuilder<ClaimLine> e)
    {
        e.Property(l => l.FamilyReference).HasMaxLength(20);
        e.Property(l => l.WindowName).HasMaxLength(100);
        e.Property(l => l.Programme).HasMaxLength(100);
        e.Property(l => l.State).HasConversion<string>().HasMaxLength(20);
        e.Property(l => l.Payment).HasPrecision(12, 2);
        e.Property(l => l.FrameworkHash).HasMaxLength(64);
        e.Property(l => l.HeadlineOutcomesMet).HasMaxLength(400);
        e.Property(l => l.AuditResult).HasConversion<string>().HasMaxLength(20);
        e.Property(l => l.AuditReason).HasMaxLength(2000);
        e.Property(l => l.AuditedById).HasMaxLength(450);
        e.HasIndex(l => new { l.FamilyId, l.Programme }).IsUnique().HasFilter("\"State\" <> 'Rejected'").HasDatabaseName(OneClaimPerFamilyAndProgramme);
        e.HasIndex(l => new { l.ClaimId, l.FamilyReference });
        e.HasIndex(l => new { l.State, l.ClaimedOn, l.TeamId });
        e.HasOne<Family>().WithMany().HasForeignKey(l => l.FamilyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Episode>().WithMany().HasForeignKey(l => l.EpisodeId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Team>().WithMany().HasForeignKey(l => l.TeamId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<FrameworkVersion>().WithMany().HasForeignKey(l => l.FrameworkHash).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FrameworkVersionConfiguration : IEntityTypeConfiguration<FrameworkVersion>
{
    public void Configure(EntityTypeBuilder<FrameworkVersion> e)
    {
        e.HasKey(v => v.Hash);
        e.Property(v => v.Hash).HasMaxLength(64);
        e.Property(v => v.FrameworkId).HasMaxLength(60);
    }
}
