using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using EarlyHelp.Core.Outcomes;

namespace EarlyHelp.Core.Claims;

/// <summary>
/// Chooses the families an auditor checks before a claim is submitted: a share of them (at least one), weighted
/// towards families whose outcomes rest only on practitioner judgement, and reproducible from a seed.
/// </summary>
/// <remarks>
/// Weighted sampling without replacement (Efraimidis and Spirakis): each family gets the key u^(1/weight), with
/// u drawn from SHA-256 of the seed and its reference, and the largest keys are chosen. The same seed and the
/// same families give the same sample in any order, on any machine; a family's chance grows with its weight.
/// </remarks>
public static class AuditSample
{
    public const decimal DefaultShare = 0.10m;

    /// <summary>A family whose outcomes rest only on practitioner judgement is this many times as likely to be drawn.</summary>
    public const double JudgementOnlyWeight = 3.0;

    public sealed record Candidate(string Reference, bool JudgementOnly);

    public static int SizeFor(int families, decimal share) =>
        families == 0 ? 0 : Math.Clamp((int)Math.Ceiling(families * share), 1, families);

    public static IReadOnlyList<string> Choose(IEnumerable<Candidate> families, decimal share, string seed)
    {
        var all = families.ToList();
        var size = SizeFor(all.Count, share);
        return [.. all
            .Select(f => (f.Reference, Key: Math.Log(Uniform(seed, f.Reference)) / (f.JudgementOnly ? JudgementOnlyWeight : 1.0)))
            .OrderByDescending(f => f.Key)
            .ThenBy(f => f.Reference, StringComparer.Ordinal)
            .Take(size)
            .Select(f => f.Reference)];
    }

    /// <summary>
    /// Whether a family's outcomes rest only on practitioner judgement: its case file has no evidence of kind data
    /// or validated measure, and no partner data (attendance or events) for the engine to read.
    /// </summary>
    public static bool RestsOnJudgementOnly(CaseFile file) =>
        file.Attendance.Count == 0
        && file.Events.Count == 0
        && !file.Evidence.Any(e => e.Kind is EvidenceKind.Data or EvidenceKind.ValidatedMeasure);

    /// <summary>A number in (0, 1) from the seed and the reference.</summary>
    private static double Uniform(string seed, string reference)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed + "\u0000" + reference));
        var bits = BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11; // 53 bits: every value exact as a double
        return (bits + 0.5) / (1UL << 53);
    }
}
