using System.Text;
using EarlyHelp.Core.Calendar;
using EarlyHelp.Core.Frameworks;

namespace EarlyHelp.Identification;

/// <summary>A household with at least one need the partner data shows.</summary>
public sealed record Candidate(string FamilyId, bool Eligible, int HeadlineOutcomes, IReadOnlyList<string> Needs, string Reasons);

/// <summary>What a run found: candidates in output order and the counts for the summary.</summary>
public sealed record IdentificationResult(IReadOnlyList<Candidate> Candidates, int Households, int HouseholdsWithChildren)
{
    public int Eligible => Candidates.Count(c => c.Eligible);
}

/// <summary>
/// Finds, for every household, the needs the partner data shows on the as-of date by the framework's
/// identification rules. Only households with a dependent child (under 18) or an expected baby are candidates.
/// Households are evaluated in parallel; the order of the output does not depend on it.
/// </summary>
public sealed class IdentificationEngine
{
    private readonly Framework framework;
    private readonly DateOnly asOf;
    private readonly (NeedDefinition Need, int Headline, Check Check)[] needs;

    public IdentificationEngine(Framework framework, DateOnly asOf, SchoolCalendar calendar)
    {
        this.framework = framework;
        this.asOf = asOf;
        var headlines = framework.HeadlineOutcomes.Select((h, i) => (h.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        needs = [.. framework.HeadlineOutcomes
            .SelectMany(h => h.Needs)
            .Where(n => n.Identification is not null)
            .Select(n => (n, headlines[n.HeadlineCode], Check.Compile(n.Identification!, asOf, calendar)))];
    }

    /// <summary>The rules, for the reader to know which files and how far back are needed.</summary>
    public IEnumerable<IdentificationRule> Rules => needs.Select(n => n.Need.Identification!);

    public int RuleCount => needs.Length;

    public IdentificationResult Run(PartnerData data, IdentificationProgress? progress = null)
    {
        var run = new RunContext(data, asOf);
        const int Chunk = 16384;
        var chunks = (data.Households + Chunk - 1) / Chunk;
        var found = new List<(int Family, Candidate Candidate)>[chunks];
        var withChildren = new int[chunks];
        progress?.Evaluating(data.Households);
        Parallel.For(0, chunks, c =>
        {
            var list = new List<(int, Candidate)>();
            // Room for any household's reasons in one piece: checks cut back what they added when a person
            // does not show the need, which on a builder grown in pieces copies the pieces.
            var reasons = new StringBuilder(1 << 16);
            var shown = new List<int>(needs.Length);
            var end = Math.Min(data.Households, (c + 1) * Chunk);
            for (var f = c * Chunk; f < end; f++)
            {
                if (!HasDependantOrExpectedBaby(run, f))
                {
                    continue;
                }

                withChildren[c]++;
                shown.Clear();
                for (var n = 0; n < needs.Length; n++)
                {
                    if (needs[n].Check.Shows(run, f, null))
                    {
                        shown.Add(n);
                    }
                }

                if (shown.Count > 0)
                {
                    list.Add((f, Describe(run, f, shown, reasons)));
                }
            }

            found[c] = list;
            progress?.Evaluated(end - (c * Chunk));
        });

        return new IdentificationResult(InOutputOrder([.. found.SelectMany(l => l)], data.FamilyTable.Ascending), data.Households, withChildren.Sum());
    }

    /// <summary>
    /// Most needs first; then most headline outcomes; then family_id in ordinal (byte) order, so the output is
    /// the same on every run and machine.
    /// </summary>
    public static int OutputOrder(Candidate a, Candidate b)
    {
        var byNeeds = b.Needs.Count.CompareTo(a.Needs.Count);
        if (byNeeds != 0)
        {
            return byNeeds;
        }

        var byHeadlines = b.HeadlineOutcomes.CompareTo(a.HeadlineOutcomes);
        return byHeadlines != 0 ? byHeadlines : string.CompareOrdinal(a.FamilyId, b.FamilyId);
    }

    /// <summary>
    /// The candidates in <see cref="OutputOrder"/>. When people.csv gave its households in ascending order of
    /// family_id, their numbers are in that order too, so the sort compares numbers instead of strings.
    /// </summary>
    private static List<Candidate> InOutputOrder((int Family, Candidate Candidate)[] found, bool familiesAscending)
    {
        if (!familiesAscending)
        {
            var candidates = found.Select(f => f.Candidate).ToList();
            candidates.Sort(OutputOrder);
            return candidates;
        }

        var keys = Array.ConvertAll(found, f => ((long)(byte.MaxValue - Math.Min(f.Candidate.Needs.Count, byte.MaxValue)) << 48)
            | ((long)(byte.MaxValue - f.Candidate.HeadlineOutcomes) << 40) | (uint)f.Family);
        var sorted = Array.ConvertAll(found, f => f.Candidate);
        Array.Sort(keys, sorted);
        return [.. sorted];
    }

    private static bool HasDependantOrExpectedBaby(RunContext run, int family)
    {
        var data = run.Data;
        for (var i = data.MemberOffsets[family]; i < data.MemberOffsets[family + 1]; i++)
        {
            var person = data.Members[i];
            var age = run.Age[person];
            if ((age is >= 0 and < 18) || (age >= 0 && data.ExpectedBabyDue[person] >= run.AsOf))
            {
                return true;
            }
        }

        return false;
    }

    private Candidate Describe(RunContext run, int family, List<int> shown, StringBuilder reasons)
    {
        reasons.Clear();
        var codes = new string[shown.Count];
        var headlines = 0UL;
        for (var i = 0; i < shown.Count; i++)
        {
            var (need, headline, check) = needs[shown[i]];
            codes[i] = need.Code;
            headlines |= 1UL << headline;
            if (i > 0)
            {
                reasons.Append(" | ");
            }

            reasons.Append(need.Code).Append(": ");
            check.Shows(run, family, reasons);
        }

        var count = System.Numerics.BitOperations.PopCount(headlines);
        return new Candidate(run.Data.FamilyTable[family].ToString(), count >= framework.MinimumHeadlineOutcomes, count, codes, reasons.ToString());
    }
}

/// <summary>Writes candidates as CSV (RFC 4180): family_id, eligible, headline_outcomes, needs, reasons.</summary>
public static class CandidateWriter
{
    public static void Write(TextWriter output, IEnumerable<Candidate> candidates)
    {
        output.Write("family_id,eligible,headline_outcomes,needs,reasons\n");
        foreach (var c in candidates)
        {
            Field(output, c.FamilyId);
            output.Write(c.Eligible ? ",1," : ",0,");
            output.Write(c.HeadlineOutcomes);
            output.Write(',');
            Field(output, string.Join(';', c.Needs));
            output.Write(',');
            Field(output, c.Reasons);
            output.Write('\n');
        }
    }

    private static void Field(TextWriter output, string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            output.Write(value);
            return;
        }

        output.Write('"');
        output.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        output.Write('"');
    }
}
