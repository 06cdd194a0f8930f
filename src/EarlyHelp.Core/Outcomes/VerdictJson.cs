using System.Text.Json;

namespace EarlyHelp.Core.Outcomes;

/// <summary>Writes verdicts in the shape contracts/evaluate.md fixes; fields with nothing to say are left out.</summary>
public static class VerdictJson
{
    public static void Write(Utf8JsonWriter w, Verdict verdict)
    {
        w.WriteStartObject();
        w.WriteString("framework", verdict.Framework);
        w.WriteString("asOf", Date(verdict.AsOf));
        w.WriteString("family", verdict.Family);
        w.WriteBoolean("eligible", verdict.Eligible);
        w.WriteStartObject("eligibility");
        w.WriteStartArray("headlineOutcomes");
        foreach (var h in verdict.Eligibility.HeadlineOutcomes)
        {
            w.WriteStringValue(h);
        }

        w.WriteEndArray();
        w.WriteNumber("required", verdict.Eligibility.Required);
        w.WriteEndObject();

        if (verdict.TeamAroundTheFamily is { } taf)
        {
            w.WriteStartObject("teamAroundTheFamily");
            w.WriteBoolean("allowed", taf.Allowed);
            w.WriteNumber("headlineOutcomes", taf.HeadlineOutcomes);
            w.WriteNumber("required", taf.Required);
            w.WriteEndObject();
        }

        w.WriteStartArray("needs");
        foreach (var need in verdict.Needs)
        {
            w.WriteStartObject();
            w.WriteString("code", need.Code);
            if (need.Member is not null)
            {
                w.WriteString("member", need.Member);
            }

            w.WriteString("headline", need.Headline);
            w.WriteString("status", Status(need.Status));
            if (need.MetOn is { } met)
            {
                w.WriteString("metOn", Date(met));
            }

            if (need.ExpectedOn is { } expected)
            {
                w.WriteString("expectedOn", Date(expected));
            }

            w.WriteStartArray("reasons");
            foreach (var reason in need.Reasons)
            {
                w.WriteStringValue(reason);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartObject("claim");
        w.WriteString("status", verdict.Claim.Status switch
        {
            ClaimStatus.Claimable => "claimable",
            ClaimStatus.Pending => "pending",
            _ => "not-claimable",
        });
        if (verdict.Claim.EarliestDate is { } earliest)
        {
            w.WriteString("earliestDate", Date(earliest));
        }
        else
        {
            w.WriteNull("earliestDate");
        }

        w.WriteStartArray("blockers");
        foreach (var b in verdict.Claim.Blockers)
        {
            w.WriteStartObject();
            w.WriteString("code", b.Code);
            if (b.Need is not null)
            {
                w.WriteString("need", b.Need);
            }

            if (b.Member is not null)
            {
                w.WriteString("member", b.Member);
            }

            w.WriteString("message", b.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static string ToJson(Verdict verdict, bool indented = true)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
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

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd");
}
