using EarlyHelp.Web.Features.Families;
using EarlyHelp.Web.Features.Families.Api;

namespace EarlyHelp.Web.Features.Enquiries;

public static class EnquiriesApi
{
    public static void MapEnquiriesApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/enquiries", async (HttpContext http, EnquiryDesk desk, AuditLog audit) =>
            {
                // Practitioners and coordinators receive enquiries, as on the page; anyone else is refused, on the record.
                if (!CaseAccess.MayChange(http.User))
                {
                    await audit.WriteAsync(http, null, "refused");
                    return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only practitioners and coordinators receive enquiries");
                }

                var (input, problem) = await ApiBody.ReadAsync<EnquiryInput>(http.Request);
                if (input is null)
                {
                    return problem!;
                }

                var (known, problems) = await desk.CheckAsync(http.User, input);
                if (problems.Count > 0)
                {
                    return Families.Inputs.InputCheck.Problem(problems);
                }

                var (family, episode) = await desk.ReceiveAsync(http, input, known);
                return TypedResults.Created($"/api/families/{family.Id}/episodes/{episode.Number}", new EnquiryReceived(family.Id, family.Reference, EpisodeView.From(episode)));
            })
            .RequireAuthorization()
            .WithTags("Enquiries")
            .Accepts<EnquiryInput>("application/json")
            .Produces<EnquiryReceived>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithName("ReceiveEnquiry")
            .WithSummary("Receive an enquiry: a new family with its first episode, or a new episode for a family known before")
            .WithDescription(
                "The same rules as the New enquiry page. A new family needs the parent or carer's names, the first line of the address and a real postcode. " +
                "A coordinator may give existingReference instead, for a family whose episodes are all closed. The new episode waits at the front door for a " +
                "coordinator's decision, so a practitioner who sends it may not see it until it is allocated to them.");
}
