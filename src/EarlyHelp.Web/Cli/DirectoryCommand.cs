using System.CommandLine;
using EarlyHelp.Data;
using EarlyHelp.Web.Features.ServiceDirectory;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Cli;

/// <summary>
/// <c>earlyhelp directory import FILE|URL</c>: another publisher's Open Referral UK feed into the directory, all or
/// nothing, into the database the web application uses (ConnectionStrings__EarlyHelp, else the SQLite file).
/// </summary>
public static class DirectoryCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("source") { Description = "An Open Referral UK feed: a JSON file, - for standard input, or an http(s) URL (its pages are followed)." };
        var import = new Command("import", "Import an Open Referral UK feed; a feed with any invalid record imports nothing.") { source };
        import.SetAction(async (result, cancel) =>
        {
            Engine engine;
            try
            {
                engine = Engine.Load();
            }
            catch (Core.Frameworks.FrameworkDefinitionException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 1;
            }

            var from = result.GetValue(source)!;
            FeedContents feed;
            if (Uri.TryCreate(from, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            {
                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
                http.DefaultRequestHeaders.UserAgent.ParseAdd("EarlyHelp-directory-import");
                feed = await OpenReferralImport.ReadUrlAsync(url, http, cancel);
            }
            else
            {
                byte[] bytes;
                try
                {
                    bytes = from == "-" ? await ReadAllAsync(Console.OpenStandardInput(), cancel) : await File.ReadAllBytesAsync(from, cancel);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    await Console.Error.WriteLineAsync($"{from}: {e.Message}");
                    return CommandLine.BadInput;
                }

                feed = OpenReferralImport.ReadBytes(bytes);
            }

            var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
            var connectionString = WebHost.ConnectionString(configuration);
            if (Database.ProviderFor(connectionString) == DatabaseProvider.Sqlite)
            {
                Directory.CreateDirectory(AppPaths.Data);
            }

            await using var db = Database.Create(connectionString);
            await db.Database.MigrateAsync(cancel);
            await FrameworkTaxonomies.SyncAsync(db, engine, cancel);
            var outcome = await new OpenReferralImport(db, TimeProvider.System).ImportAsync(feed, cancel);
            foreach (var warning in outcome.Warnings)
            {
                await Console.Error.WriteLineAsync($"warning: {warning}");
            }

            foreach (var problem in outcome.Problems.Take(1000))
            {
                await Console.Error.WriteLineAsync(problem.ToString());
            }

            if (outcome.Problems.Count > 1000)
            {
                await Console.Error.WriteLineAsync($"... and {outcome.Problems.Count - 1000} more problems");
            }

            (outcome.Succeeded ? Console.Out : Console.Error).WriteLine(outcome.Summary);
            return outcome.Succeeded ? 0 : CommandLine.BadInput;
        });
        return new Command("directory", "The Families Information Service directory (Open Referral UK).") { import };
    }

    private static async Task<byte[]> ReadAllAsync(Stream input, CancellationToken cancel)
    {
        using var buffer = new MemoryStream();
        await input.CopyToAsync(buffer, cancel);
        return buffer.ToArray();
    }
}
