using EarlyHelp.Core.Frameworks;

namespace EarlyHelp.Web.Features.Frameworks;

/// <summary>A framework as readable text, for <c>earlyhelp frameworks show</c>.</summary>
public static class FrameworkText
{
    public static void Write(TextWriter o, Framework f)
    {
        o.WriteLine($"{f.Name} ({f.Id})");
        if (f.Source is not null)
        {
            o.WriteLine($"Source: {f.Source}");
        }

        o.WriteLine($"Eligible with needs from at least {f.MinimumHeadlineOutcomes} headline outcomes; outcomes sustained {f.SustainmentMonths} months after closure.");
        if (f.TeamAroundTheFamilyMinimum is { } taf)
        {
            o.WriteLine($"Team Around the Family only with needs in at least {taf} headline outcomes.");
        }

        foreach (var h in f.HeadlineOutcomes)
        {
            o.WriteLine();
            o.WriteLine($"{h.Name} [{h.Code}]");
            foreach (var m in h.OutcomeMeasures)
            {
                o.WriteLine($"  Measure {m.Number}: {m.Text}");
            }

            foreach (var n in h.Needs)
            {
                o.WriteLine($"  {n.Code,-18} {n.Summary}");
                foreach (var e in n.Evidence)
                {
                    o.WriteLine($"  {"",-18}   evidence: {e}");
                }
            }
        }
    }
}
