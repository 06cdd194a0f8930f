using EarlyHelp.Core.Casework;
using EarlyHelp.Data;
using EarlyHelp.Web.Features.Families;
using Microsoft.AspNetCore.Identity;

namespace EarlyHelp.Web.Demo;

/// <summary>
/// A realistic synthetic caseload for the embedded default: a few hundred families in every state, from a
/// fixed seed, so every demonstration shows the same families. No real person's data is used.
/// </summary>
public static class DemoData
{
    public const int Families = 300;

    /// <summary>Families for each practitioner: less the unallocated enquiries, each leads about 36, 21 of them open, a usual caseload.</summary>
    private const int FamiliesPerPractitioner = 43;

    private const int PractitionersPerTeam = 8;

    private static readonly string[] Surnames = ["Green", "Khan", "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson", "Roberts", "Ahmed", "Robinson", "Wright", "Thompson", "Walker", "White", "Hughes", "Edwards", "Hussain", "Green", "Hall", "Wood", "Clarke", "Patel", "Begum", "Kowalski", "Murphy", "Okafor", "Nowak", "Singh", "Ali", "Price", "Lewis"];
    private static readonly string[] Women = ["Sarah", "Emma", "Aisha", "Leanne", "Kelly", "Fatima", "Gemma", "Hannah", "Nadia", "Zoe", "Rachel", "Amira", "Chloe", "Joanne", "Agnieszka", "Grace", "Shannon", "Layla"];
    private static readonly string[] Men = ["Daniel", "Mohammed", "Lee", "Craig", "Imran", "James", "Ryan", "Tomasz", "Wayne", "Kieran", "Omar", "Mark", "Dean", "Chinedu", "Paul", "Jason"];
    private static readonly string[] Girls = ["Ava", "Amelia", "Isla", "Maryam", "Ruby", "Lily", "Zara", "Evie", "Maya", "Poppy", "Hafsa", "Ella", "Millie"];
    private static readonly string[] Boys = ["Jay", "Noah", "Harry", "Yusuf", "Leo", "Oscar", "Riley", "Kai", "Ibrahim", "Jack", "Alfie", "Mason", "Tyler"];
    private static readonly string[] Streets = ["Canal Street", "Park Road", "Church Lane", "Station Road", "Victoria Terrace", "Mill Close", "Birch Avenue", "Queen Street", "Hollybush Lane", "Forge Way", "Chapel Street", "Meadow View"];
    private static readonly string[] Districts = ["WS1", "WS2", "WS3", "WS4", "WS5", "WS8", "WS9", "WS10"];
    private static readonly string[] Sources = ["Oakfield Primary School", "Hollybank Academy", "Health visiting", "West Midlands Police", "GP surgery", "Housing services", "Family (self-referral)", "Jobcentre Plus", "Youth service", "Children's social care (step down)"];
    private static readonly string[] Teams = ["North locality", "South locality", "Central locality"];

    /// <param name="families">How many families: 300 unless configured (EarlyHelp:DemoFamilies); load tests use tens of thousands.</param>
    public static async Task SeedAsync(IServiceProvider services, string password, int families = Families)
    {
        var db = services.GetRequiredService<EarlyHelpDbContext>();
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var engine = services.GetRequiredService<Engine>();
        var today = DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetLocalNow().Date);
        var random = new Random(2022);

        var teams = Teams.Select(t => new Team { Name = t }).ToList();
        db.Teams.AddRange(teams);
        await db.SaveChangesAsync();

        var staff = new List<ApplicationUser>();
        foreach (var (email, name, role, agency) in DemoAccounts.All)
        {
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, Agency = agency, TeamId = role is Roles.Practitioner or Roles.Manager ? teams[0].Id : null };
            Check(await users.CreateAsync(user, password));
            Check(await users.AddToRoleAsync(user, role));
            if (role == Roles.Practitioner)
            {
                staff.Add(user);
            }
        }

        // Colleagues who lead the rest of the caseload; they have no password, so nobody signs in as them.
        var colleagues = new[] { ("Jo Bennett", 0), ("Ravi Kumar", 0), ("Megan Hughes", 1), ("Tom Fraser", 1), ("Asha Begum", 2), ("Liam O'Neill", 2) };
        foreach (var (name, team) in colleagues)
        {
            var email = $"{name.Split(' ')[0].ToLowerInvariant()}@{DemoAccounts.Domain}";
            var user = new ApplicationUser { UserName = email, Email = email, DisplayName = name, Agency = "Early Help", TeamId = teams[team].Id };
            Check(await users.CreateAsync(user));
            Check(await users.AddToRoleAsync(user, Roles.Practitioner));
            staff.Add(user);
        }

        await AddStaffAtScaleAsync(db, users, password, families, teams, staff);

        var framework = engine.Frameworks.Get("national-2022");
        var needCodes = framework.Needs.Keys.ToArray();
        // A front door decides within days, so it holds a few dozen enquiries whatever the caseload's size: 15% of
        // the 300-family demonstration, not 15% of a county's tens of thousands of families.
        var enquiryShare = Math.Min(0.15, (45 + families / 500.0) / families);
        for (var i = 1; i <= families; i++)
        {
            var family = NewFamily(i, random, today, staff, teams, needCodes, framework, enquiryShare);
            var episode = family.Episodes[^1];
            var lead = staff.Find(s => s.Id == episode.LeadPractitionerId)?.DisplayName;
            FamilyVerdicts.Record(episode, FamilyVerdicts.Evaluate(family, episode, lead, engine, today), today);
            db.Families.Add(family);
            if (i % 500 == 0)
            {
                await db.SaveChangesAsync();

                // Saved families need no tracking, and a tracker that keeps growing makes each save slower.
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        await Features.Scorecard.ScorecardDemo.SeedAsync(db, today);
        await Features.ServiceDirectory.DirectoryDemo.SeedAsync(db, engine, districts: Districts);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// Beyond a few hundred families, more practitioners and teams, so caseloads stay realistic: a practitioner
    /// for every 43 families and a team of about eight with its own manager. They share the demonstration
    /// password (practitioner1@..., manager1@...), so a load test can sign in as many different people.
    /// </summary>
    private static async Task AddStaffAtScaleAsync(EarlyHelpDbContext db, UserManager<ApplicationUser> users, string password, int families, List<Team> teams, List<ApplicationUser> staff)
    {
        var practitioners = (families + FamiliesPerPractitioner - 1) / FamiliesPerPractitioner;
        if (practitioners <= staff.Count)
        {
            return;
        }

        var newTeams = Enumerable.Range(teams.Count, Math.Max(0, (practitioners + PractitionersPerTeam - 1) / PractitionersPerTeam - teams.Count))
            .Select(n => new Team { Name = $"{Teams[n % Teams.Length]} {(n / Teams.Length) + 1}" })
            .ToList();
        db.Teams.AddRange(newTeams);
        await db.SaveChangesAsync();
        teams.AddRange(newTeams);

        // Hashing is slow on purpose (PBKDF2), so hash the shared password once rather than for hundreds of accounts.
        var hash = users.PasswordHasher.HashPassword(staff[0], password);
        var names = new Random(43);
        async Task<ApplicationUser> AddAsync(string email, string role, Team team)
        {
            var girl = names.NextDouble() < 0.5;
            var name = $"{(girl ? Women : Men)[names.Next(girl ? Women.Length : Men.Length)]} {Surnames[names.Next(Surnames.Length)]}";
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, Agency = "Early Help", TeamId = team.Id, PasswordHash = hash };
            Check(await users.CreateAsync(user));
            Check(await users.AddToRoleAsync(user, role));
            return user;
        }

        for (var n = 1; n <= newTeams.Count; n++)
        {
            await AddAsync($"manager{n}@{DemoAccounts.Domain}", Roles.Manager, newTeams[n - 1]);
        }

        for (var n = 1; staff.Count < practitioners; n++)
        {
            staff.Add(await AddAsync($"practitioner{n}@{DemoAccounts.Domain}", Roles.Practitioner, teams[n % teams.Count]));
        }
    }

    private static Family NewFamily(int n, Random random, DateOnly today, List<ApplicationUser> staff, List<Team> teams, string[] needCodes, Core.Frameworks.Framework framework, double enquiryShare)
    {
        T Pick<T>(T[] items) => items[random.Next(items.Length)];
        var surname = Pick(Surnames);
        var family = new Family
        {
            Reference = $"FAM-{n:000000}",
            CreatedAt = new DateTimeOffset(today.AddDays(-random.Next(30, 900)).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            Address = new Address { Line1 = $"{random.Next(1, 180)} {Pick(Streets)}", Town = "Walsall", Postcode = $"{Pick(Districts)} {random.Next(1, 9)}{(char)('A' + random.Next(0, 26))}{(char)('A' + random.Next(0, 26))}", Uprn = $"1000{random.Next(10000000, 99999999)}" },
        };
        family.Members.Add(new FamilyMember { GivenName = Pick(Women), FamilyName = surname, Relationship = "Mother", DateOfBirth = today.AddDays(-random.Next(22 * 365, 45 * 365)), NhsNumber = NhsNumberFor(random) });
        if (random.NextDouble() < 0.6)
        {
            family.Members.Add(new FamilyMember { GivenName = Pick(Men), FamilyName = surname, Relationship = random.NextDouble() < 0.7 ? "Father" : "Stepfather", DateOfBirth = today.AddDays(-random.Next(24 * 365, 50 * 365)) });
        }

        var children = random.Next(1, 5);
        for (var c = 0; c < children; c++)
        {
            var girl = random.NextDouble() < 0.5;
            var born = today.AddDays(-random.Next(200, 17 * 365));
            var body = $"{random.Next(800, 900)}{random.Next(2000, 5000)}{random.Next(10, 24):00}{random.Next(100, 999)}";
            family.Members.Add(new FamilyMember
            {
                GivenName = girl ? Pick(Girls) : Pick(Boys),
                FamilyName = surname,
                Relationship = girl ? "Daughter" : "Son",
                DateOfBirth = born,
                NhsNumber = NhsNumberFor(random),
                UniquePupilNumber = today.DayNumber - born.DayNumber > 5 * 365 ? UniquePupilNumber.CheckLetter(body) + body : null,
            });
        }

        // Every state: 15% enquiries, 10% allocated, 15% assessing, 25% with a plan, 35% closed.
        var roll = random.NextDouble();
        var waiting = roll < 0.15 && (enquiryShare >= 0.15 || random.NextDouble() < enquiryShare / 0.15);
        var stage = roll < 0.15 ? (waiting ? EpisodeStage.Enquiry : EpisodeStage.Allocated) : roll < 0.25 ? EpisodeStage.Allocated : roll < 0.40 ? EpisodeStage.Assessment : roll < 0.65 ? EpisodeStage.Plan : EpisodeStage.Closed;
        var received = today.AddDays(-(stage == EpisodeStage.Closed ? random.Next(220, 800) : random.Next(3, 200)));
        var lead = staff[random.Next(staff.Count)];
        var episode = new Episode
        {
            Number = 1,
            Stage = stage,
            FrameworkId = framework.Id,
            ReceivedOn = received,
            EnquirySource = Pick(Sources),
            EnquiryReason = "Concerns raised about the family's wellbeing; the family would like some help.",
            FamilyAgreesToEarlyHelp = true,
            LawfulBasis = LawfulBasis.PublicTask,
        };
        family.Episodes.Add(episode);

        var headlines = framework.HeadlineOutcomes.OrderBy(_ => random.Next()).Take(random.Next(2, 6)).ToList();
        foreach (var headline in headlines)
        {
            var need = headline.Needs[random.Next(headline.Needs.Count)];
            var member = need.AppliesTo switch
            {
                Core.Frameworks.AppliesTo.Adult => family.Members[0],
                Core.Frameworks.AppliesTo.Child or Core.Frameworks.AppliesTo.YoungPerson => family.Members[^1],
                _ => null,
            };
            episode.Needs.Add(new EpisodeNeed { Code = need.Code, MemberId = member?.Id, IdentifiedOn = received });
        }

        if (stage == EpisodeStage.Enquiry)
        {
            return family;
        }

        episode.Decision = FrontDoorDecision.EarlyHelpAssessment;
        episode.DecidedOn = received.AddDays(random.Next(1, 5));
        episode.AllocatedOn = episode.DecidedOn.Value.AddDays(random.Next(0, 6));
        episode.TeamId = lead.TeamId;
        episode.LeadPractitionerId = lead.Id;
        episode.LevelOfNeedAtStart = random.Next(2, 4);
        if (stage == EpisodeStage.Allocated)
        {
            return family;
        }

        episode.AssessmentStartedOn = episode.AllocatedOn.Value.AddDays(random.Next(1, 10));
        foreach (var headline in framework.HeadlineOutcomes.Where(h => stage != EpisodeStage.Assessment || random.NextDouble() < 0.5))
        {
            var hasNeed = headlines.Contains(headline);
            episode.Assessment.Add(new AssessmentSection
            {
                HeadlineCode = headline.Code,
                Strengths = hasNeed ? "The family know what they want to change and have asked for help with it." : "Going well; nothing the family or the practitioners are worried about.",
                Needs = hasNeed ? "See the needs recorded; the family and the team around them agree these come first." : null,
                FamilyVoice = hasNeed ? "\"We want things to be calmer at home.\"" : null,
                Completed = stage != EpisodeStage.Assessment || random.NextDouble() < 0.6,
            });
        }

        if (stage == EpisodeStage.Assessment)
        {
            return family;
        }

        episode.AssessmentCompletedOn = episode.AssessmentStartedOn.Value.AddDays(random.Next(10, 40));
        episode.FamilyPlanAgreedOn = episode.AssessmentCompletedOn;
        episode.SupportReceived = true;
        foreach (var need in episode.Needs)
        {
            episode.Actions.Add(new PlanAction
            {
                NeedCode = need.Code,
                What = "Agree and start the support the family chose for this need",
                Who = lead.DisplayName,
                Agency = "Early Help",
                DueOn = episode.FamilyPlanAgreedOn.Value.AddDays(random.Next(14, 90)),
                Priority = (ActionPriority)random.Next(0, 3),
            });
        }

        var meetingOn = episode.FamilyPlanAgreedOn.Value.AddDays(random.Next(5, 20));
        episode.Meetings.Add(new Meeting
        {
            Kind = MeetingKind.TeamAroundTheFamily,
            HeldOn = meetingOn,
            Attendees = "Family, lead practitioner, school, health visitor",
            Decisions = "Plan agreed with the family.",
            NextReviewOn = meetingOn.AddDays(42 + random.Next(-10, 60)),
        });
        if (stage == EpisodeStage.Plan)
        {
            return family;
        }

        var closed = meetingOn.AddDays(random.Next(90, 200));
        episode.ClosedOn = closed < today ? closed : today.AddDays(-1);
        episode.ClosureReason = random.NextDouble() < 0.75 ? ClosureReason.OutcomesAchieved : (ClosureReason)random.Next(1, 5);
        episode.LevelOfNeedAtClosure = random.Next(1, 3);
        foreach (var need in episode.Needs)
        {
            episode.Evidence.Add(new EvidenceEntry
            {
                NeedCode = need.Code,
                MemberId = need.MemberId,
                RecordedOn = episode.ClosedOn.Value.AddDays(-7),
                Kind = "practitioner-assessment",
                OutcomeAchieved = episode.ClosureReason == ClosureReason.OutcomesAchieved && random.NextDouble() < 0.85,
                RecordedById = lead.Id,
                Note = "Reviewed with the family at closure.",
            });
        }

        return family;
    }

    /// <summary>A synthetic NHS number with a valid check digit, in the 999 range that is never issued.</summary>
    private static string NhsNumberFor(Random random)
    {
        while (true)
        {
            var nine = "999" + random.Next(0, 1_000_000).ToString("000000");
            if (NhsNumber.CheckDigit(nine) is { } check)
            {
                return nine + check;
            }
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Could not create a demonstration account: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
