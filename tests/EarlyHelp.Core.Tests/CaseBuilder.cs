using System.Text.Json.Nodes;

namespace EarlyHelp.Core.Tests;

/// <summary>
/// Builds case files as JSON, as a script or another system would send them. Defaults: a closed episode with
/// a lead practitioner, assessment, plan and support, judged well after the 6 months' sustainment.
/// </summary>
public sealed class CaseBuilder
{
    private readonly JsonObject root;

    public CaseBuilder(string framework = "national-2022", string asOf = "2025-03-31")
    {
        root = new JsonObject
        {
            ["framework"] = framework,
            ["asOf"] = asOf,
            ["family"] = new JsonObject
            {
                ["id"] = "F-TEST",
                ["members"] = new JsonArray(
                    Member("mum", "1988-04-02"),
                    Member("dad", "1985-11-20"),
                    Member("jay", "2012-09-15"),
                    Member("amy", "2015-01-10"),
                    Member("kai", "2008-05-05")),
            },
            ["episode"] = new JsonObject
            {
                ["opened"] = "2023-10-02",
                ["closed"] = "2024-06-28",
                ["leadPractitioner"] = "Sam Patel",
                ["wholeFamilyAssessment"] = "2023-10-20",
                ["familyPlan"] = "2023-11-01",
                ["supportReceived"] = true,
            },
            ["needs"] = new JsonArray(),
            ["attendance"] = new JsonArray(),
            ["events"] = new JsonArray(),
            ["evidence"] = new JsonArray(),
        };
    }

    public JsonObject Root => root;

    public CaseBuilder AsOf(string date)
    {
        root["asOf"] = date;
        return this;
    }

    public CaseBuilder Episode(Action<JsonObject> change)
    {
        change(root["episode"]!.AsObject());
        return this;
    }

    public CaseBuilder Need(string code, string? member = null, string identified = "2023-10-02")
    {
        var need = new JsonObject { ["code"] = code, ["identified"] = identified };
        if (member is not null)
        {
            need["member"] = member;
        }

        root["needs"]!.AsArray().Add(need);
        return this;
    }

    public CaseBuilder Attendance(string member, string year, string term, int possible, int attended, int authorised = 0)
    {
        root["attendance"]!.AsArray().Add(new JsonObject
        {
            ["member"] = member,
            ["academicYear"] = year,
            ["term"] = term,
            ["possibleSessions"] = possible,
            ["attendedSessions"] = attended,
            ["authorisedAbsence"] = authorised,
            ["unauthorisedAbsence"] = possible - attended - authorised,
        });
        return this;
    }

    public CaseBuilder Event(string type, string date, string? member = null, Action<JsonObject>? extra = null)
    {
        var e = new JsonObject { ["type"] = type, ["date"] = date };
        if (member is not null)
        {
            e["member"] = member;
        }

        extra?.Invoke(e);
        root["events"]!.AsArray().Add(e);
        return this;
    }

    public CaseBuilder Evidence(string need, string kind, bool? achieved, string date = "2024-06-20", string? member = null, Action<JsonObject>? extra = null)
    {
        var e = new JsonObject { ["need"] = need, ["date"] = date, ["kind"] = kind };
        if (achieved is not null)
        {
            e["outcomeAchieved"] = achieved;
        }

        if (member is not null)
        {
            e["member"] = member;
        }

        extra?.Invoke(e);
        root["evidence"]!.AsArray().Add(e);
        return this;
    }

    public string Json => root.ToJsonString();

    public override string ToString() => Json;

    private static JsonObject Member(string id, string born) => new() { ["id"] = id, ["dateOfBirth"] = born };
}
