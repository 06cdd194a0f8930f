using EarlyHelp.Core.Casework;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Data;

public static class VersionedSaves
{
    /// <summary>
    /// Saves changes to a record made from the version the editor started from. False, with nothing saved,
    /// when someone else saved the record in between: the caller tells the editor and keeps their input.
    /// </summary>
    public static async Task<bool> TrySaveFromAsync<T>(this EarlyHelpDbContext db, T record, Guid startedFrom)
        where T : class, IVersioned
    {
        db.Entry(record).Property(r => r.Version).OriginalValue = startedFrom;
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    /// <summary>The version of the record now saved, to start again from after a conflict.</summary>
    public static async Task<Guid> CurrentVersionAsync<T>(this EarlyHelpDbContext db, T record)
        where T : class, IVersioned =>
        (await db.Entry(record).GetDatabaseValuesAsync())?.GetValue<Guid>(nameof(IVersioned.Version)) ?? record.Version;
}
