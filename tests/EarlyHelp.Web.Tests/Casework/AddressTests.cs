using System.Net;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Tests.Casework;

public abstract partial class AssessmentAndPlanTests<TSite>
{
    [Fact]
    public async Task A_familys_new_address_is_checked_then_saved_with_its_UPRN()
    {
        var id = await site.AddAllocatedFamilyAsync("ADDR-MOVE");
        var client = await site.SignedInAsync("north.practitioner");
        var path = $"/families/{id}/address";

        var invalid = await CaseworkSite.PostFormAsync(client, path, new() { ["Input.Line1"] = "7 Canal Street", ["Input.Postcode"] = "WS1", ["Input.Uprn"] = "12AB" });
        var html = await CaseworkSite.TextAsync(invalid);
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("Enter a real postcode, like WS1 1AA", html, StringComparison.Ordinal);
        Assert.Contains("Enter a UPRN of up to 12 digits", html, StringComparison.Ordinal);
        Assert.Contains("7 Canal Street", html, StringComparison.Ordinal);

        var saved = await CaseworkSite.PostFormAsync(client, path, new() { ["Input.Line1"] = "7 Canal Street", ["Input.Town"] = "Walsall", ["Input.Postcode"] = "ws2 9pq", ["Input.Uprn"] = "100071234567" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var address = await site.QueryAsync(db => db.Families.AsNoTracking().Where(f => f.Id == id).Select(f => f.Address).SingleAsync());
        Assert.Equal(("7 Canal Street", "WS2 9PQ", "100071234567"), (address.Line1, address.Postcode, address.Uprn));
        Assert.Contains("UPRN 100071234567", await CaseworkSite.PageAsync(client, $"/families/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_people_who_may_change_the_family_may_change_its_address()
    {
        var auditor = await site.SignedInAsync("auditor");
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync($"/families/{site.FamilyClosed}/address")).StatusCode);
        var other = await site.SignedInAsync("south.practitioner");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/families/{site.FamilyA}/address")).StatusCode);
    }

    [Fact]
    public async Task A_step_down_from_childrens_social_care_is_recorded_at_the_front_door_with_the_address_UPRN()
    {
        var coordinator = await site.SignedInAsync("north.manager");
        var sent = await CaseworkSite.PostFormAsync(coordinator, "/enquiries/new", new()
        {
            ["Input.GivenName"] = "Kelly", ["Input.FamilyName"] = "Price", ["Input.AddressLine1"] = "9 Step Down Row", ["Input.Town"] = "Walsall",
            ["Input.Postcode"] = "WS3 1AA", ["Input.Uprn"] = "100071111111", ["Input.Source"] = "Children's social care",
            ["Input.SteppedDownFromSocialCare"] = "true",
            ["Input.Reason"] = "The child in need plan has ended; the family want support to keep things on track.",
            ["Input.FamilyAgrees"] = "true", ["Input.LawfulBasis"] = "PublicTask",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var family = await site.QueryAsync(db => db.Families.AsNoTracking().Include(f => f.Episodes).SingleAsync(f => f.Address.Line1 == "9 Step Down Row"));
        Assert.Equal("100071111111", family.Address.Uprn);
        Assert.True(Assert.Single(family.Episodes).SteppedDownFromSocialCare);
        Assert.Contains("Stepped down from children's social care", await CaseworkSite.PageAsync(coordinator, $"/families/{family.Id}/timeline"), StringComparison.Ordinal);
    }
}
