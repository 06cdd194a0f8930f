using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EarlyHelp.Data;

public sealed partial class EarlyHelpDbContext
{
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
}

/// <summary>
/// A token a program sends as "Authorization: Bearer ..." to call the API as the person who made it, with their
/// roles and access. Only its SHA-256 hash is stored; the token itself is shown once, when it is made.
/// </summary>
public sealed class ApiToken
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public required string UserId { get; set; }

    /// <summary>What the token is for, in its maker's words, e.g. "School MIS attendance sync".</summary>
    public required string Name { get; set; }

    /// <summary>The SHA-256 hash of the token, as lower-case hex.</summary>
    public required string Hash { get; set; }

    /// <summary>The token's first characters, enough to tell tokens apart in a list, never enough to use.</summary>
    public required string Hint { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The last day the token works.</summary>
    public DateOnly ExpiresOn { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedById { get; set; }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> e)
    {
        e.Property(t => t.UserId).HasMaxLength(450);
        e.Property(t => t.Name).HasMaxLength(100);
        e.Property(t => t.Hash).HasMaxLength(64);
        e.Property(t => t.Hint).HasMaxLength(20);
        e.Property(t => t.RevokedById).HasMaxLength(450);
        e.HasIndex(t => t.Hash).IsUnique();
        e.HasIndex(t => t.UserId);
        e.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
