using EarlyHelp.Core.Frameworks;
using EarlyHelp.Data;
using EarlyHelp.GovUk;
using EarlyHelp.Web.Demo;
using EarlyHelp.Web.Features.Account;
using EarlyHelp.Web.Features.ApiTokens;
using EarlyHelp.Web.Features.Enquiries;
using EarlyHelp.Web.Features.Evaluation;
using EarlyHelp.Web.Features.Families;
using EarlyHelp.Web.Features.Frameworks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Scalar.AspNetCore;
using System.Text.Json.Serialization;

namespace EarlyHelp.Web;

public static class WebHost
{
    public const string DefaultUrl = "http://localhost:5080";

    public static async Task<int> RunAsync(string[] args)
    {
        Engine engine;
        try
        {
            engine = Engine.Load();
        }
        catch (FrameworkDefinitionException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }

        var app = Build(args, engine);
        await PrepareDatabaseAsync(app);
        await app.RunAsync();
        return 0;
    }

    /// <summary>The connection string: PostgreSQL when configured, otherwise the embedded SQLite file under ./data/.</summary>
    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("EarlyHelp") is { Length: > 0 } configured
            ? configured
            : $"Data Source={Path.Combine(AppPaths.Data, "earlyhelp.db")}";

    public static WebApplication Build(string[] args, Engine engine, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(WebHost).Assembly.GetName().Name,
        });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_URLS")))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        configure?.Invoke(builder);
        var connectionString = ConnectionString(builder.Configuration);
        if (Database.ProviderFor(connectionString) == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(AppPaths.Data);
        }

        builder.Services.AddSingleton(engine);
        builder.Services.AddSingleton(engine.Frameworks.Instruments);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddDbContext<EarlyHelpDbContext>(o => Database.Configure(o, connectionString));
        builder.Services.AddDataProtection().PersistKeysToDbContext<EarlyHelpDbContext>().SetApplicationName("EarlyHelp");
        builder.Services
            .AddIdentity<ApplicationUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireDigit = false; // length, not composition rules (NCSC password guidance)
                o.Password.RequireLowercase = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<EarlyHelpDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<Features.Families.ClaimsFactory>();
        builder.AddCouncilSignIn();
        builder.AddApiTokens();
        builder.Services.AddScoped<Features.Families.CaseAccess>();
        builder.Services.AddScoped<Features.Families.AuditLog>();
        builder.Services.AddScoped<Features.Families.FamilyVerdicts>();
        builder.Services.AddScoped<Features.YourPlan.PlanSharing>();
        builder.Services.AddScoped<Features.People.PeopleDesk>();
        // Set-password links an administrator sends (there is no e-mail from the service) last 3 days.
        builder.Services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(3));
        builder.Services.AddScoped<Features.Enquiries.EnquiryDesk>();
        builder.Services.Configure<Features.Claims.ClaimsOptions>(builder.Configuration.GetSection("EarlyHelp:Claims"));
        builder.Services.AddScoped<Features.Claims.ClaimDesk>();
        builder.Services.AddScoped<Features.PartnerData.PartnerDataImporter>();
        builder.Services.AddSingleton<Features.PartnerData.CandidateList>();
        builder.Services.AddScoped<Features.PartnerData.ClosureRecheck>();
        builder.Services.AddSingleton<Features.PartnerData.ImportQueue>();
        builder.Services.AddHostedService<Features.PartnerData.ImportWorker>();
        builder.Services.AddScoped<Features.ServiceDirectory.DirectorySearch>();
        builder.Services.AddScoped<Features.ServiceDirectory.OpenReferralImport>();
        builder.Services.AddSingleton<Features.Families.NightlyVerdicts>();
        if (builder.Configuration.GetValue("EarlyHelp:NightlyVerdicts", true))
        {
            builder.Services.AddHostedService(services => services.GetRequiredService<Features.Families.NightlyVerdicts>());
        }
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/sign-in";
            o.LogoutPath = "/sign-out";
            o.AccessDeniedPath = "/status/403";
            o.Cookie.Name = "earlyhelp";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // A refusal is a 403 with the "You cannot see this page" page, not a redirect; the API gets a bare 401 or 403.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToLogin = context =>
            {
                if (IsApi(context.HttpContext))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                }
                else
                {
                    context.Response.Redirect(context.RedirectUri);
                }

                return Task.CompletedTask;
            };
        });
        builder.Services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/");
                o.Conventions.AllowAnonymousToPage("/Index");
                o.Conventions.AllowAnonymousToFolder("/Account");
                o.Conventions.AllowAnonymousToPage("/Status");
                o.Conventions.AllowAnonymousToFolder("/Services"); // the public directory search: no sign-in
                o.Conventions.AllowAnonymousToFolder("/YourPlan"); // a family reads its plan by a shared link and code
            })
            .AddMvcOptions(o =>
            {
                o.ModelBinderProviders.Insert(0, new DateOnlyPartsBinderProvider());

                // An input's own rules (IValidatableObject) run even when a field has failed, so a page lists every
                // problem at once, as the API does with the same input classes.
                o.ValidateComplexTypesIfChildValidationFails = true;
            });

        // The API's JSON: enums by name, never by number, so that a reordered enum cannot change what a client means.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false)));
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "EarlyHelp API";
            document.Info.Description =
                "Families, members, episodes, needs, Family Plan actions, evidence and evaluation. Calls are made as a person: with an " +
                "API token they made at /api-tokens, sent as \"Authorization: Bearer eh_...\", or with the session cookie from signing in. " +
                "Who may read and change a family is decided as on the pages, by role and relationship to the case, and every call on a " +
                "family is audited in that person's name.";
            // Declared so that the reference page (/scalar) offers a place to paste a token.
            document.Components ??= new Microsoft.OpenApi.OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, Microsoft.OpenApi.IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["apiToken"] = new Microsoft.OpenApi.OpenApiSecurityScheme
            {
                Type = Microsoft.OpenApi.SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API token made at /api-tokens (eh_...)",
            };
            document.Security = [new Microsoft.OpenApi.OpenApiSecurityRequirement { [new Microsoft.OpenApi.OpenApiSecuritySchemeReference("apiToken", document)] = [] }];
            return Task.CompletedTask;
        }));

        var app = builder.Build();
        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/status/{0}");

        // Pages answer an error with a page; the API with problem details (RFC 9457) as JSON, written here first.
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference(o => o.WithTitle("EarlyHelp API"));
        app.MapRazorPages();
        app.MapEvaluationApi();
        app.MapFrameworksApi();
        app.MapFamiliesApi();
        app.MapEnquiriesApi();
        Features.Scorecard.ScorecardApi.MapScorecardApi(app);
        Features.Claims.ClaimsApi.MapClaimsApi(app);
        Features.ServiceDirectory.OpenReferralApi.MapOpenReferralApi(app);
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal);

    /// <summary>
    /// Brings the database up to date and makes sure the roles exist. The embedded default also gets the
    /// demonstration caseload and accounts the first time it starts, unless EarlyHelp:Demo is false.
    /// </summary>
    public static async Task PrepareDatabaseAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>();
        await db.Database.MigrateAsync();
        await Features.ServiceDirectory.FrameworkTaxonomies.SyncAsync(db, app.Services.GetRequiredService<Engine>());
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var embedded = Database.ProviderFor(ConnectionString(app.Configuration)) == DatabaseProvider.Sqlite;
        if (app.Configuration.GetValue("EarlyHelp:Demo", embedded) && !await db.Users.AnyAsync())
        {
            var password = app.Configuration["EarlyHelp:DemoPassword"] ?? DemoAccounts.NewPassword();
            var families = app.Configuration.GetValue("EarlyHelp:DemoFamilies", DemoData.Families);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await DemoData.SeedAsync(scope.ServiceProvider, password, families);
            if (app.Configuration.GetValue("EarlyHelp:DemoPartnerData", true))
            {
                await Features.PartnerData.DemoPartnerData.SeedAsync(scope.ServiceProvider);
            }

            app.Logger.LogInformation("Demonstration caseload of {Families} families created in {Seconds:0.0} s", families, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
            if (app.Configuration["EarlyHelp:DemoPassword"] is null)
            {
                var note = Path.Combine(AppPaths.Data, "demo-accounts.txt");
                await File.WriteAllTextAsync(note, DemoAccounts.Describe(password));
                app.Logger.LogWarning("Demonstration accounts created; their password is in {File}", note);
            }
        }
    }
}
