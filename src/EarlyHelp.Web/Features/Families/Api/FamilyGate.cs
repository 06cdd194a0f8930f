namespace EarlyHelp.Web.Features.Families.Api;

/// <summary>
/// The gate of every call under /api/families/{id}, as <see cref="FamilyPage"/> is of every page: the case access
/// rules by family id, reads for anyone who may see the family, changes only for those who may change it, and
/// every read, change and refusal written to the audit log before the call runs. A family that does not exist is
/// refused like one the caller may not see, so that ids cannot be probed.
/// </summary>
public sealed class FamilyGate(CaseAccess access, AuditLog audit) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var id = Guid.Parse((string)http.GetRouteValue("id")!, System.Globalization.CultureInfo.InvariantCulture);
        var reading = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
        var canSee = await access.CanSeeAsync(http.User, id);
        var allowed = canSee && (reading || CaseAccess.MayChange(http.User));
        await audit.WriteAsync(http, id, !allowed ? "refused" : reading ? "read" : "change");
        if (!allowed)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: canSee ? "You may read this family's record but not change it" : "You may not see this family's record");
        }

        return await next(context);
    }
}
