using EarlyHelp.Core.Casework;

namespace EarlyHelp.Core.Tests.Casework;

public class ReviewScheduleTests
{
    private static readonly DateOnly Today = new(2024, 5, 10);

    private static Meeting Held(int month, int day, DateOnly? next) =>
        new() { HeldOn = new DateOnly(2024, month, day), Attendees = "Family", Decisions = "Carry on", NextReviewOn = next };

    [Fact]
    public void The_latest_meetings_date_stands_whatever_order_they_were_recorded_in()
    {
        var meetings = new[] { Held(4, 1, new DateOnly(2024, 6, 1)), Held(2, 1, new DateOnly(2024, 3, 1)) };
        Assert.Equal(new DateOnly(2024, 6, 1), ReviewSchedule.NextReviewOn(meetings));
    }

    [Fact]
    public void A_meeting_held_since_without_a_date_leaves_no_review_due() =>
        Assert.Null(ReviewSchedule.NextReviewOn([Held(2, 1, new DateOnly(2024, 3, 1)), Held(4, 1, null)]));

    [Fact]
    public void No_meetings_no_review() => Assert.Null(ReviewSchedule.NextReviewOn([]));

    [Theory]
    [InlineData(EpisodeStage.Plan, 9, true)]
    [InlineData(EpisodeStage.Plan, 10, false)] // due today is not yet overdue
    [InlineData(EpisodeStage.Assessment, 1, true)]
    [InlineData(EpisodeStage.Closed, 1, false)] // a closed episode has no reviews
    public void A_review_is_overdue_once_its_date_has_passed_on_an_open_episode(EpisodeStage stage, int day, bool overdue) =>
        Assert.Equal(overdue, ReviewSchedule.IsOverdue(stage, new DateOnly(2024, 5, day), Today));

    [Fact]
    public void No_date_is_never_overdue() => Assert.False(ReviewSchedule.IsOverdue(EpisodeStage.Plan, null, Today));
}
