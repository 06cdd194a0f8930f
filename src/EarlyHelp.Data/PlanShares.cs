using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EarlyHelp.Data;

public sealed partial class EarlyHelpDbContext
{
    public DbSet<PlanShare> PlanShares => Set<PlanShare>();
}

/// <summary>
/// A link that lets a family member read their Family Plan without an account: the link's token (stored as its
/// SHA-256 hash) and an access code the practitioner gives them apart from it (stored as a password hash). Locked
/// after a few wrong codes; ends when it expires or is revoked.
/// </summary>
public sealed class PlanShare
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid FamilyId { get; set; }

    public Guid EpisodeId { get; set; }

    /// <summary>The family member it was made for.</summary>
    public Guid MemberId { get; set; }

    public required string TokenHash { get; set; }

    public required string CodeHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedById { get; set; }

    /// <summary>The last day the link works.</summary>
    public DateOnly ExpiresOn { get; set; }

    public int FailedAttempts { get; set; }

    public DateTimeOffset? LastOpenedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedById { get; set; }
}

internal sealed class PlanShareConfiguration : IEntityTypeConfiguration<PlanShare>
{
    public void Configure(EntityTypeBuilder<PlanShare> e)
    {
        e.Property(s => s.TokenHash).HasMaxLength(64);
        e.Property(s => s.CodeHash).HasMaxLength(200);
        e.Property(s => s.CreatedById).HasMaxLength(450);
        e.Property(s => s.RevokedById).HasMaxLength(450);
        e.HasIndex(s => s.TokenHash).IsUnique();
        e.HasIndex(s => s.EpisodeId);
        e.HasOne<Core.Casework.Episode>().WithMany().HasForeignKey(s => s.EpisodeId).OnDelete(DeleteBehavior.Cascade);
    }
}
