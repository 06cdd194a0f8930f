using System.Security.Claims;
using EarlyHelp.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace EarlyHelp.Web.Features.Account;

/// <summary>
/// Sign-in with a council's own identity provider by OpenID Connect, configured under
/// <c>Authentication:OpenIdConnect</c>; off unless an authority is given. The client secret belongs in the
/// environment or a secret store, never in the repository.
/// </summary>
public sealed class CouncilSignInOptions
{
    public const string Section = "Authentication:OpenIdConnect";

    /// <summary>The authentication scheme, also the login provider name stored against each linked account.</summary>
    public const string Scheme = "oidc";

    /// <summary>The identity provider's issuer, whose /.well-known/openid-configuration describes it.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The council's name, for the "Sign in with ..." button and new accounts' agency.</summary>
    public string DisplayName { get; set; } = "your council";

    /// <summary>Scopes asked for, separated by spaces.</summary>
    public string Scope { get; set; } = "openid profile email";

    public string EmailClaim { get; set; } = "email";

    public string NameClaim { get; set; } = "name";

    /// <summary>The claim holding the person's roles or groups; when the token has none, their roles here are kept.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim naming the person's team (its name or id here); when the token has none, their team here is kept.</summary>
    public string TeamClaim { get; set; } = "team";

    /// <summary>The claim naming the person's agency; when absent, new accounts take the council's name.</summary>
    public string? AgencyClaim { get; set; }

    /// <summary>
    /// EarlyHelp role to the identity provider's values for it, separated by commas, e.g.
    /// <c>Roles:practitioner = "EH-Practitioners,Family Support"</c>. A role with no entry is matched by its own name.
    /// </summary>
    public Dictionary<string, string> Roles { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Also read claims from the provider's userinfo endpoint, for providers that leave them out of the ID token.</summary>
    public bool UseUserInfoEndpoint { get; set; }

    /// <summary>Only a test's provider on the loopback address may be reached over plain HTTP.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>The EarlyHelp roles the claims give, or null when they carry no role claim at all.</summary>
    public IReadOnlyList<string>? MapRoles(ClaimsPrincipal principal)
    {
        if (!principal.HasClaim(c => c.Type == RoleClaim))
        {
            return null;
        }

        var values = principal.FindAll(RoleClaim).Select(c => c.Value.Trim()).ToList();
        return [.. Data.Roles.All.Where(role => ValuesFor(role).Any(v => values.Contains(v, StringComparer.OrdinalIgnoreCase)))];
    }

    private IEnumerable<string> ValuesFor(string role) => Roles.TryGetValue(role, out var mapped)
        ? mapped.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        : [role];
}

public static class CouncilSignIn
{
    /// <summary>Adds the OpenID Connect handler beside local accounts when an authority is configured.</summary>
    public static void AddCouncilSignIn(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(CouncilSignInOptions.Section);
        builder.Services.Configure<CouncilSignInOptions>(section);
        builder.Services.AddScoped<CouncilAccounts>();
        var settings = section.Get<CouncilSignInOptions>() ?? new CouncilSignInOptions();
        if (!settings.Enabled)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(settings.ClientId))
        {
            throw new InvalidOperationException($"{CouncilSignInOptions.Section}:Authority is set but ClientId is not: give both, or neither");
        }

        builder.Services.AddAuthentication().AddOpenIdConnect(CouncilSignInOptions.Scheme, settings.DisplayName, o =>
        {
            o.Authority = settings.Authority;
            o.ClientId = settings.ClientId;
            o.ClientSecret = string.IsNullOrEmpty(settings.ClientSecret) ? null : settings.ClientSecret;
            o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;

            // The code comes back on a top-level GET, so the correlation and nonce cookies can be SameSite=Lax and
            // work over plain HTTP on a developer's machine; form_post would need SameSite=None, hence HTTPS.
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;

            o.Scope.Clear();
            foreach (var scope in settings.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                o.Scope.Add(scope);
            }

            // Claims keep the provider's names, so the settings name them as the provider's documentation does.
            o.MapInboundClaims = false;
            o.TokenValidationParameters.NameClaimType = settings.NameClaim;
            o.TokenValidationParameters.RoleClaimType = settings.RoleClaim;
            o.GetClaimsFromUserInfoEndpoint = settings.UseUserInfoEndpoint;
            o.ClaimActions.MapUniqueJsonKey(settings.EmailClaim, settings.EmailClaim);
            o.ClaimActions.MapUniqueJsonKey(settings.NameClaim, settings.NameClaim);
            foreach (var claim in new[] { settings.RoleClaim, settings.TeamClaim, settings.AgencyClaim }.OfType<string>().Distinct())
            {
                o.ClaimActions.MapJsonKey(claim, claim);
            }

            // The provider's identity lives only in Identity's short-lived external cookie until an account is found.
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.SaveTokens = false;
            o.Events.OnRemoteFailure = context =>
            {
                context.Response.Redirect("/sign-in?handler=CouncilFailed");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }
}

/// <summary>
/// Finds or makes the account of someone signed in by the council's identity provider: by the provider's subject,
/// else by e-mail address, else a new account. Roles and team follow the provider's claims on every sign-in, and
/// the account then signs in with the same cookie as a local one, so case access works unchanged.
/// </summary>
public sealed class CouncilAccounts(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    EarlyHelpDbContext db,
    IOptions<CouncilSignInOptions> options,
    ILogger<CouncilAccounts> logger)
{
    private CouncilSignInOptions Settings => options.Value;

    /// <summary>Signs in the person the provider vouched for; the message to show when they cannot be.</summary>
    public async Task<string?> SignInAsync(HttpContext http)
    {
        var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        var claims = external.Principal;
        var subject = claims?.FindFirstValue("sub");
        if (claims is null || string.IsNullOrEmpty(subject))
        {
            return $"Sign-in with {Settings.DisplayName} did not finish. Try again";
        }

        var user = await users.FindByLoginAsync(CouncilSignInOptions.Scheme, subject);
        if (user is null)
        {
            var email = claims.FindFirstValue(Settings.EmailClaim)?.Trim();
            if (string.IsNullOrEmpty(email))
            {
                return $"{Settings.DisplayName} did not give your email address, which EarlyHelp needs to find your account. Ask your administrator";
            }

            user = await users.FindByEmailAsync(email);
            if (user is not null && claims.FindFirstValue("email_verified") is "false" or "False")
            {
                // An unverified address could be anyone's: it must not open an existing account.
                return $"{Settings.DisplayName} has not verified your email address, so it cannot be matched to your EarlyHelp account. Ask your administrator";
            }

            user ??= await CreateAsync(claims, email);
            if (user is null)
            {
                return "Your account could not be made. Ask your administrator";
            }

            var linked = await users.AddLoginAsync(user, new UserLoginInfo(CouncilSignInOptions.Scheme, subject, Settings.DisplayName));
            if (!linked.Succeeded)
            {
                logger.LogWarning("Could not link a council sign-in to account {UserId}: {Errors}", user.Id, string.Join("; ", linked.Errors.Select(e => e.Code)));
                return "Your account could not be linked to your council sign-in. Ask your administrator";
            }
        }

        if (await users.IsLockedOutAsync(user))
        {
            return "This account is locked. Try again later, or ask your administrator";
        }

        await FollowClaimsAsync(user, claims);
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: CouncilSignInOptions.Scheme);
        return null;
    }

    private async Task<ApplicationUser?> CreateAsync(ClaimsPrincipal claims, string email)
    {
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = claims.FindFirstValue(Settings.NameClaim) is { Length: > 0 } name ? name : email,
            Agency = Settings.AgencyClaim is { } agencyClaim && claims.FindFirstValue(agencyClaim) is { Length: > 0 } agency ? agency : Settings.DisplayName,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            logger.LogWarning("Could not make an account for a council sign-in: {Errors}", string.Join("; ", created.Errors.Select(e => e.Code)));
            return null;
        }

        return user;
    }

    /// <summary>The provider is the source of roles and team when its token carries them; otherwise they are managed here.</summary>
    private async Task FollowClaimsAsync(ApplicationUser user, ClaimsPrincipal claims)
    {
        if (Settings.MapRoles(claims) is { } roles)
        {
            var current = await users.GetRolesAsync(user);
            await users.RemoveFromRolesAsync(user, current.Except(roles, StringComparer.Ordinal));
            await users.AddToRolesAsync(user, roles.Except(current, StringComparer.Ordinal));
        }

        if (claims.FindFirstValue(Settings.TeamClaim) is { } teamClaim)
        {
            var team = Guid.TryParse(teamClaim, out var id)
                ? await db.Teams.SingleOrDefaultAsync(t => t.Id == id)
                : (await db.Teams.ToListAsync()).FirstOrDefault(t => string.Equals(t.Name, teamClaim.Trim(), StringComparison.OrdinalIgnoreCase));
            if (team is null)
            {
                logger.LogWarning("Council sign-in named a team EarlyHelp does not have; account {UserId} is left without a team", user.Id);
            }

            if (user.TeamId != team?.Id)
            {
                user.TeamId = team?.Id;
                await users.UpdateAsync(user);
            }
        }
    }
}
