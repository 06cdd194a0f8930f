using System.ComponentModel.DataAnnotations;
using EarlyHelp.Data;
using EarlyHelp.Web.Features.Families;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.ApiTokens;

/// <summary>
/// A person's API tokens: making one for a program that calls the API as them (shown once, then only its hint),
/// and revoking one. An administrator sees and revokes everyone's, as when someone leaves.
/// </summary>
public sealed class IndexModel(EarlyHelpDbContext db, TimeProvider clock, AuditLog audit) : PageModel
{
    public sealed class NewTokenInput : IValidatableObject
    {
        [Display(Name = "What is the token for?")]
        [Required(ErrorMessage = "Enter what the token is for")]
        [StringLength(100, ErrorMessage = "What the token is for must be 100 characters or fewer")]
        public string? Name { get; set; }

        [Display(Name = "How long should it work for?")]
        [Required(ErrorMessage = "Select how long the token should work for")]
        public int? Days { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext context)
        {
            if (Days is { } days && !ApiTokenSecrets.Lifetimes.Contains(days))
            {
                yield return new("Select how long the token should work for", [nameof(Days)]);
            }
        }
    }

    public sealed record Row(ApiToken Token, string Owner, string Status);

    [BindProperty]
    public NewTokenInput Input { get; set; } = new();

    /// <summary>The token just made: shown on this response only, never stored.</summary>
    public string? Created { get; private set; }

    public IReadOnlyList<Row> Tokens { get; private set; } = [];

    public bool IsAdministrator => User.IsInRole(Roles.Administrator);

    public static IReadOnlyList<SelectListItem> Lifetimes { get; } = [.. ApiTokenSecrets.Lifetimes.Select(d => new SelectListItem($"{d} days", d.ToString(System.Globalization.CultureInfo.InvariantCulture)))];

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    private string Me => CaseAccess.UserId(User)!;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (ModelState.IsValid)
        {
            var token = ApiTokenSecrets.New();
            db.ApiTokens.Add(new ApiToken
            {
                UserId = Me,
                Name = Input.Name!.Trim(),
                Hash = ApiTokenSecrets.Hash(token),
                Hint = ApiTokenSecrets.Hint(token),
                CreatedAt = clock.GetUtcNow(),
                ExpiresOn = Today.AddDays(Input.Days!.Value),
            });
            await db.SaveChangesAsync();
            await audit.WriteAccountAsync(HttpContext, Me, $"API token ‘{Input.Name!.Trim()}’ made, working until {CaseworkText.Date(Today.AddDays(Input.Days!.Value))}");
            Created = token;
            Input = new NewTokenInput();
            ModelState.Clear();
            Response.Headers.CacheControl = "no-store";
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid tokenId)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && (t.UserId == Me || IsAdministrator));
        if (token is null)
        {
            return NotFound();
        }

        if (token.RevokedAt is null)
        {
            (token.RevokedAt, token.RevokedById) = (clock.GetUtcNow(), Me);
            await db.SaveChangesAsync();
            await audit.WriteAccountAsync(HttpContext, token.UserId, $"API token ‘{token.Name}’ revoked");
        }

        TempData["Notice"] = $"Token ‘{token.Name}’ revoked: it no longer works";
        return Redirect("/api-tokens");
    }

    private async Task LoadAsync()
    {
        var me = Me;
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => IsAdministrator || t.UserId == me).ToListAsync();
        var owners = await CaseworkText.PeopleAsync(db, tokens.Select(t => t.UserId));
        Tokens = [.. tokens
            .Select(t => new Row(t, owners.GetValueOrDefault(t.UserId) ?? "a former user", t.RevokedAt is not null ? "Revoked" : t.ExpiresOn < Today ? "Expired" : "Active"))
            .OrderBy(r => r.Status != "Active")
            .ThenByDescending(r => r.Token.CreatedAt)];
    }
}
