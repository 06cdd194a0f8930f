using EarlyHelp.Core.ServiceDirectory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EarlyHelp.Data;

/// <summary>The Families Information Service directory (Open Referral UK records) and referrals to it.</summary>
public sealed partial class EarlyHelpDbContext
{
    public DbSet<DirectoryOrganisation> DirectoryOrganisations => Set<DirectoryOrganisation>();

    public DbSet<DirectoryService> DirectoryServices => Set<DirectoryService>();

    public DbSet<DirectoryLocation> DirectoryLocations => Set<DirectoryLocation>();

    public DbSet<ServiceAtLocation> ServiceAtLocations => Set<ServiceAtLocation>();

    public DbSet<ServiceSchedule> ServiceSchedules => Set<ServiceSchedule>();

    public DbSet<ServiceCostOption> ServiceCostOptions => Set<ServiceCostOption>();

    public DbSet<ServiceContact> ServiceContacts => Set<ServiceContact>();

    public DbSet<DirectoryTaxonomy> DirectoryTaxonomies => Set<DirectoryTaxonomy>();

    public DbSet<DirectoryTaxonomyTerm> DirectoryTaxonomyTerms => Set<DirectoryTaxonomyTerm>();

    public DbSet<ServiceTaxonomyTerm> ServiceTaxonomyTerms => Set<ServiceTaxonomyTerm>();

    public DbSet<ServiceReferral> ServiceReferrals => Set<ServiceReferral>();
}

internal sealed class DirectoryOrganisationMapping : IEntityTypeConfiguration<DirectoryOrganisation>
{
    public void Configure(EntityTypeBuilder<DirectoryOrganisation> e)
    {
        e.ToTable("DirectoryOrganisations");
        e.Property(o => o.Id).ValueGeneratedNever();
        e.Property(o => o.Name).HasMaxLength(200);
        e.Property(o => o.Description).HasMaxLength(4000);
        e.Property(o => o.Email).HasMaxLength(200);
        e.Property(o => o.Website).HasMaxLength(500);
        e.HasIndex(o => o.Name);
        e.HasMany(o => o.Services).WithOne(s => s.Organisation).HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DirectoryServiceMapping : IEntityTypeConfiguration<DirectoryService>
{
    public void Configure(EntityTypeBuilder<DirectoryService> e)
    {
        e.ToTable("DirectoryServices");
        e.Property(s => s.Id).ValueGeneratedNever();
        e.Property(s => s.Name).HasMaxLength(200);
        e.Property(s => s.Description).HasMaxLength(4000);
        e.Property(s => s.Url).HasMaxLength(500);
        e.Property(s => s.Email).HasMaxLength(200);
        e.Property(s => s.Status).HasMaxLength(20);
        e.Property(s => s.Fees).HasMaxLength(1000);
        e.Property(s => s.SearchText).HasMaxLength(4500);
        // No index on the name: a search would walk it in name order testing each service, slow when few match;
        // a search sorts its matches instead.
        e.HasMany(s => s.Locations).WithOne(l => l.Service).HasForeignKey(l => l.ServiceId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(s => s.Schedules).WithOne().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(s => s.CostOptions).WithOne().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(s => s.Contacts).WithOne().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(s => s.Terms).WithOne().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DirectoryLocationMapping : IEntityTypeConfiguration<DirectoryLocation>
{
    public void Configure(EntityTypeBuilder<DirectoryLocation> e)
    {
        e.ToTable("DirectoryLocations");
        e.Property(l => l.Id).ValueGeneratedNever();
        e.Property(l => l.Name).HasMaxLength(200);
        e.Property(l => l.Description).HasMaxLength(4000);
        e.Property(l => l.LocationType).HasMaxLength(20);
        e.Property(l => l.AddressLine1).HasMaxLength(200);
        e.Property(l => l.Town).HasMaxLength(100);
        e.Property(l => l.Postcode).HasMaxLength(10);
        e.HasIndex(l => new { l.Latitude, l.Longitude });
    }
}

internal sealed class ServiceAtLocationMapping : IEntityTypeConfiguration<ServiceAtLocation>
{
    public void Configure(EntityTypeBuilder<ServiceAtLocation> e)
    {
        e.ToTable("DirectoryServiceAtLocations");
        e.Property(x => x.Id).ValueGeneratedNever();
        e.HasOne(x => x.Location).WithMany().HasForeignKey(x => x.LocationId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.ServiceId, x.LocationId }).IsUnique();
    }
}

internal sealed class ServiceScheduleMapping : IEntityTypeConfiguration<ServiceSchedule>
{
    public void Configure(EntityTypeBuilder<ServiceSchedule> e)
    {
        e.ToTable("DirectorySchedules");
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.ByDay).HasMaxLength(40);
        e.Property(x => x.Description).HasMaxLength(1000);
    }
}

internal sealed class ServiceCostOptionMapping : IEntityTypeConfiguration<ServiceCostOption>
{
    public void Configure(EntityTypeBuilder<ServiceCostOption> e)
    {
        e.ToTable("DirectoryCostOptions");
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Option).HasMaxLength(500);
        e.Property(x => x.Amount).HasPrecision(10, 2);
        e.Property(x => x.AmountDescription).HasMaxLength(500);
    }
}

internal sealed class ServiceContactMapping : IEntityTypeConfiguration<ServiceContact>
{
    public void Configure(EntityTypeBuilder<ServiceContact> e)
    {
        e.ToTable("DirectoryContacts");
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.Email).HasMaxLength(200);
        e.Property(x => x.Phone).HasMaxLength(40);
    }
}

internal sealed class DirectoryTaxonomyMapping : IEntityTypeConfiguration<DirectoryTaxonomy>
{
    public void Configure(EntityTypeBuilder<DirectoryTaxonomy> e)
    {
        e.ToTable("DirectoryTaxonomies");
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Description).HasMaxLength(1000);
        e.Property(x => x.Uri).HasMaxLength(500);
        e.Property(x => x.Version).HasMaxLength(100);
    }
}

internal sealed class DirectoryTaxonomyTermMapping : IEntityTypeConfiguration<DirectoryTaxonomyTerm>
{
    public void Configure(EntityTypeBuilder<DirectoryTaxonomyTerm> e)
    {
        e.ToTable("DirectoryTaxonomyTerms");
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Code).HasMaxLength(100);
        e.Property(x => x.Name).HasMaxLength(300);
        e.Property(x => x.Description).HasMaxLength(4000);
        e.HasIndex(x => x.Code);
    }
}

internal sealed class ServiceTaxonomyTermMapping : IEntityTypeConfiguration<ServiceTaxonomyTerm>
{
    public void Configure(EntityTypeBuilder<ServiceTaxonomyTerm> e)
    {
        e.ToTable("DirectoryServiceTerms");
        e.Property(x => x.Id).ValueGeneratedNever();
        e.HasOne(x => x.Term).WithMany().HasForeignKey(x => x.TaxonomyTermId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.TaxonomyTermId, x.ServiceId }).IsUnique();
    }
}

internal sealed class ServiceReferralMapping : IEntityTypeConfiguration<ServiceReferral>
{
    public void Configure(EntityTypeBuilder<ServiceReferral> e)
    {
        e.ToTable("DirectoryReferrals");
        e.Property(x => x.ServiceName).HasMaxLength(200);
        e.Property(x => x.OrganisationName).HasMaxLength(200);
        e.Property(x => x.NeedCode).HasMaxLength(100);
        e.Property(x => x.ReferredById).HasMaxLength(450);
        e.HasIndex(x => x.EpisodeId);
        e.HasOne<Core.Casework.Episode>().WithMany().HasForeignKey(x => x.EpisodeId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Core.Casework.PlanAction>().WithMany().HasForeignKey(x => x.PlanActionId).OnDelete(DeleteBehavior.Cascade);
    }
}
