namespace EarlyHelp.Web.Tests;

public static class CaseFiles
{
    /// <summary>The example of contracts/evaluate.md, with the attendance its verdict describes.</summary>
    public const string Example = """
        {
          "framework": "national-2022",
          "asOf": "2025-03-31",
          "family": {
            "id": "F-001",
            "members": [
              { "id": "mum", "dateOfBirth": "1988-04-02" },
              { "id": "dad", "dateOfBirth": "1985-11-20" },
              { "id": "jay", "dateOfBirth": "2012-09-15" }
            ]
          },
          "episode": {
            "opened": "2023-10-02", "closed": "2024-06-28", "leadPractitioner": "Sam Patel",
            "wholeFamilyAssessment": "2023-10-20", "familyPlan": "2023-11-01", "supportReceived": true
          },
          "needs": [
            { "code": "EDU-ATTEND-90", "member": "jay", "identified": "2023-10-02" },
            { "code": "ABU-MISSING", "member": "jay", "identified": "2023-10-02" },
            { "code": "FIN-DEBT", "identified": "2023-10-02" }
          ],
          "attendance": [
            { "member": "jay", "academicYear": "2023/24", "term": "spring", "possibleSessions": 120, "attendedSessions": 111, "authorisedAbsence": 4, "unauthorisedAbsence": 5 },
            { "member": "jay", "academicYear": "2023/24", "term": "summer", "possibleSessions": 130, "attendedSessions": 120, "authorisedAbsence": 6, "unauthorisedAbsence": 4 }
          ],
          "events": [
            { "type": "missing-episode", "member": "jay", "date": "2023-09-12" },
            { "type": "offence", "member": "dad", "date": "2023-03-01", "severe": false },
            { "type": "referral", "headline": "domestic-abuse", "date": "2024-09-01" }
          ],
          "evidence": [
            { "need": "FIN-DEBT", "date": "2024-06-20", "kind": "practitioner-assessment", "outcomeAchieved": true, "note": "Debt repayment plan agreed with the landlord" },
            { "need": "ABU-MISSING", "member": "jay", "date": "2024-06-20", "kind": "practitioner-assessment", "outcomeAchieved": true }
          ]
        }
        """;

    public static string Bad => Example
        .Replace("\"EDU-ATTEND-90\"", "\"EDU-FOO\"", StringComparison.Ordinal)
        .Replace("\"closed\": \"2024-06-28\"", "\"closed\": \"2023-06-28\"", StringComparison.Ordinal);

    public static string OneLine(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)!.ToJsonString();
}
