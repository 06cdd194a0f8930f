using System.Text.Json.Nodes;
using EarlyHelp.Core.Outcomes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace EarlyHelp.Core.Tests.Outcomes;

/// <summary>
/// Properties of the engine over generated case files: nothing dated after asOf changes the verdict, the
/// order of facts does not matter, and a need never makes a family eligible through a headline it already had.
/// </summary>
public class VerdictPropertyTests
{
    private static readonly string[] NeedCodes = [.. TestFrameworks.Catalog.Get("national-2022").Needs.Keys];
    private static readonly string[] Members = ["mum", "dad", "jay", "amy", "kai"];
    private static readonly string[] Children = ["jay", "amy", "kai"];
    private static readonly string[] EventTypes =
        ["offence", "arrest", "named-suspect", "asb", "domestic-abuse-incident", "missing-episode", "suspension", "permanent-exclusion", "referral", "tenancy-sustained", "eviction-notice", "employment-start", "employment-end", "neet", "eet"];
    private static readonly string[] Kinds = ["data", "practitioner-assessment", "self-assessment", "supplementary"];
    private static readonly string[] Terms = ["autumn", "spring", "summer"];
    private static readonly DateOnly Start = new(2022, 6, 1);

    private static Gen<DateOnly> DateBetween(DateOnly from, DateOnly to) =>
        Gen.Choose(0, to.DayNumber - from.DayNumber).Select(d => from.AddDays(d));

    private static Gen<JsonObject> Event(DateOnly earliest, DateOnly latest) =>
        from type in Gen.Elements(EventTypes)
        from member in Gen.Elements(Members)
        from date in DateBetween(earliest, latest)
        from severe in Gen.Elements(true, false)
        from days in Gen.Choose(1, 5)
        select EventJson(type, member, date, severe, days);

    private static JsonObject EventJson(string type, string member, DateOnly date, bool severe, int days)
    {
        var e = new JsonObject { ["type"] = type, ["member"] = member, ["date"] = date.ToString("yyyy-MM-dd"), ["severe"] = severe };
        if (type == "suspension")
        {
            e["days"] = days;
        }

        if (type == "referral")
        {
            e["headline"] = "abuse-exploitation";
        }

        return e;
    }

    private static Gen<JsonObject> Evidence(DateOnly earliest, DateOnly latest) =>
        from need in Gen.Elements(NeedCodes)
        from kind in Gen.Elements(Kinds)
        from achieved in Gen.Elements(true, false)
        from date in DateBetween(earliest, latest)
        select new JsonObject { ["need"] = need, ["kind"] = kind, ["outcomeAchieved"] = achieved, ["date"] = date.ToString("yyyy-MM-dd") };

    private static Gen<(string Member, int Year, string Term, int Possible, int Attended)> AttendanceRow(int fromYear, int toYear) =>
        from member in Gen.Elements(Children)
        from year in Gen.Choose(fromYear, toYear)
        from term in Gen.Elements(Terms)
        from possible in Gen.Choose(100, 140)
        from attended in Gen.Choose(30, 100)
        select (member, year, term, possible, attended * possible / 100);

    /// <summary>A case judged on a random date, with facts both before and after it.</summary>
    private static Gen<(CaseBuilder Case, DateOnly AsOf)> Cases =>
        from asOf in DateBetween(new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31))
        from needs in Gen.Choose(1, 8).SelectMany(n => Gen.ListOf(Gen.Elements(NeedCodes), n))
        from needMembers in Gen.ListOf(Gen.Elements(Members), 8)
        from closed in Gen.Elements(true, false)
        from events in Gen.Choose(0, 12).SelectMany(n => Gen.ListOf(Event(Start, asOf), n))
        from evidence in Gen.Choose(0, 8).SelectMany(n => Gen.ListOf(Evidence(Start, asOf), n))
        from rows in Gen.Choose(0, 8).SelectMany(n => Gen.ListOf(AttendanceRow(2021, 2024), n))
        select (Build(asOf, needs, needMembers, closed, events, evidence, rows), asOf);

    private static CaseBuilder Build(DateOnly asOf, IList<string> needs, IList<string> members, bool closed, IEnumerable<JsonObject> events, IEnumerable<JsonObject> evidence, IEnumerable<(string Member, int Year, string Term, int Possible, int Attended)> rows)
    {
        var b = new CaseBuilder(asOf: asOf.ToString("yyyy-MM-dd"));
        b.Episode(e => e["closed"] = closed ? "2023-12-15" : null);
        for (var i = 0; i < needs.Count; i++)
        {
            b.Need(needs[i], i % 3 == 0 ? null : members[i], "2023-01-15");
        }

        foreach (var e in events)
        {
            b.Root["events"]!.AsArray().Add(e);
        }

        foreach (var e in evidence)
        {
            b.Root["evidence"]!.AsArray().Add(e);
        }

        foreach (var row in rows.DistinctBy(r => (r.Member, r.Year, r.Term)))
        {
            b.Attendance(row.Member, $"{row.Year}/{(row.Year + 1) % 100:00}", row.Term, row.Possible, row.Attended);
        }

        return b;
    }

    private static string VerdictOf(CaseBuilder b) => VerdictJson.ToJson(TestFrameworks.Evaluate(b.Json));

    [Property(MaxTest = 300)]
    public Property Nothing_dated_after_asOf_changes_the_verdict() =>
        Prop.ForAll(
            Cases.SelectMany(c =>
                from late in Gen.Choose(1, 10).SelectMany(n => Gen.ListOf(Event(c.AsOf.AddDays(1), c.AsOf.AddYears(2)), n))
                from lateEvidence in Gen.Choose(1, 5).SelectMany(n => Gen.ListOf(Evidence(c.AsOf.AddDays(1), c.AsOf.AddYears(2)), n))
                select (c.Case, late, lateEvidence)).ToArbitrary(),
            c =>
            {
                var before = VerdictOf(c.Case);
                foreach (var e in c.late)
                {
                    c.Case.Root["events"]!.AsArray().Add(e);
                }

                foreach (var e in c.lateEvidence)
                {
                    c.Case.Root["evidence"]!.AsArray().Add(e);
                }

                // Attendance for a term that has not ended by asOf is not yet counted either.
                var lateYear = c.Case.Root["asOf"]!.GetValue<string>()[..4];
                c.Case.Root["attendance"]!.AsArray().Add(new JsonObject
                {
                    ["member"] = "amy", ["academicYear"] = $"{int.Parse(lateYear) + 1}/{(int.Parse(lateYear) + 2) % 100:00}", ["term"] = "summer", ["possibleSessions"] = 100, ["attendedSessions"] = 10,
                });
                return VerdictOf(c.Case) == before;
            });

    [Property(MaxTest = 300)]
    public Property The_order_of_events_evidence_and_attendance_does_not_matter() =>
        Prop.ForAll(
            Cases.SelectMany(c => Gen.Choose(0, int.MaxValue).Select(seed => (c.Case, seed))).ToArbitrary(),
            c =>
            {
                var before = VerdictOf(c.Case);
                var random = new Random(c.seed);
                foreach (var list in new[] { "events", "evidence", "attendance" })
                {
                    var items = c.Case.Root[list]!.AsArray().Select(n => n!.DeepClone()).ToArray();
                    random.Shuffle(items);
                    c.Case.Root[list] = new JsonArray(items);
                }

                return VerdictOf(c.Case) == before;
            });

    [Property(MaxTest = 300)]
    public Property A_need_under_a_headline_the_family_already_has_never_makes_it_eligible() =>
        Prop.ForAll(
            Cases.SelectMany(c => Gen.Elements(NeedCodes).Select(code => (c.Case, code))).ToArbitrary(),
            c =>
            {
                var framework = TestFrameworks.Catalog.Get("national-2022");
                var before = TestFrameworks.Evaluate(c.Case.Json);
                var headline = framework.Needs[c.code].HeadlineCode;
                var alreadyHad = before.Eligibility.HeadlineOutcomes.Contains(headline);
                var after = TestFrameworks.Evaluate(c.Case.Need(c.code).Json);
                return !alreadyHad || (after.Eligible == before.Eligible && after.Eligibility.HeadlineOutcomes.SequenceEqual(before.Eligibility.HeadlineOutcomes));
            });
}
