using EarlyHelp.Core.Casework;
using EarlyHelp.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Web.Features.ServiceDirectory.Editor;

/// <summary>
/// An editor's form for one kind of directory record. Saving an existing record is made from the version its form
/// was opened at, so that of two editors the second is told, sees what the first saved and keeps what they typed.
/// </summary>
public abstract class DirectoryEditorPage<TRecord>(EarlyHelpDbContext db) : PageModel
    where TRecord : class, IVersioned
{
    protected EarlyHelpDbContext Db { get; } = db;

    /// <summary>The record being edited; null when adding one.</summary>
    public TRecord? Existing { get; protected set; }

    /// <summary>What another editor saved while this one was editing, shown beside the form.</summary>
    public TRecord? Theirs { get; private set; }

    /// <summary>The kind of record as the pages say it: "organisation", "place", "service".</summary>
    protected abstract string Kind { get; }

    /// <summary>The stored record as it is now, with what the page shows of it.</summary>
    protected abstract Task<TRecord?> ReloadAsync(Guid id);

    /// <summary>The form's next save starts from this version.</summary>
    protected abstract void StartFrom(Guid version);

    protected async Task<IActionResult> SaveAsync(Guid id, string name, Guid? openedAt)
    {
        if (Existing is null)
        {
            await Db.SaveChangesAsync();
        }
        else if (!await Db.TrySaveFromAsync(Existing, openedAt!.Value))
        {
            Db.ChangeTracker.Clear();
            Theirs = await ReloadAsync(id);
            if (Theirs is null)
            {
                TempData["Notice"] = $"Someone else removed that {Kind} from the directory";
                return Redirect("/directory");
            }

            // The next save is made knowingly from what the other editor saved.
            StartFrom(Theirs.Version);
            ModelState.AddModelError("Input", $"Someone else changed this {Kind} while you were editing it. Check their changes, then save again to keep yours");
            return Page();
        }

        TempData["Notice"] = Existing is null ? $"{name} added to the directory" : $"{name} updated";
        return Redirect("/directory");
    }
}
