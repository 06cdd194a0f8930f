using EarlyHelp.Core.Calendar;
using EarlyHelp.Core.Frameworks;
using EarlyHelp.Core.Outcomes;

namespace EarlyHelp.Web;

/// <summary>The outcomes engine as the web pages, the API and the commands share it.</summary>
public sealed class Engine(FrameworkCatalog frameworks)
{
    public FrameworkCatalog Frameworks => frameworks;

    public CaseFileReader Reader { get; } = new(frameworks);

    public OutcomeEvaluator Evaluator { get; } = new(frameworks, SchoolCalendar.England);

    public static Engine Load(string? directory = null) => new(FrameworkCatalog.LoadDirectory(directory ?? AppPaths.Frameworks));
}
