using EarlyHelp.Core.Calendar;
using EarlyHelp.Core.Frameworks;

namespace EarlyHelp.Identification.Tests;

/// <summary>A folder of partner files made for one test, identified in process with the shipped frameworks.</summary>
public sealed class TestData : IDisposable
{
    public const string PeopleHeader = "person_id,family_id,date_of_birth,expected_baby_due";

    private static readonly Lazy<FrameworkCatalog> Shipped = new(() =>
        FrameworkCatalog.LoadDirectory(Path.Combine(AppContext.BaseDirectory, "frameworks")));

    private readonly Dictionary<string, List<string>> files = [];

    public TestData()
    {
        Folder = Path.Combine(Path.GetTempPath(), $"earlyhelp-identify-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Folder);
    }

    public static FrameworkCatalog Catalog => Shipped.Value;

    public string Folder { get; }

    /// <summary>Adds lines to a file, the first call giving its header.</summary>
    public TestData File(string name, string header, params string[] lines)
    {
        if (!files.TryGetValue(name, out var list))
        {
            files[name] = list = [header];
        }

        list.AddRange(lines);
        return this;
    }

    public TestData People(params string[] lines) => File("people.csv", PeopleHeader, lines);

    public TestData Attendance(params string[] lines) =>
        File("attendance.csv", "person_id,academic_year,term,possible_sessions,attended_sessions,authorised_absence,unauthorised_absence", lines);

    public TestData Police(params string[] lines) => File("police.csv", "person_id,date,type,role,severe", lines);

    public TestData Exclusions(params string[] lines) => File("exclusions.csv", "person_id,date,kind,days", lines);

    public TestData Benefits(params string[] lines) => File("benefits.csv", "person_id,start_date,end_date,benefit,out_of_work", lines);

    public TestData Neet(params string[] lines) => File("neet.csv", "person_id,date,status", lines);

    public TestData Housing(params string[] lines) => File("housing.csv", "family_id,date,status", lines);

    public TestData SocialCare(params string[] lines) => File("social_care.csv", "person_id,start_date,end_date,type", lines);

    public TestData Health(params string[] lines) => File("health.csv", "person_id,date,flag", lines);

    /// <summary>Writes the files as they stand.</summary>
    public string Write()
    {
        foreach (var (name, lines) in files)
        {
            System.IO.File.WriteAllText(Path.Combine(Folder, name), string.Join('\n', lines) + "\n");
        }

        return Folder;
    }

    public ReadResult Read(string framework, string asOf)
    {
        Write();
        var engine = new IdentificationEngine(Catalog.Get(framework), DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), SchoolCalendar.England);
        return new PartnerDataReader().Read(Folder, engine.Rules, DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), SchoolCalendar.England);
    }

    public IdentificationResult Identify(string framework, string asOf)
    {
        var date = DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture);
        var engine = new IdentificationEngine(Catalog.Get(framework), date, SchoolCalendar.England);
        var read = Read(framework, asOf);
        Assert.True(read.Data is not null, "The partner files were refused: " + string.Join("; ", read.Errors));
        return engine.Run(read.Data!);
    }

    /// <summary>The need codes found for a household (none when it is not a candidate).</summary>
    public IReadOnlyList<string> Needs(string framework, string asOf, string family = "F1") =>
        Identify(framework, asOf).Candidates.FirstOrDefault(c => c.FamilyId == family)?.Needs ?? [];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }
}
