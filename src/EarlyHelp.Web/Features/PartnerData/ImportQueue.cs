using System.Collections.Concurrent;
using System.Threading.Channels;
using EarlyHelp.Core.PartnerData;
using EarlyHelp.Data;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.PartnerData;

/// <summary>
/// Uploaded files waiting to be imported, one at a time, in the background, and each running import's progress for
/// its page. The file stays on the node that received it until its import ends.
/// </summary>
public sealed class ImportQueue
{
    private readonly Channel<(Guid Id, string Path)> waiting = Channel.CreateUnbounded<(Guid, string)>();
    private readonly ConcurrentDictionary<Guid, ImportProgress> progress = new();

    public static string Folder => System.IO.Path.Combine(System.IO.Path.GetTempPath(), "earlyhelp-imports");

    public void Enqueue(Guid importId, string path) => waiting.Writer.TryWrite((importId, path));

    public IAsyncEnumerable<(Guid Id, string Path)> ReadAllAsync(CancellationToken cancellation) => waiting.Reader.ReadAllAsync(cancellation);

    public ImportProgress? Progress(Guid importId) => progress.TryGetValue(importId, out var p) ? p : null;

    internal void Report(Guid importId, ImportProgress p) => progress[importId] = p;

    internal void Forget(Guid importId) => progress.TryRemove(importId, out _);
}

/// <summary>Imports the queued files one after another, then re-checks closed families against the new data.</summary>
public sealed class ImportWorker(ImportQueue queue, IServiceScopeFactory scopes, ILogger<ImportWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await ForgetLostUploadsAsync(stoppingToken);
            await ImportEachAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The node is stopping: an import under way has rolled back and says it was interrupted.
        }
    }

    private async Task ImportEachAsync(CancellationToken stoppingToken)
    {
        await foreach (var (id, path) in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var importer = scope.ServiceProvider.GetRequiredService<PartnerDataImporter>();
                var result = await importer.ImportAsync(id, path, p => queue.Report(id, p), stoppingToken);
                if (result.Status == ImportStatus.Succeeded)
                {
                    await ImportFollowUp.RunAsync(scope.ServiceProvider, result, stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The import's record says what it could; the node carries on with the next file.
                log.LogError(e, "Import {Import} failed", id);
                await MarkFailedAsync(id, e);
            }
            finally
            {
                queue.Forget(id);
                File.Delete(path);
            }
        }
    }

    /// <summary>
    /// Uploads still waiting when the service starts were queued by a process that has ended, and their files with it
    /// (this assumes one web node runs imports): say so rather than leave them waiting for ever.
    /// </summary>
    private async Task ForgetLostUploadsAsync(CancellationToken cancellation)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>();
            await db.PartnerImports.Where(i => i.Status == ImportStatus.Queued && i.ByUserId != "")
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, ImportStatus.Interrupted).SetProperty(i => i.Note, "the service restarted before the import began: nothing was stored; upload the file again"), cancellation);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            // A host started without its database prepared (a test of the API alone) has no imports to tidy.
            log.LogWarning(e, "Could not look for uploads left waiting");
        }
    }

    private async Task MarkFailedAsync(Guid id, Exception e)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>();
        await db.PartnerImports.Where(i => i.Id == id && (i.Status == ImportStatus.Queued || i.Status == ImportStatus.Running))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, ImportStatus.Failed).SetProperty(i => i.Note, $"the import failed: {e.GetType().Name}"));
    }
}
