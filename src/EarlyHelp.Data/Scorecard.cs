using EarlyHelp.Core.Casework;
using EarlyHelp.Core.Scorecard;
using EarlyHelp.Core.SelfAssessment;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EarlyHelp.Data;

/// <summary>The quality side of the scorecard: multi-agency case file audits, and the JTAI self-assessments.</summary>
public sealed partial class EarlyHelpDbContext
{
    public DbSet<CaseFileAudit> CaseFileAudits => Set<CaseFileAudit>();

    public DbSet<JtaiSelfAssessment> JtaiSelfAssessments => Set<JtaiSelfAssessment>();

    public DbSet<JtaiCriterionAssessment> JtaiCriterionAssessments => Set<JtaiCriterionAssessment>();
}

public sealed class CaseFileAuditMapping : IEntityTypeConfiguration<CaseFileAudit>
{
    public void Configure(EntityTypeBuilder<CaseFileAudit> e)
    {
        e.HasIndex(a => a.AuditedOn);
        e.HasIndex(a => new { a.FamilyId, a.AuditedOn });
        e.HasOne<Family>().WithMany().HasForeignKey(a => a.FamilyId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Episode>().WithMany().HasForeignKey(a => a.EpisodeId).OnDelete(DeleteBehavior.Restrict);
        e.Property(a => a.RecordedById).HasMaxLength(450);
        e.Property(a => a.Auditor).HasMaxLength(200);
        e.Property(a => a.AgenciesInvolved).HasMaxLength(1000);
        e.Property(a => a.Grade).HasConversion<string>().HasMaxLength(30);
    }
}

public sealed class JtaiSelfAssessmentMapping : IEntityTypeConfiguration<JtaiSelfAssessment>
{
    public void Configure(EntityTypeBuilder<JtaiSelfAssessment> e)
    {
        e.HasIndex(a => a.AssessedOn);
        e.Property(a => a.RecordedById).HasMaxLength(450);
        e.HasMany(a => a.Criteria).WithOne().HasForeignKey(c => c.SelfAssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class JtaiCriterionAssessmentMapping : IEntityTypeConfiguration<JtaiCriterionAssessment>
{
    public void Configure(EntityTypeBuilder<JtaiCriterionAssessment> e)
    {
        e.HasKey(c => new { c.SelfAssessmentId, c.CriterionCode });
        e.Property(c => c.CriterionCode).HasMaxLength(10);
        e.Property(c => c.Rating).HasConversion<string>().HasMaxLength(30);
    }
}
