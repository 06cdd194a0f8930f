using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using EarlyHelp.Core.Outcomes;

namespace EarlyHelp.Core.Claims;

/// <summary>
/// Writes a case file in the shape <c>earlyhelp evaluate</c> reads (contracts/evaluate.md), so that the evidence
/// a claim was judged on is kept as exactly that case file and can be judged again by any face of the engine.
/// </summary>
public static class CaseFileJson
{
    public static string ToJson(CaseFile file)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(w, file);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void Write(Utf8JsonWriter w, CaseFile file)
    {
        w.WriteStartObject();
        w.WriteString("framework", file.Framework);
        w.WriteString("asOf", Date(file.AsOf));
        w.WriteStartObject("family");
        w.WriteString("id", file.FamilyId);
        w.WriteStartArray("members");
        foreach (var member in file.Members)
        {
            w.WriteStartObject();
            w.WriteString("id", member.Id);
            Optional(w, "dateOfBirth", member.DateOfBirth);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteStartObject("episode");
        Optional(w, "opened", file.Episode.Opened);
        Optional(w, "closed", file.Episode.Closed);
        if (file.Episode.LeadPractitioner is { } lead)
        {
            w.WriteString("leadPractitioner", lead);
        }

        Optional(w, "wholeFamilyAssessment", file.Episode.WholeFamilyAssessment);
        Optional(w, "familyPlan", file.Episode.FamilyPlan);
        w.WriteBoolean("supportReceived", file.Episode.SupportReceived);
        w.WriteEndObject();

        w.WriteStartArray("needs");
        foreach (var need in file.Needs)
        {
            w.WriteStartObject();
            w.WriteString("code", need.Code);
            if (need.Member is { } member)
            {
                w.WriteString("member", member);
            }

            Optional(w, "identified", need.Identified);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("attendance");
        foreach (var row in file.Attendance)
        {
            w.WriteStartObject();
            w.WriteString("member", row.Member);
            w.WriteString("academicYear", row.Term.AcademicYear);
            w.WriteString("term", row.Term.Name.ToString().ToLowerInvariant());
            w.WriteNumber("possibleSessions", row.PossibleSessions);
            w.WriteNumber("attendedSessions", row.AttendedSessions);
            w.WriteNumber("authorisedAbsence", row.AuthorisedAbsence);
            w.WriteNumber("unauthorisedAbsence", row.UnauthorisedAbsence);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("events");
        foreach (var e in file.Events)
        {
            w.WriteStartObject();
            w.WriteString("type", CaseVocabulary.Name(e.Type));
            if (e.Member is { } member)
            {
                w.WriteString("member", member);
            }

            w.WriteString("date", Date(e.Date));
            if (e.Severe)
            {
                w.WriteBoolean("severe", true);
            }

            if (e.Headline is { } headline)
            {
                w.WriteString("headline", headline);
            }

            if (e.Need is { } need)
            {
                w.WriteString("need", need);
            }

            if (e.Days is { } days)
            {
                w.WriteNumber("days", days);
            }

            if (e.Benefit is { } benefit)
            {
                w.WriteString("benefit", benefit);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("evidence");
        foreach (var evidence in file.Evidence)
        {
            w.WriteStartObject();
            w.WriteString("need", evidence.Need);
            if (evidence.Member is { } member)
            {
                w.WriteString("member", member);
            }

            w.WriteString("date", Date(evidence.Date));
            w.WriteString("kind", CaseVocabulary.Name(evidence.Kind));
            if (evidence.OutcomeAchieved is { } achieved)
            {
                w.WriteBoolean("outcomeAchieved", achieved);
            }

            if (evidence.Instrument is { } instrument)
            {
                w.WriteString("instrument", instrument);
            }

            if (evidence.Before is { } before)
            {
                w.WriteNumber("before", before);
            }

            if (evidence.After is { } after)
            {
                w.WriteNumber("after", after);
            }

            if (evidence.Note is { } note)
            {
                w.WriteString("note", note);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Optional(Utf8JsonWriter w, string name, DateOnly? date)
    {
        if (date is { } value)
        {
            w.WriteString(name, Date(value));
        }
    }
}
