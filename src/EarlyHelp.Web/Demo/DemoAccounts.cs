using System.Security.Cryptography;
using EarlyHelp.Data;

namespace EarlyHelp.Web.Demo;

/// <summary>One demonstration account per role, for the embedded default only. The password is made on first run.</summary>
public static class DemoAccounts
{
    public const string Domain = "demo.earlyhelp.test";

    public static readonly IReadOnlyList<(string Email, string Name, string Role, string Agency)> All =
    [
        ($"practitioner@{Domain}", "Sam Patel", Roles.Practitioner, "Early Help"),
        ($"manager@{Domain}", "Alex Morgan", Roles.Manager, "Early Help"),
        ($"analyst@{Domain}", "Priya Shah", Roles.Analyst, "Supporting Families"),
        ($"auditor@{Domain}", "Chris Evans", Roles.Auditor, "Internal Audit"),
        ($"admin@{Domain}", "Jordan Lee", Roles.Administrator, "Digital Services"),
        ($"strategic@{Domain}", "Morgan Hughes", Roles.StrategicLead, "Children's Services"),
        ($"directory@{Domain}", "Robin Clarke", Roles.DirectoryEditor, "Families Information Service"),
    ];

    public static string NewPassword() => "demo-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();

    public static string Describe(string password) =>
        "EarlyHelp demonstration accounts (synthetic data only)\n\n" +
        string.Concat(All.Select(a => $"{a.Role,-14} {a.Email}\n")) +
        $"\nPassword for each: {password}\n";
}
