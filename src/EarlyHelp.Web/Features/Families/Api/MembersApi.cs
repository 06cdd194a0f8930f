using EarlyHelp.Data;
using EarlyHelp.Web.Features.Families.Inputs;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.Families.Api;

public static class MembersApi
{
    public static void MapMembersApi(this RouteGroupBuilder family)
    {
        family.MapGet("/members", async (Guid id, EarlyHelpDbContext db) =>
                TypedResults.Ok((await db.Members.AsNoTracking().Where(m => m.FamilyId == id).ToListAsync())
                    .OrderBy(m => m.DateOfBirth).ThenBy(m => m.GivenName, StringComparer.Ordinal).Select(MemberView.From).ToList()))
            .WithName("ListMembers")
            .WithSummary("The family's members, oldest first");

        family.MapGet("/members/{memberId:guid}", async (Guid id, Guid memberId, EarlyHelpDbContext db) =>
                await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == memberId && m.FamilyId == id) is { } member
                    ? Results.Ok(MemberView.From(member))
                    : FamilyRecord.NotFound("member"))
            .Produces<MemberView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetMember")
            .WithSummary("One member of the family");

        family.MapPost("/members", async (Guid id, HttpRequest request, EarlyHelpDbContext db, FamilyVerdicts verdicts) =>
            {
                var (input, problem) = await ApiBody.ReadAsync<MemberInput>(request);
                if (input is null)
                {
                    return problem!;
                }

                var record = await FamilyRecord.ForChangeAsync(db, id);
                var member = input.ToMember(id);
                db.Members.Add(member);

                // Members' ages and names are part of what the engine reads.
                await verdicts.RefreshAsync(record, record.Episodes.MaxBy(e => e.Number)!);
                await db.SaveChangesAsync();
                return TypedResults.Created($"/api/families/{id}/members/{member.Id}", MemberView.From(member));
            })
            .Accepts<MemberInput>("application/json")
            .Produces<MemberView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithName("AddMember")
            .WithSummary("Add a member to the family")
            .WithDescription("The same rules as the members page: names, date of birth and relationship required; an NHS number or Unique Pupil Number, when given, must pass its check digit. Errors are keyed by field.");
    }
}
