namespace EarlyHelp.Core.SelfAssessment;

/// <summary>One evaluation criterion of the joint targeted area inspection (JTAI): its code ("EC1") and its text as published.</summary>
public sealed record JtaiCriterion(string Code, string Text)
{
    public int Number => int.Parse(Code.AsSpan(2), System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// The 16 evaluation criteria of the JTAI of the multi-agency response to children and families who need help
/// (October 2022), read from the shipped data file, which holds their text exactly as seed 000's Appendix two gives it.
/// </summary>
public static class JtaiCriteria
{
    public static IReadOnlyList<JtaiCriterion> All { get; } = Load();

    public static JtaiCriterion? Find(string code) => All.FirstOrDefault(c => c.Code == code);

    private static List<JtaiCriterion> Load()
    {
        using var stream = typeof(JtaiCriteria).Assembly.GetManifestResourceStream("EarlyHelp.Core.SelfAssessment.Data.jtai-2022.txt")
            ?? throw new InvalidOperationException("The JTAI criteria file is not in the assembly.");
        using var reader = new StreamReader(stream);
        var criteria = new List<JtaiCriterion>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            criteria.Add(new JtaiCriterion(line[..tab], line[(tab + 1)..]));
        }

        return criteria;
    }
}

/// <summary>How well the partnership judges it meets a criterion, on Ofsted's four-point scale.</summary>
public enum SelfAssessmentRating
{
    Outstanding,
    Good,
    RequiresImprovement,
    Inadequate,
}

/// <summary>A dated self-assessment against the JTAI criteria. Each is kept, so that progress shows from one to the next.</summary>
public sealed class JtaiSelfAssessment
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public DateOnly AssessedOn { get; set; }

    public required string RecordedById { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public List<JtaiCriterionAssessment> Criteria { get; set; } = [];
}

/// <summary>One criterion of a self-assessment: the rating, the evidence for it and the actions to improve.</summary>
public sealed class JtaiCriterionAssessment
{
    public Guid SelfAssessmentId { get; set; }

    /// <summary>The criterion's code, "EC1" to "EC16".</summary>
    public required string CriterionCode { get; set; }

    public SelfAssessmentRating Rating { get; set; }

    public required string Evidence { get; set; }

    public string? Actions { get; set; }
}

public static class SelfAssessmentRatings
{
    public static string Describe(SelfAssessmentRating rating) => rating switch
    {
        SelfAssessmentRating.Outstanding => "Outstanding",
        SelfAssessmentRating.Good => "Good",
        SelfAssessmentRating.RequiresImprovement => "Requires improvement",
        _ => "Inadequate",
    };

    /// <summary>How a rating moved from one assessment to the next.</summary>
    public static string Movement(SelfAssessmentRating? before, SelfAssessmentRating now) => before switch
    {
        null => "First rated",
        { } b when b == now => "No change",
        { } b when now < b => "Improved",
        _ => "Declined",
    };
}
