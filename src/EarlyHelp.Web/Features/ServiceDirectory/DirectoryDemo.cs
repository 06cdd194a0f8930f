using EarlyHelp.Core.ServiceDirectory;
using EarlyHelp.Data;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.ServiceDirectory;

/// <summary>
/// A synthetic Families Information Service directory: family hubs in the demonstration's districts and services
/// for the national framework's needs. The same count always gives the same directory; the benchmark uses it
/// with 20,000 services spread over England.
/// </summary>
public static class DirectoryDemo
{
    public const int Services = 60;

    private static readonly (string Name, string District, string Street)[] Hubs =
    [
        ("Walsall Central Family Hub", "WS1", "Lichfield Street"),
        ("Bloxwich Family Hub", "WS3", "High Street"),
        ("Darlaston Family Hub", "WS10", "King Street"),
        ("Aldridge Family Hub", "WS9", "Anchor Road"),
        ("Brownhills Family Hub", "WS8", "Silver Street"),
        ("Willenhall Family Hub", "WV13", "Walsall Street"),
    ];

    /// <summary>Services by kind: a name, what it does, the need codes it answers, and its ages.</summary>
    private static readonly (string Name, string Description, string[] Needs, int? Min, int? Max)[] Kinds =
    [
        ("School attendance support", "Help for children who are missing school and their parents, with the school and the education welfare service.", ["EDU-ATTEND-90", "EDU-ATTEND-50"], 5, 16),
        ("SEND information and advice", "Impartial advice on special educational needs and disabilities, education, health and care plans and school support.", ["EDU-SEN"], 0, 25),
        ("Stay and play", "Drop-in play sessions for babies and young children with their parents and carers.", ["EY-DEVELOP", "EY-PARENT"], 0, 4),
        ("Health visiting clinic", "Weighing, development checks and advice on feeding, sleep and immunisations.", ["EY-HEALTH"], 0, 5),
        ("Young people's wellbeing service", "One-to-one and group support for children and young people with low mood, anxiety or worries.", ["HLT-CHILD-MH"], 11, 18),
        ("Talking therapies", "Free counselling and talking therapy for adults with anxiety, depression and stress.", ["HLT-ADULT-MH"], 18, null),
        ("Drug and alcohol recovery service", "Confidential support for adults who want to change their drinking or drug use, and for their families.", ["SUB-ADULT"], 18, null),
        ("Young people's substance misuse service", "Advice and support for young people worried about drugs or alcohol.", ["SUB-CHILD"], 10, 18),
        ("Parenting programme", "A ten-week group for parents on routines, boundaries and calmer family life.", ["REL-PARENTING"], null, null),
        ("Relationship support for parents", "Help for parents in conflict, living together or apart, to argue less and co-parent better.", ["REL-CONFLICT"], 16, null),
        ("Young carers service", "Breaks, groups and support at school for children who look after someone at home.", ["REL-CARER"], 5, 18),
        ("Child exploitation support", "Specialist support for young people at risk of sexual or criminal exploitation, and their families.", ["ABU-CSE", "ABU-CCE", "ABU-MISSING"], 10, 18),
        ("Youth justice prevention", "Early support for young people at risk of getting into trouble with the police.", ["CRM-YP-RISK", "CRM-YP"], 10, 17),
        ("Domestic abuse support", "Safety planning, advocacy and group work for people experiencing domestic abuse.", ["DA-VICTIM", "DA-CHILD"], 16, null),
        ("Healthy relationships programme", "A group for people who want to stop behaving abusively towards a partner.", ["DA-PERPETRATOR"], 18, null),
        ("Housing advice", "Advice for families at risk of losing their home or living in temporary or unsuitable housing.", ["HSG-TA", "HSG-UNSUITABLE"], 16, null),
        ("Debt and money advice", "Free, confidential help with debts, budgeting and benefits.", ["FIN-DEBT"], 18, null),
        ("Employment support", "Help into work, training or volunteering for parents who are not working.", ["FIN-WORKLESS"], 18, null),
        ("Careers and training for young people", "Support for 16 to 18 year olds not in education, employment or training.", ["FIN-NEET"], 16, 18),
        ("Family support drop-in", "Family support workers to talk through any worry, at the family hub without an appointment.", ["REL-PARENTING", "FIN-DEBT", "EY-PARENT"], null, null),
    ];

    private static readonly string[] Charities =
        ["Walsall Council", "Brightpath Family Trust", "Canalside Community Partnership", "Meadow Health NHS Trust", "Open Door Advice", "Bridgeway Youth"];

    /// <summary>Adds the demonstration directory: the family hubs, other venues, organisations and services.</summary>
    public static async Task SeedAsync(EarlyHelpDbContext db, Engine engine, int services = Services, IReadOnlyList<string>? districts = null, int seed = 2026)
    {
        var random = new Random(seed);
        var framework = engine.Frameworks.Get("national-2022");
        var terms = await db.DirectoryTaxonomyTerms.AsNoTracking().Where(t => t.TaxonomyId == FrameworkTaxonomy.TaxonomyId(framework)).ToDictionaryAsync(t => t.Code, t => t.Id);
        var now = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

        var organisations = Charities.Select(name => new DirectoryOrganisation
        {
            Name = name,
            Description = $"{name} provides support for children, young people and families.",
            Website = $"https://{name.ToLowerInvariant().Replace(' ', '-')}.example.org.uk/",
            Email = $"info@{name.ToLowerInvariant().Replace(' ', '-')}.example.org.uk",
        }).ToList();
        db.DirectoryOrganisations.AddRange(organisations);

        var locations = new List<DirectoryLocation>();
        foreach (var (name, district, street) in Hubs)
        {
            locations.Add(Venue(name, district, street, hub: true, random));
        }

        foreach (var district in districts ?? [])
        {
            locations.Add(Venue($"{district} Community Centre", district, "Church Road", hub: false, random));
        }

        db.DirectoryLocations.AddRange(locations);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        for (var i = 0; i < services; i++)
        {
            var kind = Kinds[i % Kinds.Length];
            var organisation = organisations[random.Next(organisations.Count)];
            var location = locations[random.Next(locations.Count)];
            var service = new DirectoryService
            {
                OrganisationId = organisation.Id,
                Name = i < Kinds.Length ? kind.Name : $"{kind.Name} ({location.Name.Replace(" Family Hub", "", StringComparison.Ordinal)})",
                Description = kind.Description,
                MinimumAge = kind.Min,
                MaximumAge = kind.Max,
                Url = $"{organisation.Website}services/{i + 1}",
                LastModified = now.AddDays(-random.Next(0, 365)),
            };
            service.RefreshSearchText(organisation.Name);
            service.Locations.Add(new ServiceAtLocation { LocationId = location.Id });
            var day = OpenReferralApi.Days[random.Next(5)].Code;
            service.Schedules.Add(new ServiceSchedule { ByDay = day, OpensAt = new TimeOnly(9 + random.Next(3), 0), ClosesAt = new TimeOnly(13 + random.Next(4), 0), Description = "Term time and holidays" });
            service.CostOptions.Add(new ServiceCostOption { Option = "Everyone", Amount = 0, AmountDescription = "Free" });
            service.Contacts.Add(new ServiceContact { Name = "Duty worker", Title = "Service contact", Phone = $"01922 {random.Next(100000, 999999)}", Email = organisation.Email });
            foreach (var code in kind.Needs.Where(terms.ContainsKey))
            {
                service.Terms.Add(new ServiceTaxonomyTerm { TaxonomyTermId = terms[code] });
            }

            db.DirectoryServices.Add(service);
            if ((i + 1) % 2000 == 0)
            {
                // Saved services need no tracking; a tracker that keeps growing makes each save slower.
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync();
    }

    private static DirectoryLocation Venue(string name, string district, string street, bool hub, Random random)
    {
        var postcode = $"{district} {random.Next(1, 9)}{(char)('A' + random.Next(0, 26))}{(char)('A' + random.Next(0, 26))}";
        PostcodeDistricts.TryLocate(district, out _, out var centroid, out _);

        // Spread venues round the district's centroid (up to about 1.5 km), so distances differ within a district.
        return new DirectoryLocation
        {
            Name = name,
            IsFamilyHub = hub,
            Description = hub ? "A family hub: help for families with children and young people aged 0 to 19 (25 with SEND), in one place." : "A community venue.",
            AddressLine1 = $"{random.Next(1, 120)} {street}",
            Town = "Walsall",
            Postcode = postcode,
            Latitude = Math.Round(centroid.Latitude + ((random.NextDouble() - 0.5) * 0.02), 5),
            Longitude = Math.Round(centroid.Longitude + ((random.NextDouble() - 0.5) * 0.03), 5),
        };
    }
}
