using EarlyHelp.Core.Calendar;
using EarlyHelp.Core.Frameworks;
using EarlyHelp.Core.Outcomes;

namespace EarlyHelp.Core.Tests;

/// <summary>The shipped frameworks, loaded once from the copies beside the test assembly.</summary>
public static class TestFrameworks
{
    private static readonly Lazy<FrameworkCatalog> Shipped = new(() =>
        FrameworkCatalog.LoadDirectory(Path.Combine(AppContext.BaseDirectory, "frameworks")));

    public static FrameworkCatalog Catalog => Shipped.Value;

    public static OutcomeEvaluator Evaluator { get; } = new(Catalog, SchoolCalendar.England);

    public static CaseFileReader Reader { get; } = new(Catalog);

    /// <summary>Reads and evaluates a case file, failing the test with the reader's errors if it is refused.</summary>
    public static Verdict Evaluate(string json)
    {
        var (file, errors) = Reader.Read(json);
        Assert.True(file is not null, "The case file was refused: " + string.Join("; ", errors));
        return Evaluator.Evaluate(file!);
    }

    public static IReadOnlyList<InputError> Errors(string json)
    {
        var (file, errors) = Reader.Read(json);
        Assert.Null(file);
        return errors;
    }
}
