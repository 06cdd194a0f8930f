using System.Buffers.Text;
using System.Diagnostics;
using System.Globalization;
using EarlyHelp.Core.Calendar;

namespace EarlyHelp.Identification.Synthetic;

/// <summary>What <see cref="SyntheticPartnerData.Write"/> wrote.</summary>
public sealed record SynthSummary(long People, long Households, IReadOnlyList<(string File, long Rows, long Bytes)> Files, TimeSpan Time)
{
    public long Rows => Files.Sum(f => f.Rows);
}

/// <summary>
/// Writes synthetic partner files (contracts/datasets.md) for a made-up population: household make-up and ages
/// roughly as England's (2021 Census), school attendance, exclusions, police incidents, benefit claims, NEET
/// tracking, housing, social care and health records at plausible national rates, with disadvantage clustering
/// in some households as it does in life. Nothing describes a real person. The same seed gives the same files:
/// people are made in chunks, each chunk from its own generator, chunks in parallel, written in order.
/// </summary>
public static class SyntheticPartnerData
{
    /// <summary>People a chunk makes; a chunk's people and households are numbered from chunk × this.</summary>
    public const int PeoplePerChunk = 50_000;

    /// <summary>Years of history in the event files (police, health, social care, housing, benefits).</summary>
    public const int HistoryYears = 10;

    /// <summary>Academic years of attendance and exclusions, ending with the one the as-of date falls in.</summary>
    public const int SchoolYears = 12;

    /// <summary>Months of NEET tracking (a record a month for each 16 to 18 year old).</summary>
    public const int NeetMonths = 60;

    internal static readonly string[] Files =
    [
        "people.csv", "attendance.csv", "exclusions.csv", "police.csv", "benefits.csv", "neet.csv", "housing.csv", "social_care.csv", "health.csv",
    ];

    private static readonly string[] Headers =
    [
        "person_id,family_id,date_of_birth,expected_baby_due",
        "person_id,academic_year,term,possible_sessions,attended_sessions,authorised_absence,unauthorised_absence",
        "person_id,date,kind,days",
        "person_id,date,type,role,severe",
        "person_id,start_date,end_date,benefit,out_of_work",
        "person_id,date,status",
        "family_id,date,status",
        "person_id,start_date,end_date,type",
        "person_id,date,flag",
    ];

    public static SynthSummary Write(long people, string directory, long seed, DateOnly asOf, TextWriter? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(people, 1);
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(directory);
        var streams = Files.Select(f => new FileStream(Path.Combine(directory, f), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20)).ToArray();
        var rows = new long[Files.Length];
        var households = 0L;
        try
        {
            for (var i = 0; i < Files.Length; i++)
            {
                streams[i].Write(System.Text.Encoding.ASCII.GetBytes(Headers[i] + "\n"));
            }

            var chunks = (int)((people + PeoplePerChunk - 1) / PeoplePerChunk);
            var batch = Math.Max(2, Environment.ProcessorCount * 2);
            var world = new World(asOf);
            var lastReport = Stopwatch.GetTimestamp();
            for (var start = 0; start < chunks; start += batch)
            {
                var count = Math.Min(batch, chunks - start);
                var made = new Chunk[count];
                Parallel.For(0, count, i =>
                {
                    var c = start + i;
                    var quota = (int)Math.Min(PeoplePerChunk, people - ((long)c * PeoplePerChunk));
                    made[i] = new Chunk(world, new Rng(seed, c), c, quota);
                    made[i].Make();
                });

                foreach (var chunk in made)
                {
                    for (var f = 0; f < Files.Length; f++)
                    {
                        streams[f].Write(chunk.Output[f].Written);
                        rows[f] += chunk.Output[f].Rows;
                    }

                    households += chunk.Households;
                }

                if (progress is not null && Stopwatch.GetElapsedTime(lastReport) > TimeSpan.FromSeconds(5))
                {
                    lastReport = Stopwatch.GetTimestamp();
                    var done = Math.Min(people, (long)(start + count) * PeoplePerChunk);
                    progress.WriteLine($"synth: {clock.Elapsed:m\\:ss} {done.ToString("N0", CultureInfo.InvariantCulture)} of {people.ToString("N0", CultureInfo.InvariantCulture)} people");
                }
            }
        }
        finally
        {
            foreach (var s in streams)
            {
                s.Dispose();
            }
        }

        var files = Files.Select((f, i) => (f, rows[i], new FileInfo(Path.Combine(directory, f)).Length)).ToList();
        return new SynthSummary(people, households, files, clock.Elapsed);
    }

    /// <summary>Dates and terms every chunk shares.</summary>
    internal sealed class World
    {
        public World(DateOnly asOf)
        {
            AsOf = asOf;
            AsOfDay = asOf.DayNumber;
            HistoryStart = asOf.AddYears(-HistoryYears).DayNumber;
            var current = SchoolCalendar.England.TermContaining(asOf);
            var firstYear = current.AcademicYearStart - SchoolYears + 1;
            var terms = new List<(SchoolTerm Term, int Start, int End, bool Ended)>();
            for (var t = new SchoolTerm(firstYear, TermName.Autumn); t <= current; t = t.Next)
            {
                var start = SchoolCalendar.England.Start(t).DayNumber;
                var end = SchoolCalendar.England.End(t).DayNumber;
                if (start <= AsOfDay)
                {
                    terms.Add((t, start, end, end <= AsOfDay));
                }
            }

            Terms = [.. terms];
        }

        public DateOnly AsOf { get; }

        public int AsOfDay { get; }

        public int HistoryStart { get; }

        public (SchoolTerm Term, int Start, int End, bool Ended)[] Terms { get; }
    }

    /// <summary>A person being made: their number (1-based, across the whole population), birth and age.</summary>
    private readonly record struct Person(long Number, int Born, int Age);

    /// <summary>One chunk's people and their rows, as bytes ready to write.</summary>
    private sealed class Chunk(World world, Rng rng, int index, int quota)
    {
        public Output[] Output { get; } = [.. Files.Select(_ => new Output())];

        public long Households { get; private set; }

        private long nextPerson = ((long)index * PeoplePerChunk) + 1;
        private long nextFamily = ((long)index * PeoplePerChunk) + 1;

        private Output PeopleOut => Output[0];

        private Output Attendance => Output[1];

        private Output Exclusions => Output[2];

        private Output Police => Output[3];

        private Output Benefits => Output[4];

        private Output Neet => Output[5];

        private Output Housing => Output[6];

        private Output SocialCare => Output[7];

        private Output Health => Output[8];

        public void Make()
        {
            var left = quota;
            var ages = new List<int>(12);
            while (left > 0)
            {
                ages.Clear();
                var kind = Compose(ages);
                if (ages.Count > left)
                {
                    ages.RemoveRange(left, ages.Count - left);
                }

                left -= ages.Count;
                MakeHousehold(kind, ages);
            }
        }

        private enum Kind
        {
            Single,
            Couple,
            CoupleWithChildren,
            LoneParent,
            GrownUpChildren,
            Sharers,
            ThreeGenerations,
        }

        /// <summary>Household make-up, roughly as the 2021 Census found it in England (average size about 2.4).</summary>
        private Kind Compose(List<int> ages)
        {
            ReadOnlySpan<double> weights = [30, 26, 18, 7, 8, 8, 3];
            var kind = (Kind)rng.Pick(weights);
            switch (kind)
            {
                case Kind.Single:
                    ages.Add(AdultAge(18, 95, older: true));
                    break;
                case Kind.Couple:
                    var a = AdultAge(20, 92, older: true);
                    ages.Add(a);
                    ages.Add(Math.Clamp(a + rng.Between(-6, 6), 18, 99));
                    break;
                case Kind.CoupleWithChildren:
                case Kind.LoneParent:
                    var children = Children(kind == Kind.LoneParent);
                    var eldest = children.Max();
                    var parent = eldest + rng.Between(20, 38);
                    ages.Add(parent);
                    if (kind == Kind.CoupleWithChildren)
                    {
                        ages.Add(Math.Max(eldest + 17, parent + rng.Between(-5, 5)));
                    }

                    ages.AddRange(children);
                    break;
                case Kind.GrownUpChildren:
                    var grown = rng.Between(18, 30);
                    var p = grown + rng.Between(22, 38);
                    ages.Add(p);
                    if (rng.Chance(0.7))
                    {
                        ages.Add(p + rng.Between(-4, 4));
                    }

                    ages.Add(grown);
                    if (rng.Chance(0.35))
                    {
                        ages.Add(Math.Max(18, grown - rng.Between(1, 6)));
                    }

                    break;
                case Kind.Sharers:
                    var n = rng.Between(2, 4);
                    for (var i = 0; i < n; i++)
                    {
                        ages.Add(rng.Between(18, 40));
                    }

                    break;
                default:
                    var kids = Children(false);
                    var mother = kids.Max() + rng.Between(20, 36);
                    ages.Add(mother);
                    if (rng.Chance(0.6))
                    {
                        ages.Add(mother + rng.Between(-4, 4));
                    }

                    ages.Add(Math.Min(99, mother + rng.Between(20, 32)));
                    ages.AddRange(kids);
                    break;
            }

            return kind;
        }

        private List<int> Children(bool loneParent)
        {
            ReadOnlySpan<double> couple = [44, 39, 12, 4, 1];
            ReadOnlySpan<double> lone = [50, 33, 12, 4, 1];
            var count = rng.Pick(loneParent ? lone : couple) + 1;
            var youngest = rng.Between(0, 17 - Math.Min(12, 2 * (count - 1)));
            var list = new List<int>(count) { youngest };
            for (var i = 1; i < count; i++)
            {
                list.Add(Math.Min(17, list[^1] + rng.Between(1, 4)));
            }

            return list;
        }

        private int AdultAge(int from, int to, bool older)
        {
            // Adults living alone or as a couple are older on average: weight the draw towards the top.
            var u = older ? Math.Sqrt(rng.Next()) : rng.Next();
            return from + (int)(u * (to - from + 1));
        }

        private void MakeHousehold(Kind kind, List<int> ages)
        {
            Households++;
            var family = nextFamily++;
            var children = ages.Count(a => a < 18);

            // Disadvantage clusters: one household factor (mean 1, long right tail) scales every rate below.
            var risk = Math.Exp((0.9 * rng.Normal()) - 0.405);
            risk *= kind switch { Kind.LoneParent => 1.8, Kind.CoupleWithChildren => 0.9, Kind.Sharers => 1.2, _ => 1.0 };
            if (children >= 3)
            {
                risk *= 1.3;
            }

            risk = Math.Min(risk, 25);
            var people = new Person[ages.Count];
            for (var i = 0; i < ages.Count; i++)
            {
                var born = world.AsOf.AddYears(-ages[i]).AddDays(-rng.Next(365)).DayNumber;
                people[i] = new Person(nextPerson++, born, ages[i]);
            }

            // An expected baby: about one household in fifty with an adult of child-bearing age.
            var expecting = -1;
            for (var i = 0; i < people.Length && expecting < 0; i++)
            {
                if (people[i].Age is >= 18 and <= 44 && rng.Chance(kind is Kind.Couple or Kind.CoupleWithChildren ? 0.04 : 0.012))
                {
                    expecting = i;
                }
            }

            for (var i = 0; i < people.Length; i++)
            {
                var p = people[i];
                var o = PeopleOut;
                o.Id('P', p.Number).Comma().Id('F', family).Comma().Date(p.Born).Comma();
                if (i == expecting)
                {
                    o.Date(world.AsOfDay + rng.Between(7, 270));
                }

                o.End();
            }

            for (var i = 0; i < people.Length; i++)
            {
                var p = people[i];
                School(p, risk);
                PoliceRecords(p, risk);
                BenefitClaims(p, risk, i == 0 && children > 0, people);
                NeetTracking(p, risk);
                SocialCareEpisodes(p, risk);
                HealthConcerns(p, risk);
            }

            DomesticAbuse(people, risk);
            HousingEvents(family, risk * (children > 0 ? 1.5 : 0.7));
        }

        private int AgeOn(Person p, int day)
        {
            var born = DateOnly.FromDayNumber(p.Born);
            var on = DateOnly.FromDayNumber(day);
            var age = on.Year - born.Year;
            return on.Month < born.Month || (on.Month == born.Month && on.Day < born.Day) ? age - 1 : age;
        }

        private int Day(int from, int to) => from + rng.Next(Math.Max(1, to - from + 1));

        /// <summary>Attendance a term for each year of school (reception to year 11), and suspensions.</summary>
        private void School(Person p, double risk)
        {
            // Absence: most pupils miss about 5% of sessions, one in five 10% or more (persistently absent) and
            // about one in fifty half or more (severely absent), as the national figures have it.
            var absence = Math.Exp(Math.Log(0.045) + (0.75 * rng.Normal())) * Math.Sqrt(risk);
            if (rng.Chance(0.012 * risk))
            {
                absence = 0.5 + (0.45 * rng.Next());
            }

            absence = Math.Min(absence, 0.97);
            var behaviour = risk * Math.Exp((1.1 * rng.Normal()) - 0.6);
            foreach (var (term, start, end, ended) in world.Terms)
            {
                var schoolAge = AgeOn(p, new DateOnly(term.AcademicYearStart, 8, 31).DayNumber);
                if (schoolAge is < 4 or > 15)
                {
                    continue;
                }

                if (ended)
                {
                    var possible = term.Name switch { TermName.Autumn => rng.Between(138, 146), TermName.Spring => rng.Between(112, 126), _ => rng.Between(118, 130) };
                    if (rng.Chance(0.03))
                    {
                        possible = (int)(possible * (0.3 + (0.6 * rng.Next()))); // joined or left mid-term
                    }

                    var rate = Math.Min(0.99, absence * Math.Exp(0.3 * rng.Normal()));
                    var absent = (int)Math.Round(possible * rate);
                    var authorisedShare = rate < 0.1 ? 0.7 : rate < 0.3 ? 0.5 : 0.3;
                    var authorised = (int)Math.Round(absent * authorisedShare);
                    var o = Attendance;
                    o.Id('P', p.Number).Comma().Text(term.AcademicYear).Comma().Text(term.TermLabel).Comma()
                        .Int(possible).Comma().Int(possible - absent).Comma().Int(authorised).Comma().Int(absent - authorised).End();
                }

                // Suspensions: about one pupil in ten a year, mostly at secondary school, concentrated in a few.
                var secondary = schoolAge >= 11;
                var suspensions = rng.Poisson(0.035 * behaviour * (secondary ? 2.0 : 0.4));
                var last = Math.Min(end, world.AsOfDay);
                for (var s = 0; s < suspensions; s++)
                {
                    ReadOnlySpan<double> lengths = [10, 45, 20, 15, 10];
                    var days = rng.Pick(lengths) switch { 0 => "0.5", 1 => "1", 2 => "2", 3 => "3", _ => "5" };
                    Exclusions.Id('P', p.Number).Comma().Date(Weekday(start, last)).Comma().Text("suspension").Comma().Text(days).End();
                }

                if (rng.Chance(0.0004 * behaviour * (secondary ? 2.5 : 0.3)))
                {
                    Exclusions.Id('P', p.Number).Comma().Date(Weekday(start, last)).Comma().Text("permanent").Comma().End();
                }
            }
        }

        private int Weekday(int from, int to)
        {
            var day = Day(from, to);
            var dow = DateOnly.FromDayNumber(day).DayOfWeek;
            return dow == DayOfWeek.Saturday ? Math.Max(from, day - 1) : dow == DayOfWeek.Sunday ? Math.Max(from, day - 2) : day;
        }

        /// <summary>Offences, arrests, named suspects and ASB as subject, and victims of offences; missing children.</summary>
        private void PoliceRecords(Person p, double risk)
        {
            var from = Math.Max(world.HistoryStart, p.Born);
            var years = (world.AsOfDay - from) / 365.25;
            var involvement = Math.Pow(risk, 1.5) * Math.Exp((1.2 * rng.Normal()) - 0.72);
            var ageNow = p.Age;
            if (ageNow >= 10)
            {
                var rate = (ageNow < 18 ? 0.05 : ageNow < 30 ? 0.06 : ageNow < 60 ? 0.035 : 0.008) * involvement;
                var incidents = rng.Poisson(rate * years);
                for (var i = 0; i < incidents; i++)
                {
                    ReadOnlySpan<double> types = [34, 18, 14, 34];
                    var type = rng.Pick(types) switch { 0 => "offence", 1 => "arrest", 2 => "named-suspect", _ => "asb" };
                    var day = Day(Math.Max(from, p.Born + 3653), world.AsOfDay);
                    Police.Id('P', p.Number).Comma().Date(day).Comma().Text(type).Comma().Text(rng.Chance(0.8) ? "subject" : "perpetrator").Comma()
                        .Text(type == "offence" && rng.Chance(0.06) ? "1" : "0").End();
                }
            }

            var victimisations = rng.Poisson(0.05 * Math.Sqrt(risk) * years);
            for (var i = 0; i < victimisations; i++)
            {
                Police.Id('P', p.Number).Comma().Date(Day(from, world.AsOfDay)).Comma().Text(rng.Chance(0.7) ? "offence" : "asb").Comma().Text("victim").Comma()
                    .Text(rng.Chance(0.04) ? "1" : "0").End();
            }

            if (ageNow is >= 10 and <= 19 && rng.Chance(0.01 * risk))
            {
                var episodes = 1 + rng.Poisson(1.5);
                for (var i = 0; i < episodes; i++)
                {
                    var day = Day(Math.Max(from, p.Born + 3653), Math.Min(world.AsOfDay, p.Born + 6574));
                    Police.Id('P', p.Number).Comma().Date(day).Comma().Text("missing").Comma().Text("subject").Comma().Text("0").End();
                }
            }
        }

        /// <summary>Domestic abuse incidents between adults of the household, with child to parent violence now and then.</summary>
        private void DomesticAbuse(Person[] people, double risk)
        {
            var adults = people.Where(p => p.Age >= 16).ToList();
            var years = HistoryYears;
            if (adults.Count >= 1)
            {
                var incidents = rng.Poisson(0.02 * risk * years * (adults.Count >= 2 ? 1.0 : 0.5));
                for (var i = 0; i < incidents; i++)
                {
                    var day = Day(world.HistoryStart, world.AsOfDay);
                    var victim = adults[rng.Next(adults.Count)];
                    Police.Id('P', victim.Number).Comma().Date(day).Comma().Text("domestic-abuse").Comma().Text("victim").Comma().Text("0").End();
                    if (adults.Count >= 2)
                    {
                        var perpetrator = adults.First(a => a.Number != victim.Number);
                        Police.Id('P', perpetrator.Number).Comma().Date(day).Comma().Text("domestic-abuse").Comma().Text("perpetrator").Comma().Text(rng.Chance(0.05) ? "1" : "0").End();
                    }
                }
            }

            var teenager = people.Where(p => p.Age is >= 12 and <= 17).ToList();
            if (teenager.Count > 0 && adults.Any(a => a.Age >= 25) && rng.Chance(0.004 * risk * years))
            {
                var day = Day(world.AsOfDay - 700, world.AsOfDay);
                var child = teenager[rng.Next(teenager.Count)];
                var parent = adults.First(a => a.Age >= 25);
                Police.Id('P', child.Number).Comma().Date(day).Comma().Text("domestic-abuse").Comma().Text("perpetrator").Comma().Text("0").End();
                Police.Id('P', parent.Number).Comma().Date(day).Comma().Text("domestic-abuse").Comma().Text("victim").Comma().Text("0").End();
            }
        }

        /// <summary>Benefit claims: out of work (Universal Credit and legacy), in work, child benefit, disability, pension.</summary>
        private void BenefitClaims(Person p, double risk, bool claimsChildBenefit, Person[] household)
        {
            if (p.Age < 18)
            {
                return;
            }

            var start = Math.Max(world.HistoryStart, p.Born + 6575);
            if (p.Age < 66)
            {
                if (rng.Chance(Math.Min(0.6, 0.06 * Math.Pow(risk, 0.8))))
                {
                    ReadOnlySpan<double> kinds = [85, 10, 5];
                    var benefit = rng.Pick(kinds) switch { 0 => "universal-credit", 1 => "employment-support-allowance", _ => "jobseekers-allowance" };
                    Claim(p, Day(start, world.AsOfDay - 30), null, benefit, true);
                }

                var past = start < world.AsOfDay - 90 ? rng.Poisson(0.15 * Math.Sqrt(risk)) : 0;
                for (var i = 0; i < past; i++)
                {
                    var from = Day(start, world.AsOfDay - 90);
                    Claim(p, from, Math.Min(world.AsOfDay - 1, from + rng.Between(30, 540)), rng.Chance(0.8) ? "universal-credit" : "jobseekers-allowance", true);
                }

                if (rng.Chance(0.07))
                {
                    Claim(p, Day(start, world.AsOfDay), null, "universal-credit", false);
                }

                if (rng.Chance(0.05 * Math.Sqrt(risk)))
                {
                    Claim(p, Day(start, world.AsOfDay), null, "housing-benefit", false);
                }

                if (rng.Chance(0.02))
                {
                    Claim(p, Day(start, world.AsOfDay), null, "carers-allowance", false);
                }
            }
            else
            {
                Claim(p, Math.Max(start, p.Born + 24107), null, "state-pension", false);
            }

            if (rng.Chance(0.06))
            {
                Claim(p, Day(start, world.AsOfDay), null, "personal-independence-payment", false);
            }

            if (claimsChildBenefit)
            {
                var eldest = household.Where(h => h.Age < 18).Max(h => p.Age - h.Age);
                Claim(p, Math.Max(start, world.AsOf.AddYears(-(p.Age - eldest)).DayNumber), null, "child-benefit", false);
            }
        }

        private void Claim(Person p, int start, int? end, string benefit, bool outOfWork)
        {
            var o = Benefits;
            o.Id('P', p.Number).Comma().Date(start).Comma();
            if (end is { } e)
            {
                o.Date(e);
            }

            o.Comma().Text(benefit).Comma().Text(outOfWork ? "1" : "0").End();
        }

        /// <summary>A record a month while 16 to 18 (the local authority's tracking of young people's activity).</summary>
        private void NeetTracking(Person p, double risk)
        {
            if (p.Age is < 16 or > 23)
            {
                return;
            }

            var status = 0; // 0 eet, 1 neet, 2 not known
            var pNeet = Math.Min(0.5, 0.04 * risk);
            for (var m = NeetMonths - 1; m >= 0; m--)
            {
                var day = new DateOnly(world.AsOf.Year, world.AsOf.Month, 1).AddMonths(-m).DayNumber;
                var age = AgeOn(p, day);
                if (age is < 16 or > 18)
                {
                    continue;
                }

                if (rng.Chance(0.15))
                {
                    var u = rng.Next();
                    status = u < pNeet ? 1 : u < pNeet + 0.02 ? 2 : 0;
                }

                Neet.Id('P', p.Number).Comma().Date(day).Comma().Text(status switch { 1 => "neet", 2 => "not-known", _ => "eet" }).End();
            }
        }

        /// <summary>Early help, child in need, child protection and looked after episodes for children.</summary>
        private void SocialCareEpisodes(Person p, double risk)
        {
            if (p.Age > 23)
            {
                return;
            }

            var from = Math.Max(world.HistoryStart, p.Born);
            var to = Math.Min(world.AsOfDay, p.Born + 6574);
            if (to <= from)
            {
                return;
            }

            var years = (to - from) / 365.25;
            Episodes(p, "early-help", 0.025 * risk * years, 60, 300, from, to);
            Episodes(p, "cin", 0.02 * risk * years, 90, 500, from, to);
            Episodes(p, "cp", 0.004 * risk * years, 120, 450, from, to);
            Episodes(p, "cla", 0.002 * risk * years, 180, 1500, from, to);
        }

        private void Episodes(Person p, string type, double mean, int shortest, int longest, int from, int to)
        {
            var n = rng.Poisson(mean);
            for (var i = 0; i < n; i++)
            {
                var start = Day(from, to);
                var end = start + rng.Between(shortest, longest);
                var o = SocialCare;
                o.Id('P', p.Number).Comma().Date(start).Comma();
                if (end <= world.AsOfDay)
                {
                    o.Date(end);
                }

                o.Comma().Text(type).End();
            }
        }

        /// <summary>Health concerns shared under a data sharing agreement.</summary>
        private void HealthConcerns(Person p, double risk)
        {
            var from = Math.Max(world.HistoryStart, p.Born);
            var years = (world.AsOfDay - from) / 365.25;
            var r = Math.Sqrt(risk);
            if (p.Age >= 18)
            {
                Concerns(p, "adult-mental-health", 0.04 * r * years, from);
                Concerns(p, "adult-substance", 0.008 * risk * years, from);
            }
            else
            {
                if (p.Age >= 5)
                {
                    Concerns(p, "child-mental-health", 0.03 * r * years, from);
                }

                if (p.Age >= 13)
                {
                    Concerns(p, "child-substance", 0.004 * risk * years, from);
                }

                if (p.Age <= 6)
                {
                    Concerns(p, "developmental", 0.04 * r * years, from);
                }
            }

            Concerns(p, "physical-health", 0.025 * years, from);
        }

        private void Concerns(Person p, string flag, double mean, int from)
        {
            var n = rng.Poisson(mean);
            for (var i = 0; i < n; i++)
            {
                Health.Id('P', p.Number).Comma().Date(Day(from, world.AsOfDay)).Comma().Text(flag).End();
            }
        }

        /// <summary>Eviction notices and homelessness applications, some leading to temporary accommodation.</summary>
        private void HousingEvents(long family, double risk)
        {
            var episodes = rng.Poisson(0.01 * risk * HistoryYears);
            for (var i = 0; i < episodes; i++)
            {
                var day = Day(world.HistoryStart, world.AsOfDay);
                var o = Housing;
                if (rng.Chance(0.55))
                {
                    o.Id('F', family).Comma().Date(day).Comma().Text("eviction-notice").End();
                    day += rng.Between(20, 120);
                    if (day > world.AsOfDay)
                    {
                        continue;
                    }

                    if (rng.Chance(0.6))
                    {
                        o.Id('F', family).Comma().Date(day).Comma().Text("settled").End();
                        continue;
                    }
                }

                o.Id('F', family).Comma().Date(day).Comma().Text("homelessness-application").End();
                day += rng.Between(10, 90);
                if (day > world.AsOfDay || rng.Chance(0.4))
                {
                    continue;
                }

                o.Id('F', family).Comma().Date(day).Comma().Text("temporary-accommodation").End();
                day += rng.Between(60, 600);
                if (day > world.AsOfDay)
                {
                    continue;
                }

                o.Id('F', family).Comma().Date(day).Comma().Text(rng.Chance(0.2) ? "at-risk-of-losing-ta" : "settled").End();
            }
        }
    }

    /// <summary>One file's bytes for one chunk, written with the UTF-8 formatters.</summary>
    private sealed class Output
    {
        private byte[] buffer = new byte[1 << 16];
        private int length;

        public long Rows { get; private set; }

        public ReadOnlySpan<byte> Written => buffer.AsSpan(0, length);

        public Output Id(char prefix, long number)
        {
            Ensure(16);
            buffer[length++] = (byte)prefix;
            Utf8Formatter.TryFormat(number, buffer.AsSpan(length), out var n, new System.Buffers.StandardFormat('D', prefix == 'P' ? (byte)9 : (byte)8));
            length += n;
            return this;
        }

        public Output Date(int dayNumber)
        {
            Ensure(10);
            var d = DateOnly.FromDayNumber(dayNumber);
            Four(d.Year);
            buffer[length++] = (byte)'-';
            Two(d.Month);
            buffer[length++] = (byte)'-';
            Two(d.Day);
            return this;
        }

        public Output Int(int value)
        {
            Ensure(11);
            Utf8Formatter.TryFormat(value, buffer.AsSpan(length), out var n);
            length += n;
            return this;
        }

        public Output Text(string text)
        {
            Ensure(text.Length);
            foreach (var c in text)
            {
                buffer[length++] = (byte)c;
            }

            return this;
        }

        public Output Comma()
        {
            Ensure(1);
            buffer[length++] = (byte)',';
            return this;
        }

        public void End()
        {
            Ensure(1);
            buffer[length++] = (byte)'\n';
            Rows++;
        }

        private void Four(int v)
        {
            buffer[length++] = (byte)('0' + (v / 1000));
            buffer[length++] = (byte)('0' + (v / 100 % 10));
            buffer[length++] = (byte)('0' + (v / 10 % 10));
            buffer[length++] = (byte)('0' + (v % 10));
        }

        private void Two(int v)
        {
            buffer[length++] = (byte)('0' + (v / 10));
            buffer[length++] = (byte)('0' + (v % 10));
        }

        private void Ensure(int more)
        {
            if (length + more > buffer.Length)
            {
                Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + more));
            }
        }
    }
}
