using EarlyHelp.Core.Casework;
using EarlyHelp.Data;

namespace EarlyHelp.Web.Features.Families;

/// <summary>Writes the append-only record of who read, changed or was refused a family's record, when and from where.</summary>
public sealed class AuditLog(EarlyHelpDbContext db, TimeProvider clock)
{
    /// <param name="familyId">The family read, changed or refused; null for a refusal that names no family (an enquiry).</param>
    /// <param name="actor">Who, when it is not the signed-in user: a family's shared plan link.</param>
    /// <param name="what">What, when the path must not be written (it holds a link's token).</param>
    public async Task WriteAsync(HttpContext http, Guid? familyId, string action, string? actor = null, string? what = null)
    {
        db.Audit.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserId = actor ?? CaseAccess.UserId(http.User) ?? "",
            FamilyId = familyId,
            Action = action,
            What = what ?? $"{http.Request.Method} {http.Request.Path}",
            From = http.Connection.RemoteIpAddress?.ToString(),
        });
        await db.SaveChangesAsync();
    }

    /// <summary>Someone changed an account: who, whose, and what, in words (the roles given, the access stopped).</summary>
    public Task WriteAccountAsync(HttpContext http, string personId, string what) =>
        WriteAccountAsync(CaseAccess.UserId(http.User) ?? "", http.Connection.RemoteIpAddress?.ToString(), personId, what);

    public async Task WriteAccountAsync(string actorId, string? from, string personId, string what)
    {
        db.Audit.Add(new AuditEntry { At = clock.GetUtcNow(), UserId = actorId, PersonId = personId, Action = AccountAction, What = what, From = from });
        await db.SaveChangesAsync();
    }

    public const string AccountAction = "account";

    /// <summary>Who made an account change from the command line, in place of a user id.</summary>
    public const string CommandLine = "command-line";
}
