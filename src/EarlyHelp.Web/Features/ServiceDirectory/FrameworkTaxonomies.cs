using EarlyHelp.Core.ServiceDirectory;
using EarlyHelp.Data;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.ServiceDirectory;

/// <summary>
/// Keeps each outcome framework's taxonomy (headline outcomes and needs) in the directory, so services can be
/// classified by them and the API lists them. Run at start; it adds what is new and renames what changed.
/// </summary>
public static class FrameworkTaxonomies
{
    public static async Task SyncAsync(EarlyHelpDbContext db, Engine engine, CancellationToken cancel = default)
    {
        var taxonomies = await db.DirectoryTaxonomies.ToDictionaryAsync(t => t.Id, cancel);
        var terms = await db.DirectoryTaxonomyTerms.ToDictionaryAsync(t => t.Id, cancel);
        foreach (var framework in engine.Frameworks.All)
        {
            var taxonomy = FrameworkTaxonomy.Taxonomy(framework);
            if (!taxonomies.TryGetValue(taxonomy.Id, out var stored))
            {
                db.DirectoryTaxonomies.Add(taxonomy);
            }
            else if (stored.Name != taxonomy.Name || stored.Description != taxonomy.Description || stored.Version != taxonomy.Version)
            {
                (stored.Name, stored.Description, stored.Version) = (taxonomy.Name, taxonomy.Description, taxonomy.Version);
            }

            foreach (var term in FrameworkTaxonomy.Terms(framework))
            {
                if (!terms.TryGetValue(term.Id, out var known))
                {
                    db.DirectoryTaxonomyTerms.Add(term);
                    terms[term.Id] = term;
                }
                else if (known.Name != term.Name || known.Description != term.Description || known.Code != term.Code || known.ParentId != term.ParentId || known.TaxonomyId != term.TaxonomyId)
                {
                    (known.Name, known.Description, known.Code, known.ParentId, known.TaxonomyId) = (term.Name, term.Description, term.Code, term.ParentId, term.TaxonomyId);
                }
            }
        }

        await db.SaveChangesAsync(cancel);
    }
}
