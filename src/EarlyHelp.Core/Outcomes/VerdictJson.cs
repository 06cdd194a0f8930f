using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EarlyHelp.Core.Outcomes;

/// <summary>Writes verdicts in the shape contracts/evaluate.md fixes; fields with nothing to say are left out.</summary>
/// <remarks>
/// Property names and fixed values are encoded once, and dates are formatted straight into UTF-8, as
/// <c>evaluate --batch</c> writes hundreds of thousands of verdicts; the bytes written are the same.
/// </remarks>
public static class VerdictJson
{
    private static readonly JsonEncodedText Framework = JsonEncodedText.Encode("framework");
    private static readonly JsonEncodedText AsOf = JsonEncodedText.Encode("asOf");
    private static readonly JsonEncodedText Family = JsonEncodedText.Encode("family");
    private static readonly JsonEncodedText Eligible = JsonEncodedText.Encode("eligible");
    private static readonly JsonEncodedText EligibilityName = JsonEncodedText.Encode("eligibility");
    private static readonly JsonEncodedText HeadlineOutcomes = JsonEncodedText.Encode("headlineOutcomes");
    private static readonly JsonEncodedText Required = JsonEncodedText.Encode("required");
    private static readonly JsonEncodedText TeamAroundTheFamilyName = JsonEncodedText.Encode("teamAroundTheFamily");
    private static readonly JsonEncodedText Allowed = JsonEncodedText.Encode("allowed");
    private static readonly JsonEncodedText Needs = JsonEncodedText.Encode("needs");
    private static readonly JsonEncodedText Code = JsonEncodedText.Encode("code");
    private static readonly JsonEncodedText Member = JsonEncodedText.Encode("member");
    private static readonly JsonEncodedText Headline = JsonEncodedText.Encode("headline");
    private static readonly JsonEncodedText StatusName = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText MetOn = JsonEncodedText.Encode("metOn");
    private static readonly JsonEncodedText ExpectedOn = JsonEncodedText.Encode("expectedOn");
    private static readonly JsonEncodedText Reasons = JsonEncodedText.Encode("reasons");
    private static readonly JsonEncodedText Claim = JsonEncodedText.Encode("claim");
    private static readonly JsonEncodedText EarliestDate = JsonEncodedText.Encode("earliestDate");
    private static readonly JsonEncodedText Blockers = JsonEncodedText.Encode("blockers");
    private static readonly JsonEncodedText Need = JsonEncodedText.Encode("need");
    private static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");

    private static readonly JsonEncodedText Met = JsonEncodedText.Encode("met");
    private static readonly JsonEncodedText Pending = JsonEncodedText.Encode("pending");
    private static readonly JsonEncodedText NotMet = JsonEncodedText.Encode("not-met");
    private static readonly JsonEncodedText Claimable = JsonEncodedText.Encode("claimable");
    private static readonly JsonEncodedText NotClaimable = JsonEncodedText.Encode("not-claimable");

    public static void Write(Utf8JsonWriter w, Verdict verdict)
    {
        w.WriteStartObject();
        w.WriteString(Framework, verdict.Framework);
        WriteDate(w, AsOf, verdict.AsOf);
        w.WriteString(Family, verdict.Family);
        w.WriteBoolean(Eligible, verdict.Eligible);
        w.WriteStartObject(EligibilityName);
        w.WriteStartArray(HeadlineOutcomes);
        foreach (var h in verdict.Eligibility.HeadlineOutcomes)
        {
            w.WriteStringValue(h);
        }

        w.WriteEndArray();
        w.WriteNumber(Required, verdict.Eligibility.Required);
        w.WriteEndObject();

        if (verdict.TeamAroundTheFamily is { } taf)
        {
            w.WriteStartObject(TeamAroundTheFamilyName);
            w.WriteBoolean(Allowed, taf.Allowed);
            w.WriteNumber(HeadlineOutcomes, taf.HeadlineOutcomes);
            w.WriteNumber(Required, taf.Required);
            w.WriteEndObject();
        }

        w.WriteStartArray(Needs);
        foreach (var need in verdict.Needs)
        {
            w.WriteStartObject();
            w.WriteString(Code, need.Code);
            if (need.Member is not null)
            {
                w.WriteString(Member, need.Member);
            }

            w.WriteString(Headline, need.Headline);
            w.WriteString(StatusName, EncodedStatus(need.Status));
            if (need.MetOn is { } met)
            {
                WriteDate(w, MetOn, met);
            }

            if (need.ExpectedOn is { } expected)
            {
                WriteDate(w, ExpectedOn, expected);
            }

            w.WriteStartArray(Reasons);
            foreach (var reason in need.Reasons)
            {
                w.WriteStringValue(reason);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartObject(Claim);
        w.WriteString(StatusName, verdict.Claim.Status switch
        {
            ClaimStatus.Claimable => Claimable,
            ClaimStatus.Pending => Pending,
            _ => NotClaimable,
        });
        if (verdict.Claim.EarliestDate is { } earliest)
        {
            WriteDate(w, EarliestDate, earliest);
        }
        else
        {
            w.WriteNull(EarliestDate);
        }

        w.WriteStartArray(Blockers);
        foreach (var b in verdict.Claim.Blockers)
        {
            w.WriteStartObject();
            w.WriteString(Code, b.Code);
            if (b.Need is not null)
            {
                w.WriteString(Need, b.Need);
            }

            if (b.Member is not null)
            {
                w.WriteString(Member, b.Member);
            }

            w.WriteString(Message, b.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static string ToJson(Verdict verdict, bool indented = true)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, verdict);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string Status(OutcomeStatus status) => status switch
    {
        OutcomeStatus.Met => "met",
        OutcomeStatus.Pending => "pending",
        _ => "not-met",
    };

    private static JsonEncodedText EncodedStatus(OutcomeStatus status) => status switch
    {
        OutcomeStatus.Met => Met,
        OutcomeStatus.Pending => Pending,
        _ => NotMet,
    };

    /// <summary>A date as yyyy-MM-dd, formatted into the writer's UTF-8 without a string in between.</summary>
    private static void WriteDate(Utf8JsonWriter w, JsonEncodedText name, DateOnly date)
    {
        Span<byte> utf8 = stackalloc byte[10];
        date.TryFormat(utf8, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        w.WriteString(name, utf8[..written]);
    }
}
