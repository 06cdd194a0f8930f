using System.CommandLine;
using EarlyHelp.Data;
using EarlyHelp.Web.Features.Families;
using Microsoft.AspNetCore.Identity;

namespace EarlyHelp.Web.Cli;

/// <summary>
/// <c>earlyhelp administrator EMAIL NAME --site URL</c>: how a new installation gets its first administrator, who then
/// adds everyone else on the People page. Makes the account, or gives an existing one the administrator role, and
/// prints a link to set its password (there is no e-mail from the service).
/// </summary>
public static class AdministratorCommand
{
    public static Command Create()
    {
        var email = new Argument<string>("email") { Description = "Their email address, which they sign in with." };
        var name = new Argument<string>("name") { Description = "Their full name." };
        var site = new Option<string>("--site") { Description = "The service's address, for the link (default http://localhost:5080).", DefaultValueFactory = _ => WebHost.DefaultUrl };
        var command = new Command("administrator", "Make an administrator and print a link for them to set their password.") { email, name, site };
        command.SetAction(async (result, cancel) =>
        {
            var address = result.GetValue(email)!.Trim();
            if (!new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(address))
            {
                await Console.Error.WriteLineAsync($"'{address}' is not an email address");
                return CommandLine.BadInput;
            }

            // The demonstration is not made: an installation given a real administrator is not a demonstration.
            await using var app = WebHost.Build(["--EarlyHelp:Demo=false", "--EarlyHelp:NightlyVerdicts=false"], Engine.Load());
            await WebHost.PrepareDatabaseAsync(app);
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.FindByEmailAsync(address);
            if (user is null)
            {
                user = new ApplicationUser { UserName = address, Email = address, EmailConfirmed = true, LockoutEnabled = true, DisplayName = result.GetValue(name)!.Trim(), Agency = "Administration" };
                var created = await users.CreateAsync(user);
                if (!created.Succeeded)
                {
                    await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, created.Errors.Select(e => e.Description)));
                    return CommandLine.BadInput;
                }
            }

            if (!await users.IsInRoleAsync(user, Roles.Administrator))
            {
                await users.AddToRoleAsync(user, Roles.Administrator);
            }

            await scope.ServiceProvider.GetRequiredService<AuditLog>().WriteAccountAsync(AuditLog.CommandLine, null, user.Id, "Made an administrator, with a set-password link, from the command line");
            var token = await users.GeneratePasswordResetTokenAsync(user);
            Console.WriteLine($"{user.DisplayName} ({address}) is an administrator. To set their password, within 3 days, open:");
            Console.WriteLine($"{result.GetValue(site)!.TrimEnd('/')}/set-password?email={Uri.EscapeDataString(address)}&token={Uri.EscapeDataString(token)}");
            return 0;
        });
        return command;
    }
}
