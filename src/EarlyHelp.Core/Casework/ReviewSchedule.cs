namespace EarlyHelp.Core.Casework;

/// <summary>
/// When a family's plan is next reviewed, and whether the review is overdue. Each Team Around the Family
/// meeting or review sets the date of the next one, so the latest meeting's date stands: a meeting held since
/// replaces an earlier one's date. The caseload's "overdue reviews" filter asks the same in its query.
/// </summary>
public static class ReviewSchedule
{
    public static DateOnly? NextReviewOn(IEnumerable<Meeting> meetings) =>
        meetings.OrderByDescending(m => m.HeldOn).Select(m => m.NextReviewOn).FirstOrDefault();

    /// <summary>A closed episode has no reviews to hold.</summary>
    public static bool IsOverdue(EpisodeStage stage, DateOnly? nextReviewOn, DateOnly today) =>
        stage != EpisodeStage.Closed && nextReviewOn is { } next && next < today;
}
