using System.Text.Encodings.Web;
using System.Text.Json;
using EarlyHelp.Core.Calendar;

namespace EarlyHelp.Bench;

/// <summary>
/// Writes synthetic national-2022 case files (contracts/evaluate.md), one a line. Every family has two adults
/// and three children of mixed ages (now and then a 16 or 17 year old), 3 to 8 needs, a year of school
/// attendance for each child of compulsory school age, the events and evidence a case record would hold for
/// those needs, and an episode that is open, recently closed or closed long ago. Everything is drawn from a
/// random generator seeded by the seed and the family's number, so a seed always gives the same file. The
/// data is invented: names come from short lists of common first names, and no record describes anyone.
/// </summary>
public sealed class FamilyGenerator(int seed)
{
    /// <summary>Every family is judged on the same date, the end of the 2024/25 financial year.</summary>
    public static readonly DateOnly AsOf = new(2025, 3, 31);

    private static readonly SchoolCalendar Calendar = SchoolCalendar.England;

    /// <summary>A year of attendance: the three terms ended by <see cref="AsOf"/>.</summary>
    private static readonly SchoolTerm[] AttendanceYear = LatestTerms(3);

    public void Write(Stream output, int families)
    {
        // Relaxed escaping, as a case management system would send it: notes keep their en dashes and pound signs.
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        for (var i = 0; i < families; i++)
        {
            var family = new Family(new Random(FamilySeed(i)), i + 1);
            family.Write(writer);
            writer.Flush();
            writer.Reset();
            output.WriteByte((byte)'\n');
        }
    }

    /// <summary>
    /// Each family has its own generator, so family n is the same whatever the file's length. (HashCode is
    /// randomised per process, so the seed and number are mixed here: the SplitMix64 finaliser.)
    /// </summary>
    private int FamilySeed(int index)
    {
        var z = ((ulong)(uint)seed << 32) | (uint)index;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)((z ^ (z >> 31)) & int.MaxValue);
    }

    private static SchoolTerm[] LatestTerms(int count)
    {
        var last = Calendar.LastEndedOnOrBefore(AsOf);
        return [.. Enumerable.Range(0, count).Select(i => SchoolTerm.FromOrdinal(last.Ordinal - count + 1 + i))];
    }

    private sealed record Person(string Id, DateOnly Born, bool Adult)
    {
        public int AgeOn(DateOnly date)
        {
            var age = date.Year - Born.Year;
            return Born.AddYears(age) > date ? age - 1 : age;
        }

        /// <summary>Reception to year 11 in the academic year starting in <paramref name="year"/>: aged 4 on the 31 August before.</summary>
        public bool OfSchoolAge(int year) => !Adult && AgeOn(new DateOnly(year, 8, 31)) is >= 4 and <= 15;
    }

    private sealed record Need(string Code, Person? Member, DateOnly Identified, bool IdentifiedRecorded);

    private sealed record CaseEvent(string Type, string? Member, DateOnly Date, bool? Severe = null, string? Headline = null, string? Need = null, decimal? Days = null, string? Benefit = null);

    private sealed record Evidence(string Need, string? Member, DateOnly Date, string Kind, bool? Achieved, string? Instrument = null, int? Before = null, int? After = null, string? Note = null);

    private sealed record Attendance(string Member, SchoolTerm Term, int Possible, int Attended, int Authorised, int Unauthorised);

    /// <summary>Who a need can be about, as the framework's appliesTo and the need's wording say.</summary>
    private enum Who
    {
        Family,
        Adult,
        Child,
        SchoolChild,
        UnderFive,
        YoungPerson,
        SixteenOrSeventeen,
        NewParents,
    }

    /// <param name="Weight">How common the need is among families on the programme (rough, relative).</param>
    /// <param name="Kinds">The kinds of evidence its criteria accept.</param>
    /// <param name="Instruments">Validated measures a practitioner might record for it; the engine scores some of them.</param>
    private sealed record NeedType(string Code, string Headline, double Weight, Who Who, string[] Kinds, string[] Instruments);

    private const string Data = "data", Measure = "validated-measure", Practitioner = "practitioner-assessment", Self = "self-assessment";

    private static readonly NeedType[] Needs =
    [
        new("EDU-ATTEND-90", "education", 12, Who.SchoolChild, [], []),
        new("EDU-ATTEND-50", "education", 2, Who.SchoolChild, [], []),
        new("EDU-ENGAGE", "education", 8, Who.SchoolChild, [Measure, Data, Practitioner], ["SDQ"]),
        new("EDU-SEN", "education", 6, Who.Child, [Data, Practitioner, Self], []),
        new("EY-PARENT", "early-years", 3, Who.NewParents, [Data, Practitioner, Self], []),
        new("EY-HEALTH", "early-years", 2, Who.UnderFive, [Data, Practitioner, Self], []),
        new("EY-DEVELOP", "early-years", 3, Who.UnderFive, [Measure, Data, Practitioner, Self], ["ASQ-3", "ASQ:SE-2", "ELIM"]),
        new("HLT-CHILD-MH", "health", 10, Who.Child, [Measure, Data, Practitioner, Self], ["SDQ", "RCADS", "SWEMWBS", "GAD-7"]),
        new("HLT-ADULT-MH", "health", 14, Who.Adult, [Measure, Data, Practitioner, Self], ["GAD-7", "PHQ-9", "WEMWBS", "SWEMWBS", "K10", "DASS-21", "gad7", "PHQ 9"]),
        new("HLT-PHYSICAL", "health", 5, Who.Family, [Data, Practitioner, Self], []),
        new("SUB-ADULT", "substance-use", 5, Who.Adult, [Measure, Data, Practitioner, Self], ["AUDIT", "AUDIT-C", "SADQ", "TOP", "ASSIST-Lite"]),
        new("SUB-CHILD", "substance-use", 1, Who.YoungPerson, [Measure, Data, Practitioner, Self], ["CRAFFT", "DAST-A"]),
        new("REL-PARENTING", "family-relationships", 12, Who.Family, [Data, Practitioner, Self], []),
        new("REL-CONFLICT", "family-relationships", 6, Who.Family, [Measure, Data, Practitioner, Self], ["Family relationship quality tool"]),
        new("REL-CPV", "family-relationships", 3, Who.Child, [Data, Practitioner, Self], []),
        new("REL-CARER", "family-relationships", 2, Who.Child, [Data, Practitioner, Self], []),
        new("ABU-ABUSE", "abuse-exploitation", 5, Who.Child, [Practitioner], []),
        new("ABU-MISSING", "abuse-exploitation", 3, Who.Child, [Practitioner], []),
        new("ABU-CSE", "abuse-exploitation", 2, Who.YoungPerson, [Practitioner, Self], []),
        new("ABU-CCE", "abuse-exploitation", 2, Who.YoungPerson, [Practitioner, Self], []),
        new("ABU-RADICAL", "abuse-exploitation", 0.5, Who.YoungPerson, [Practitioner, Self], []),
        new("ABU-EXTRA", "abuse-exploitation", 3, Who.Child, [Practitioner, Self], []),
        new("CRM-ADULT", "crime", 3, Who.Adult, [], []),
        new("CRM-YP-RISK", "crime", 3, Who.YoungPerson, [], []),
        new("CRM-YP", "crime", 3, Who.YoungPerson, [], []),
        new("DA-VICTIM", "domestic-abuse", 9, Who.Family, [Data, Practitioner, Self, Measure], ["DASH"]),
        new("DA-PERPETRATOR", "domestic-abuse", 3, Who.Adult, [Data, Practitioner, Self, Measure], ["DASH"]),
        new("DA-CHILD", "domestic-abuse", 5, Who.Child, [Data, Practitioner, Self, Measure], ["DASH"]),
        new("HSG-TA", "housing", 2, Who.Family, [Data, Practitioner], []),
        new("HSG-UNSUITABLE", "housing", 5, Who.Family, [Data, Practitioner], []),
        new("HSG-YP-EXCLUDED", "housing", 1, Who.SixteenOrSeventeen, [Practitioner], []),
        new("FIN-WORKLESS", "financial-stability", 8, Who.Adult, [Data, Practitioner, Self], []),
        new("FIN-DEBT", "financial-stability", 12, Who.Family, [Data, Practitioner, Self], []),
        new("FIN-NEET", "financial-stability", 2, Who.SixteenOrSeventeen, [Data, Practitioner, Self], []),
    ];

    private static readonly double TotalWeight = Needs.Sum(n => n.Weight);

    /// <summary>Scoring of the instruments the engine knows (frameworks/instruments.yaml): range, lower is better, reliable change.</summary>
    private static readonly Dictionary<string, (int Min, int Max, bool LowerBetter, int Change)> Scored = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GAD-7"] = (0, 21, true, 4),
        ["gad7"] = (0, 21, true, 4),
        ["PHQ-9"] = (0, 27, true, 6),
        ["PHQ 9"] = (0, 27, true, 6),
        ["K10"] = (10, 50, true, 6),
        ["AUDIT"] = (0, 40, true, 4),
        ["AUDIT-C"] = (0, 12, true, 2),
        ["DASS-21"] = (0, 126, true, 10),
        ["SADQ"] = (0, 60, true, 6),
        ["CRAFFT"] = (0, 6, true, 2),
        ["WEMWBS"] = (14, 70, false, 3),
        ["SWEMWBS"] = (7, 35, false, 2),
    };

    private static readonly string[] WomensNames = ["sarah", "emma", "laura", "gemma", "kelly", "amy", "rachel", "hannah", "nicola", "lisa", "stacey", "leanne", "jade", "chloe", "danielle", "aisha", "fatima", "priya", "zoe", "natalie", "kirsty", "michelle", "joanne", "charlotte", "sophie"];

    private static readonly string[] MensNames = ["james", "david", "daniel", "lee", "craig", "ryan", "mark", "paul", "jamie", "adam", "michael", "chris", "tom", "imran", "mohammed", "darren", "wayne", "stephen", "gareth", "kyle", "liam", "dean", "shaun", "ricky", "andrew"];

    private static readonly string[] ChildrensNames = ["oliver", "george", "noah", "arthur", "leo", "harry", "oscar", "archie", "jack", "freddie", "charlie", "alfie", "theo", "muhammad", "jacob", "tyler", "kai", "mason", "olivia", "amelia", "isla", "ava", "ivy", "freya", "lily", "florence", "mia", "willow", "rosie", "poppy", "evie", "ella", "grace", "maisie", "ruby", "jay", "amy-leigh", "kayden", "riley", "harper"];

    private static readonly string[] Practitioners = ["Sam Patel", "Siân Evans", "Zoë Clarke", "Aoife O'Brien", "Jo Whitfield", "Marcus Green", "Helen Shaw", "Tariq Hussain", "Claire Dobson", "Becky Lloyd", "Ade Okafor", "Karen Mills", "Nadia Rahman", "Tom Beresford", "Gill Turner"];

    private static readonly string[] Headlines = ["education", "early-years", "health", "substance-use", "family-relationships", "abuse-exploitation", "crime", "domestic-abuse", "housing", "financial-stability"];

    /// <summary>What practitioners write beside a result, by headline outcome; the engine quotes notes in its reasons.</summary>
    private static readonly Dictionary<string, string[]> Notes = new(StringComparer.Ordinal)
    {
        ["education"] = ["School reports good progress – no longer on report", "Attending the nurture group three mornings a week", "EHC plan finalised and provision in place", "Reduced timetable ended; back full time since half term"],
        ["early-years"] = ["Taking up the 2-year-old entitlement at the local nursery", "Signed up with a GP and dentist; immunisations now up to date", "Speech and language referral made – now on the waiting list", "Attended the 2-year health visitor review"],
        ["health"] = ["Engaging well with CAMHS; attends every appointment", "Completed six sessions with NHS Talking Therapies", "Registered with a GP; medication reviewed", "Family say they feel better able to cope"],
        ["substance-use"] = ["Completed structured treatment with the local drug and alcohol service", "Abstinent for 12 weeks – confirmed by recovery worker", "Engaging with the young people's substance misuse team"],
        ["family-relationships"] = ["Completed Triple P with both parents; routines in place at home", "Family say things are calmer at home", "Referred to the young carers’ service; respite in place", "Reducing Parental Conflict sessions completed"],
        ["abuse-exploitation"] = ["No concerns raised by school or police since closure", "Safety plan agreed with the child and reviewed at TAF", "Working with the exploitation team – no further missing episodes"],
        ["crime"] = ["Completed the Youth Justice Service programme", "No further police call-outs reported", "Engaging with the local mentoring scheme"],
        ["domestic-abuse"] = ["Mum completed the Freedom Programme", "Dad attending the Drive programme; no further police call-outs", "MARAC closed the case – risk reduced to standard", "DASH reviewed – risk reduced from high to medium"],
        ["housing"] = ["Moved to settled accommodation – assured shorthold tenancy", "Landlord confirms the notice has been withdrawn", "Rent arrears down from £1,240 to £310 – repayment plan holding"],
        ["financial-stability"] = ["Debt repayment plan agreed with the landlord", "Benefit claim sorted; Universal Credit housing element restored", "Started a Level 2 course at the local college", "Attending job interviews with support from the DWP work coach"],
    };

    /// <summary>One family's case file, drawn from its own random generator.</summary>
    private sealed class Family
    {
        private readonly Random random;
        private readonly string id;
        private readonly List<Person> members = [];
        private readonly List<Need> needs = [];
        private readonly List<CaseEvent> events = [];
        private readonly List<Evidence> evidence = [];
        private readonly List<Attendance> attendance = [];
        private readonly DateOnly opened;
        private readonly DateOnly? closed;
        private readonly DateOnly? assessment;
        private readonly DateOnly? plan;
        private readonly string? lead;
        private readonly bool support;

        public Family(Random random, int number)
        {
            this.random = random;
            id = $"F-{number:D7}";
            AddMembers();

            // Episodes: open (a fifth), closed within the last 6 months, so still being sustained (three tenths),
            // or closed longer ago (half).
            var state = random.NextDouble();
            if (state < 0.2)
            {
                opened = Weekday(AsOf.AddDays(-random.Next(20, 330)));
            }
            else
            {
                var closedOn = Weekday(AsOf.AddDays(state < 0.5 ? -random.Next(1, 183) : -random.Next(183, 540)));
                closed = closedOn;
                opened = Weekday(closedOn.AddDays(-random.Next(90, 400)));
            }

            var end = closed ?? AsOf;
            assessment = Chance(0.96) ? Weekday(opened.AddDays(random.Next(5, 45))) : null;
            plan = assessment is { } a && Chance(0.95) ? Weekday(a.AddDays(random.Next(3, 30))) : null;
            if (assessment > end)
            {
                (assessment, plan) = (null, null);
            }
            else if (plan > end)
            {
                plan = null;
            }

            lead = Chance(0.97) ? Pick(Practitioners) : null;
            support = Chance(0.96);

            AddNeeds();
            AddAttendance();
            foreach (var need in needs)
            {
                AddEvents(need);
                AddEvidence(need);
            }

            AddReferrals();
            events.Sort((x, y) => x.Date.CompareTo(y.Date));
        }

        private DateOnly End => closed ?? AsOf;

        private List<Person> Children => [.. members.Where(m => !m.Adult)];

        private List<Person> Adults => [.. members.Where(m => m.Adult)];

        private void AddMembers()
        {
            // Three children 0 to 15, now and then one of them 16 or 17.
            var ages = new List<int> { random.Next(0, 16), random.Next(0, 16), random.Next(0, 16) };
            if (Chance(0.12))
            {
                ages[random.Next(3)] = random.Next(16, 18);
            }

            ages.Sort((a, b) => b.CompareTo(a));
            var motherAge = Math.Clamp(ages[0] + random.Next(17, 32), 20, 58);
            var partnerAge = Math.Clamp(motherAge + random.Next(-4, 9), 19, 64);
            members.Add(Born(Distinct(WomensNames), motherAge, adult: true));
            members.Add(Born(Distinct(MensNames), partnerAge, adult: true));
            foreach (var age in ages)
            {
                members.Add(Born(Distinct(ChildrensNames), age, adult: false));
            }
        }

        private Person Born(string name, int age, bool adult) => new(name, AsOf.AddYears(-age).AddDays(-random.Next(1, 365)), adult);

        private string Distinct(string[] names)
        {
            string name;
            do
            {
                name = Pick(names);
            }
            while (members.Any(m => m.Id == name));
            return name;
        }

        private void AddNeeds()
        {
            // 3 to 8 needs, most often 4 or 5.
            var count = Weighted([0, 0, 0, 18, 24, 22, 16, 12, 8]);
            for (var attempts = 0; needs.Count < count && attempts < 200; attempts++)
            {
                var type = PickNeed();
                var identified = opened;
                if (Chance(0.3))
                {
                    // Found during the episode, at a review.
                    var span = End.DayNumber - opened.DayNumber;
                    identified = span > 2 ? Weekday(opened.AddDays(random.Next(1, Math.Min(span, 150)))) : opened;
                    identified = identified > End ? opened : identified;
                }

                if (!TryCandidate(type, identified, out var member))
                {
                    continue;
                }

                // A need about a person names the person, but now and then a record names no one.
                if (type.Who is Who.Child or Who.Adult && Chance(0.08))
                {
                    member = null;
                }

                if (needs.Any(n => n.Code == type.Code && n.Member == member) || (type.Who == Who.Family && needs.Any(n => n.Code == type.Code)))
                {
                    continue;
                }

                needs.Add(new Need(type.Code, member, identified, IdentifiedRecorded: !Chance(0.03)));
            }
        }

        private NeedType PickNeed()
        {
            var x = random.NextDouble() * TotalWeight;
            foreach (var type in Needs)
            {
                x -= type.Weight;
                if (x < 0)
                {
                    return type;
                }
            }

            return Needs[^1];
        }

        /// <summary>Whether the family has someone the need can be about, and who (no one for a family need).</summary>
        private bool TryCandidate(NeedType type, DateOnly identified, out Person? member)
        {
            var year = Calendar.TermContaining(identified).AcademicYearStart;
            List<Person> fits = type.Who switch
            {
                Who.Adult => Adults,
                Who.Child => [.. Children.Where(c => c.AgeOn(identified) < 18)],
                Who.SchoolChild => [.. Children.Where(c => c.OfSchoolAge(year) && AttendanceYear.Any(t => c.OfSchoolAge(t.AcademicYearStart)))],
                Who.UnderFive => [.. Children.Where(c => c.Born < identified && c.AgeOn(identified) <= 5)],
                Who.YoungPerson => [.. Children.Where(c => c.AgeOn(identified) is >= 10 and < 18)],
                Who.SixteenOrSeventeen => [.. Children.Where(c => c.AgeOn(identified) is 16 or 17)],
                _ => [],
            };

            member = fits.Count == 0 ? null : fits[random.Next(fits.Count)];
            return type.Who switch
            {
                Who.Family => true,
                Who.NewParents => Children.Any(c => c.Born < identified && c.AgeOn(identified) < 2),
                _ => member is not null,
            };
        }

        private void AddAttendance()
        {
            var attendanceNeeds = needs.Where(n => n.Code.StartsWith("EDU-ATTEND", StringComparison.Ordinal)).ToList();
            foreach (var child in Children)
            {
                // Pupils in England: about 93% attendance on average, one in five persistently absent (below 90%);
                // in families on the programme, persistent absence is about three times as common.
                var rate = Weighted([60, 25, 11, 4]) switch
                {
                    0 => Uniform(92, 99.5),
                    1 => Uniform(85, 92),
                    2 => Uniform(65, 85),
                    _ => Uniform(35, 65),
                };
                var need = attendanceNeeds.FirstOrDefault(n => n.Member == child || n.Member is null);
                var improves = false;
                var target = rate;
                if (need is not null)
                {
                    rate = need.Code == "EDU-ATTEND-50" ? Uniform(20, 49) : Uniform(62, 89);
                    improves = Chance(0.6);
                    target = need.Code == "EDU-ATTEND-50" ? Math.Min(97, rate * Uniform(1.2, 1.9)) : Uniform(88.5, 97);
                }

                // Illness and appointments are most of a good attender's absence; a poor attender's is mostly unauthorised.
                var authorisedShare = rate > 90 ? Uniform(0.6, 0.85) : Uniform(0.25, 0.6);
                foreach (var term in AttendanceYear)
                {
                    if (!child.OfSchoolAge(term.AcademicYearStart))
                    {
                        continue;
                    }

                    var possible = term.Name switch
                    {
                        TermName.Autumn => random.Next(132, 143),
                        TermName.Spring => random.Next(116, 129),
                        _ => random.Next(120, 135),
                    };
                    if (Chance(0.03))
                    {
                        possible = random.Next(40, 100); // joined or left part way through the term
                    }

                    var after = need is not null && improves && Calendar.End(term) > need.Identified.AddDays(60);
                    var percent = Math.Clamp((after ? target : rate) + Normal(0, 2.5), 5, 100);
                    var attended = (int)Math.Round(possible * percent / 100);
                    var absent = possible - attended;
                    var authorised = (int)Math.Round(absent * authorisedShare);
                    attendance.Add(new Attendance(child.Id, term, possible, attended, authorised, absent - authorised));
                }
            }
        }

        private void AddEvents(Need need)
        {
            var who = need.Member?.Id;
            var baselineFrom = need.Identified.AddMonths(-12);
            switch (need.Code)
            {
                case "CRM-ADULT" or "CRM-YP":
                    {
                        var youngPerson = need.Code == "CRM-YP";
                        var baseline = youngPerson ? Weighted([0, 30, 22, 14, 9, 10, 7, 5, 3]) : Weighted([0, 28, 20, 14, 10, 7, 5, 4, 5, 3, 2, 2]);
                        Crime(who, baselineFrom, need.Identified, baseline, youngPerson);
                        Crime(who, need.Identified, End, Weighted([60, 25, 10, 5]), youngPerson);
                        if (closed is { } c)
                        {
                            Crime(who, c, Min(c.AddMonths(6), AsOf), Weighted([65, 20, 10, 5]), youngPerson);
                        }

                        break;
                    }

                case "CRM-YP-RISK":
                    Crime(who, baselineFrom, need.Identified, Weighted([40, 35, 25]), youngPerson: true);
                    if (closed is { } closedRisk && Chance(0.2))
                    {
                        Crime(who, closedRisk, Min(closedRisk.AddMonths(6), AsOf), 1, youngPerson: true);
                    }

                    break;

                case "DA-VICTIM" or "DA-PERPETRATOR" or "DA-CHILD":
                    {
                        // Police call-outs name the victim, or no one.
                        var victim = Chance(0.6) ? Adults[0].Id : null;
                        Add("domestic-abuse-incident", victim, baselineFrom, need.Identified, Weighted([0, 40, 30, 18, 12]));
                        if (closed is { } c)
                        {
                            Add("domestic-abuse-incident", victim, c.AddMonths(-1), c, Chance(0.12) ? 1 : 0);
                            if (Chance(0.1))
                            {
                                Add(new CaseEvent("referral", null, Between(c, Min(c.AddMonths(6), AsOf)), Headline: "domestic-abuse"));
                            }
                        }

                        break;
                    }

                case "ABU-MISSING":
                    Add("missing-episode", who, baselineFrom, need.Identified, 1 + Weighted([35, 25, 15, 10, 8, 7]));
                    if (closed is { } closedMissing)
                    {
                        Add("missing-episode", who, closedMissing.AddMonths(-1), closedMissing, Chance(0.15) ? 1 : 0);
                        if (Chance(0.08))
                        {
                            Add(new CaseEvent("referral", who, Between(closedMissing, Min(closedMissing.AddMonths(6), AsOf)), Headline: "abuse-exploitation"));
                        }
                    }

                    break;

                case "ABU-CSE" or "ABU-CCE" or "ABU-EXTRA":
                    Add(Pick(["missing-episode", "asb", "named-suspect"]), who, baselineFrom, need.Identified, Weighted([30, 40, 20, 10]));
                    if (closed is { } closedExploitation && Chance(0.15))
                    {
                        Add(Pick(["missing-episode", "asb", "arrest"]), who, closedExploitation, Min(closedExploitation.AddMonths(6), AsOf), 1);
                    }

                    break;

                case "EDU-ENGAGE":
                    {
                        // Suspensions over the terms before identification, then fewer (or not) afterwards.
                        var before = Weighted([10, 30, 30, 20, 10]);
                        var after = Chance(0.6) ? Weighted([50, 35, 15]) : before + Weighted([40, 40, 20]);
                        Suspensions(who, need.Identified.AddMonths(-9), need.Identified, before);
                        Suspensions(who, need.Identified, AsOf, after);
                        if (Chance(0.02))
                        {
                            Add("permanent-exclusion", who, need.Identified, AsOf, 1);
                        }

                        break;
                    }

                case "FIN-WORKLESS":
                    if (Chance(0.5))
                    {
                        var start = Between(need.Identified, AsOf);
                        Add(new CaseEvent("employment-start", who, start, Benefit: Weighted([45, 35, 12, 8]) switch
                        {
                            0 => null,
                            1 => "universal-credit",
                            2 => "jsa",
                            _ => "esa",
                        }));
                        if (Chance(0.15))
                        {
                            Add("employment-end", who, start, AsOf, 1);
                        }
                    }

                    break;

                case "FIN-NEET":
                    Add("neet", who, need.Identified.AddMonths(-3), need.Identified, 1);
                    if (Chance(0.55))
                    {
                        var eet = Between(need.Identified, AsOf);
                        Add(new CaseEvent("eet", who, eet));
                        if (Chance(0.15))
                        {
                            Add("neet", who, eet, AsOf, 1);
                        }
                    }

                    break;

                case "HSG-TA" or "HSG-UNSUITABLE":
                    if (Chance(0.6))
                    {
                        Add("eviction-notice", null, need.Identified.AddMonths(-4), need.Identified, 1);
                    }

                    if (Chance(0.5))
                    {
                        Add("tenancy-sustained", null, need.Identified, End, 1);
                    }

                    if (closed is { } closedHousing && Chance(0.08))
                    {
                        Add("eviction-notice", null, closedHousing, Min(closedHousing.AddMonths(6), AsOf), 1);
                    }

                    break;
            }
        }

        /// <summary>Referrals into services that are not tied to one need: most name a headline outcome or a need.</summary>
        private void AddReferrals()
        {
            var count = Weighted([55, 30, 15]);
            for (var i = 0; i < count; i++)
            {
                var date = Between(opened.AddMonths(-12), AsOf);
                var kind = random.NextDouble();
                var member = Chance(0.5) ? Pick([.. members]).Id : null;
                Add(kind switch
                {
                    < 0.6 => new CaseEvent("referral", member, date, Headline: Pick(Headlines)),
                    < 0.9 => new CaseEvent("referral", member, date, Need: Pick(Needs).Code),
                    _ => new CaseEvent("referral", member, date),
                });
            }
        }

        private void Crime(string? who, DateOnly from, DateOnly to, int count, bool youngPerson)
        {
            for (var i = 0; i < count; i++)
            {
                var type = Weighted([40, 22, 10, 28]) switch
                {
                    0 => "offence",
                    1 => "arrest",
                    2 => "named-suspect",
                    _ => "asb",
                };
                var severe = type == "offence" ? Chance(youngPerson ? 0.1 : 0.06) : (bool?)null;
                Add(new CaseEvent(type, who, Between(from, to), Severe: severe));
            }
        }

        private void Suspensions(string? who, DateOnly from, DateOnly to, int count)
        {
            for (var i = 0; i < count; i++)
            {
                var days = Weighted([10, 35, 25, 15, 10, 5]) switch
                {
                    0 => 0.5m,
                    5 => 5m,
                    var d => d,
                };
                Add(new CaseEvent("suspension", who, Weekday(Between(from, to)), Days: days));
            }
        }

        private void AddEvidence(Need need)
        {
            var type = Needs.First(t => t.Code == need.Code);
            var end = End;
            if (end.DayNumber - opened.DayNumber < 45 && Chance(0.7))
            {
                return; // too early in the episode for a review
            }

            // Recorded at closure, or for an open episode at the latest review.
            var reviewed = closed is { } c
                ? Weekday(c.AddDays(-random.Next(0, 21)))
                : Weekday(Between(Max(opened.AddDays(45), need.Identified), AsOf));
            reviewed = Max(Min(reviewed, end), need.Identified);
            var achievedChance = closed is null ? 0.55 : 0.78;
            var member = need.Member is { } m && Chance(0.6) ? m.Id : null;

            var kinds = type.Kinds.Length == 0 ? [Practitioner] : type.Kinds;
            var requireAll = need.Code is "ABU-CSE" or "ABU-CCE" or "ABU-RADICAL";
            foreach (var kind in kinds)
            {
                var present = kind switch
                {
                    Practitioner => Chance(type.Kinds.Length == 0 ? 0.3 : 0.85),
                    Self => Chance(requireAll ? 0.8 : 0.35),
                    Data => Chance(0.2),
                    _ => Chance(0.4),
                };
                if (!present)
                {
                    continue;
                }

                if (kind == Practitioner && Chance(0.2) && reviewed.DayNumber - need.Identified.DayNumber > 60)
                {
                    // An earlier review that found the outcome not yet achieved; the later record stands.
                    var earlier = Weekday(Between(need.Identified.AddDays(30), reviewed.AddDays(-14)));
                    evidence.Add(new Evidence(need.Code, member, earlier, Practitioner, false, Note: Chance(0.5) ? "Progress stalled after a move; to be reviewed" : null));
                }

                if (kind == Measure && type.Instruments.Length > 0)
                {
                    evidence.Add(Measured(need, member, reviewed, Pick(type.Instruments), achievedChance));
                    continue;
                }

                evidence.Add(new Evidence(need.Code, member, reviewed, kind, Chance(achievedChance), Note: Chance(0.3) ? Pick(Notes[type.Headline]) : null));
            }

            if (Chance(0.1))
            {
                evidence.Add(new Evidence(need.Code, member, reviewed, "supplementary", Chance(0.5) ? true : null, Note: Pick(Notes[type.Headline])));
            }
        }

        /// <summary>A validated measure: scored by the engine when it knows the instrument, else the recorded result stands.</summary>
        private Evidence Measured(Need need, string? member, DateOnly date, string instrument, double achievedChance)
        {
            if (!Scored.TryGetValue(instrument, out var scale))
            {
                return new Evidence(need.Code, member, date, Measure, Chance(achievedChance), instrument);
            }

            // Start in the worse part of the range (a clinical score), then move by up to about twice the reliable change.
            var span = scale.Max - scale.Min;
            var worse = scale.LowerBetter ? scale.Min + (int)(span * Uniform(0.45, 0.9)) : scale.Min + (int)(span * Uniform(0.1, 0.45));
            var change = (int)Math.Round(scale.Change * Uniform(-0.5, 2.5));
            var better = scale.LowerBetter ? worse - change : worse + change;
            return new Evidence(need.Code, member, date, Measure, null, instrument, worse, Math.Clamp(better, scale.Min, scale.Max));
        }

        private void Add(string type, string? member, DateOnly from, DateOnly to, int count)
        {
            for (var i = 0; i < count; i++)
            {
                Add(new CaseEvent(type, member, Between(from, to)));
            }
        }

        private void Add(CaseEvent e)
        {
            // Nothing after the evaluation date: the file is an extract taken on that day.
            if (e.Date <= AsOf)
            {
                events.Add(e);
            }
        }

        public void Write(Utf8JsonWriter w)
        {
            w.WriteStartObject();
            w.WriteString("framework", "national-2022");
            w.WriteString("asOf", Date(AsOf));

            w.WriteStartObject("family");
            w.WriteString("id", id);
            w.WriteStartArray("members");
            foreach (var m in members)
            {
                w.WriteStartObject();
                w.WriteString("id", m.Id);
                w.WriteString("dateOfBirth", Date(m.Born));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();

            w.WriteStartObject("episode");
            w.WriteString("opened", Date(opened));
            OptionalDate(w, "closed", closed);
            if (lead is not null)
            {
                w.WriteString("leadPractitioner", lead);
            }

            OptionalDate(w, "wholeFamilyAssessment", assessment);
            OptionalDate(w, "familyPlan", plan);
            w.WriteBoolean("supportReceived", support);
            w.WriteEndObject();

            w.WriteStartArray("needs");
            foreach (var n in needs)
            {
                w.WriteStartObject();
                w.WriteString("code", n.Code);
                if (n.Member is not null)
                {
                    w.WriteString("member", n.Member.Id);
                }

                if (n.IdentifiedRecorded)
                {
                    w.WriteString("identified", Date(n.Identified));
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();

            w.WriteStartArray("attendance");
            foreach (var a in attendance)
            {
                w.WriteStartObject();
                w.WriteString("member", a.Member);
                w.WriteString("academicYear", a.Term.AcademicYear);
                w.WriteString("term", a.Term.TermLabel);
                w.WriteNumber("possibleSessions", a.Possible);
                w.WriteNumber("attendedSessions", a.Attended);
                w.WriteNumber("authorisedAbsence", a.Authorised);
                w.WriteNumber("unauthorisedAbsence", a.Unauthorised);
                w.WriteEndObject();
            }

            w.WriteEndArray();

            w.WriteStartArray("events");
            foreach (var e in events)
            {
                w.WriteStartObject();
                w.WriteString("type", e.Type);
                if (e.Member is not null)
                {
                    w.WriteString("member", e.Member);
                }

                w.WriteString("date", Date(e.Date));
                if (e.Severe is { } severe)
                {
                    w.WriteBoolean("severe", severe);
                }

                if (e.Headline is not null)
                {
                    w.WriteString("headline", e.Headline);
                }

                if (e.Need is not null)
                {
                    w.WriteString("need", e.Need);
                }

                if (e.Days is { } days)
                {
                    w.WriteNumber("days", days);
                }

                if (e.Benefit is not null)
                {
                    w.WriteString("benefit", e.Benefit);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();

            w.WriteStartArray("evidence");
            foreach (var e in evidence)
            {
                w.WriteStartObject();
                w.WriteString("need", e.Need);
                if (e.Member is not null)
                {
                    w.WriteString("member", e.Member);
                }

                w.WriteString("date", Date(e.Date));
                w.WriteString("kind", e.Kind);
                if (e.Achieved is { } achieved)
                {
                    w.WriteBoolean("outcomeAchieved", achieved);
                }

                if (e.Instrument is not null)
                {
                    w.WriteString("instrument", e.Instrument);
                }

                if (e.Before is { } before && e.After is { } after)
                {
                    w.WriteNumber("before", before);
                    w.WriteNumber("after", after);
                }

                if (e.Note is not null)
                {
                    w.WriteString("note", e.Note);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        private static void OptionalDate(Utf8JsonWriter w, string name, DateOnly? date)
        {
            if (date is { } d)
            {
                w.WriteString(name, Date(d));
            }
        }

        private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        private bool Chance(double p) => random.NextDouble() < p;

        private T Pick<T>(T[] items) => items[random.Next(items.Length)];

        private double Uniform(double from, double to) => from + (random.NextDouble() * (to - from));

        private double Normal(double mean, double sd) =>
            mean + (sd * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));

        /// <summary>An index drawn with the given relative weights.</summary>
        private int Weighted(int[] weights)
        {
            var x = random.Next(weights.Sum());
            for (var i = 0; i < weights.Length; i++)
            {
                x -= weights[i];
                if (x < 0)
                {
                    return i;
                }
            }

            return weights.Length - 1;
        }

        /// <summary>A day in (from, to], or <paramref name="to"/> when the range is empty.</summary>
        private DateOnly Between(DateOnly from, DateOnly to) =>
            to > from ? from.AddDays(random.Next(1, to.DayNumber - from.DayNumber + 1)) : to;

        private static DateOnly Weekday(DateOnly date) => date.DayOfWeek switch
        {
            DayOfWeek.Saturday => date.AddDays(-1),
            DayOfWeek.Sunday => date.AddDays(-2),
            _ => date,
        };

        private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

        private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    }
}
