using EarlyHelp.Core.SelfAssessment;

namespace EarlyHelp.Core.Tests.Scorecard;

public class SelfAssessmentCriteriaTests
{
    [Fact]
    public void The_16_JTAI_criteria_are_shipped_with_their_published_text()
    {
        Assert.Equal(16, JtaiCriteria.All.Count);
        Assert.Equal(Enumerable.Range(1, 16), JtaiCriteria.All.Select(c => c.Number));
        Assert.Equal(
            "Agencies work together effectively so that children and their families get the right help at the right time. The help provided meets the needs of children and their families.",
            JtaiCriteria.Find("EC1")!.Text);
        Assert.Equal("Children and their families benefit from evidence-based approaches that meet their needs.", JtaiCriteria.Find("EC8")!.Text);
        // Criteria broken across a page in the source are whole.
        Assert.Contains("and include contributions from relevant agencies. The experience of the child", JtaiCriteria.Find("EC5")!.Text, StringComparison.Ordinal);
        Assert.EndsWith("research and intelligence on effective multi-agency practice.", JtaiCriteria.Find("EC16")!.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, SelfAssessmentRating.Good, "First rated")]
    [InlineData(SelfAssessmentRating.RequiresImprovement, SelfAssessmentRating.Good, "Improved")]
    [InlineData(SelfAssessmentRating.Good, SelfAssessmentRating.Inadequate, "Declined")]
    [InlineData(SelfAssessmentRating.Good, SelfAssessmentRating.Good, "No change")]
    public void Ratings_compare_from_one_assessment_to_the_next(SelfAssessmentRating? before, SelfAssessmentRating now, string expected) =>
        Assert.Equal(expected, SelfAssessmentRatings.Movement(before, now));
}
