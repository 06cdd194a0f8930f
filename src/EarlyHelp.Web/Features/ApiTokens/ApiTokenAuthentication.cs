using System.Text.Encodings.Web;
using EarlyHelp.Data;
using EarlyHelp.Web.Features.Shared;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EarlyHelp.Web.Features.ApiTokens;

/// <summary>Making API tokens and recognising them: 32 random bytes, prefixed so that a leaked one is easy to spot.</summary>
public static class ApiTokenSecrets
{
    public const string Prefix = "eh_";

    /// <summary>How long a token may last, in days, as the form offers it.</summary>
    public static readonly IReadOnlyList<int> Lifetimes = [30, 90, 365];

    public static string New() => Prefix + Secrets.RandomUrlSafe();

    public static string Hash(string token) => Secrets.Sha256Hex(token);

    public static string Hint(string token) => token[..(Prefix.Length + 6)];
}

/// <summary>
/// Signs a call in from "Authorization: Bearer eh_..." as the token's maker, with the claims their cookie would
/// carry (roles, team), so the API's access rules and audit treat the call as theirs. A revoked or expired token,
/// or one whose maker is locked out or gone, fails.
/// </summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    EarlyHelpDbContext db,
    UserManager<ApplicationUser> users,
    IUserClaimsPrincipalFactory<ApplicationUser> principals,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    /// <summary>Last use is written at most this often, so that a busy integration does not write on every call.</summary>
    private static readonly TimeSpan UseRecordedEvery = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        var hash = ApiTokenSecrets.Hash(token);
        var stored = await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Hash == hash, Context.RequestAborted);
        var now = clock.GetUtcNow();
        if (stored is null || stored.RevokedAt is not null || stored.ExpiresOn < DateOnly.FromDateTime(clock.GetLocalNow().Date))
        {
            return AuthenticateResult.Fail("The token is not known, has expired or was revoked");
        }

        var user = await users.FindByIdAsync(stored.UserId);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return AuthenticateResult.Fail("The token's account is locked or no longer exists");
        }

        if (stored.LastUsedAt is not { } last || now - last > UseRecordedEvery)
        {
            await db.ApiTokens.Where(t => t.Id == stored.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        var principal = await principals.CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(new System.Security.Claims.ClaimsPrincipal(
            new System.Security.Claims.ClaimsIdentity(principal.Claims, SchemeName)), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        return Task.CompletedTask;
    }

    /// <summary>The token, when the call sends one of ours; any other Authorization header is not this scheme's.</summary>
    public static string? BearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString() is { } header
        && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        && header["Bearer ".Length..].Trim() is { Length: > 0 } token
            ? token
            : null;
}

public static class ApiTokenAuthentication
{
    private const string CookieOrToken = "CookieOrApiToken";

    /// <summary>
    /// The API takes an API token where a call sends one, and the session cookie otherwise; pages only ever take the
    /// cookie, so a token cannot open a page or post a form. Called after AddIdentity, whose defaults it replaces.
    /// </summary>
    public static void AddApiTokens(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultAuthenticateScheme = CookieOrToken;
                o.DefaultChallengeScheme = CookieOrToken;
                o.DefaultForbidScheme = CookieOrToken;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, "API token", null)
            .AddPolicyScheme(CookieOrToken, "Session cookie or API token", o => o.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal) && ApiTokenHandler.BearerToken(context.Request) is not null
                    ? ApiTokenHandler.SchemeName
                    : IdentityConstants.ApplicationScheme);
    }
}
