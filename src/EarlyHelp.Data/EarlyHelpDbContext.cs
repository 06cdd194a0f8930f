using EarlyHelp.Core.Casework;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Data;

/// <summary>
/// The casework database: SQLite by default, PostgreSQL in production. Each provider keeps its own
/// migrations (EarlyHelp.Data.Sqlite, EarlyHelp.Data.Postgres); <see cref="Database"/> picks one.
/// </summary>
public sealed partial class EarlyHelpDbContext(DbContextOptions<EarlyHelpDbContext> options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    /// <summary>Cookie and anti-forgery keys, shared by every web node.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<Family> Families => Set<Family>();

    public DbSet<FamilyMember> Members => Set<FamilyMember>();

    public DbSet<Episode> Episodes => Set<Episode>();

    public DbSet<EpisodeNeed> Needs => Set<EpisodeNeed>();

    public DbSet<PlanAction> Actions => Set<PlanAction>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<CaseNote> Notes => Set<CaseNote>();

    public DbSet<EvidenceEntry> Evidence => Set<EvidenceEntry>();

    public DbSet<TeamAroundTheFamilyMember> TeamAroundTheFamily => Set<TeamAroundTheFamilyMember>();

    public DbSet<AssessmentSection> AssessmentSections => Set<AssessmentSection>();

    public DbSet<ChildVoice> ChildVoices => Set<ChildVoice>();

    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Each area (claims, directory, partner data ...) keeps its mapping beside its model in an IEntityTypeConfiguration.
        builder.ApplyConfigurationsFromAssembly(typeof(EarlyHelpDbContext).Assembly);

        builder.Entity<Team>(e =>
        {
            e.Property(t => t.Name).HasMaxLength(200);
            e.HasIndex(t => t.Name).IsUnique();
        });

        builder.Entity<Family>(e =>
        {
            e.Property(f => f.Reference).HasMaxLength(20);
            e.HasIndex(f => f.Reference).IsUnique();
            e.OwnsOne(f => f.Address, a =>
            {
                a.Property(x => x.Line1).HasMaxLength(200);
                a.Property(x => x.Line2).HasMaxLength(200);
                a.Property(x => x.Town).HasMaxLength(100);
                a.Property(x => x.Postcode).HasMaxLength(10);
                a.Property(x => x.Uprn).HasMaxLength(12);
            });
            e.HasMany(f => f.Members).WithOne().HasForeignKey(m => m.FamilyId);
            e.HasMany(f => f.Episodes).WithOne().HasForeignKey(x => x.FamilyId);
            e.Ignore(f => f.CurrentEpisode);
        });

        builder.Entity<FamilyMember>(e =>
        {
            e.Property(m => m.GivenName).HasMaxLength(100);
            e.Property(m => m.FamilyName).HasMaxLength(100);
            e.Property(m => m.Relationship).HasMaxLength(50);
            e.Property(m => m.NhsNumber).HasMaxLength(10);
            e.Property(m => m.UniquePupilNumber).HasMaxLength(13);
            e.Ignore(m => m.FullName);
        });

        builder.Entity<Episode>(e =>
        {
            e.HasIndex(x => new { x.FamilyId, x.Number }).IsUnique();
            e.HasIndex(x => new { x.Stage, x.TeamId });
            e.HasIndex(x => x.LeadPractitionerId);
            e.Property(x => x.Stage).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Decision).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.LawfulBasis).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.ClosureReason).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.FrameworkId).HasMaxLength(60);
            e.Property(x => x.EnquirySource).HasMaxLength(200);
            e.Property(x => x.LeadPractitionerId).HasMaxLength(450);
            e.Property(x => x.ClaimStatus).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => new { x.ClaimStatus, x.ClaimableOn });
            e.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(x => x.Needs).WithOne().HasForeignKey(n => n.EpisodeId);
            e.HasMany(x => x.Actions).WithOne().HasForeignKey(a => a.EpisodeId);
            e.HasMany(x => x.Meetings).WithOne().HasForeignKey(m => m.EpisodeId);
            e.HasMany(x => x.Notes).WithOne().HasForeignKey(n => n.EpisodeId);
            e.HasMany(x => x.Evidence).WithOne().HasForeignKey(v => v.EpisodeId);
            e.Ignore(x => x.EvidenceInForce);
            e.HasMany(x => x.TeamAroundTheFamily).WithOne().HasForeignKey(t => t.EpisodeId);
            e.HasMany(x => x.Assessment).WithOne().HasForeignKey(a => a.EpisodeId);
            e.HasMany(x => x.ChildVoices).WithOne().HasForeignKey(v => v.EpisodeId);
        });

        builder.Entity<AssessmentSection>(e =>
        {
            e.Property(a => a.HeadlineCode).HasMaxLength(40);
            e.HasIndex(a => new { a.EpisodeId, a.HeadlineCode }).IsUnique();
        });
        builder.Entity<ChildVoice>(e =>
        {
            e.HasIndex(v => new { v.EpisodeId, v.MemberId }).IsUnique();
            e.HasOne<FamilyMember>().WithMany().HasForeignKey(v => v.MemberId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<EpisodeNeed>(e => e.Property(n => n.Code).HasMaxLength(40));
        builder.Entity<PlanAction>(e =>
        {
            e.Property(a => a.Priority).HasConversion<string>().HasMaxLength(10);
            e.Property(a => a.NeedCode).HasMaxLength(40);
        });
        builder.Entity<Meeting>(e => e.Property(m => m.Kind).HasConversion<string>().HasMaxLength(30));
        builder.Entity<EvidenceEntry>(e =>
        {
            e.Property(v => v.NeedCode).HasMaxLength(40);
            e.Property(v => v.Kind).HasMaxLength(30);
            e.Property(v => v.Instrument).HasMaxLength(40);
            e.Property(v => v.Before).HasPrecision(9, 2);
            e.Property(v => v.After).HasPrecision(9, 2);
            e.OwnsOne(v => v.Withdrawal);
        });
        builder.Entity<TeamAroundTheFamilyMember>(e =>
        {
            e.HasKey(t => new { t.EpisodeId, t.UserId });
            e.HasIndex(t => t.UserId);
            e.Property(t => t.Agency).HasMaxLength(200);
        });
        builder.Entity<CaseNote>(e =>
        {
            e.Property(n => n.Kind).HasMaxLength(40);
            e.HasIndex(n => new { n.EpisodeId, n.OccurredOn });
        });
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(type.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }

        builder.Entity<AuditEntry>(e =>
        {
            e.HasIndex(a => new { a.FamilyId, a.At });
            e.HasIndex(a => a.PersonId);
            e.Property(a => a.PersonId).HasMaxLength(450);
            e.Property(a => a.Action).HasMaxLength(10);
            e.Property(a => a.What).HasMaxLength(400);
            e.Property(a => a.From).HasMaxLength(64);
        });
    }

    /// <summary>Every save of a changed record gives it a new version, so a stale edit fails instead of overwriting.</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Derived columns are not edits: refreshing the engine's stored verdict, or a service's search text when its
        // organisation is renamed, must not make someone's open form stale.
        string[] derived =
        [
            nameof(Episode.ClaimStatus), nameof(Episode.ClaimableOn), nameof(Episode.EvaluatedOn),
            nameof(Core.ServiceDirectory.DirectoryService.SearchText),
        ];
        foreach (var entry in ChangeTracker.Entries<IVersioned>()
            .Where(e => e.State == EntityState.Modified && e.Properties.Any(p => p.IsModified && !derived.Contains(p.Metadata.Name))))
        {
            entry.Entity.Version = Guid.NewGuid();
        }

        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}
