using System.Security.Cryptography;
using System.Text;
using EarlyHelp.Core.Frameworks;

namespace EarlyHelp.Core.ServiceDirectory;

/// <summary>
/// Each outcome framework as an ORUK taxonomy: its headline outcomes as top-level terms and its needs beneath
/// them. Ids are name-based UUIDs (RFC 9562 version 5) of the framework and code, so every installation gives
/// the same term the same id and a council's feed can be read by another's.
/// </summary>
public static class FrameworkTaxonomy
{
    /// <summary>The namespace of the name-based ids: a fixed, random UUID.</summary>
    private static readonly Guid Namespace = new("6f1c2a7e-5b8d-4c3f-9e0a-2d4b6c8e1f30");

    public static Guid TaxonomyId(Framework framework) => NameBased($"taxonomy:{framework.Id}");

    public static Guid TermId(Framework framework, string code) => NameBased($"term:{framework.Id}:{code}");

    public static DirectoryTaxonomy Taxonomy(Framework framework) => new()
    {
        Id = TaxonomyId(framework),
        Name = framework.Name,
        Description = $"The headline outcomes and needs of {framework.Name}, as the EarlyHelp framework file {framework.Id} defines them.",
        Version = framework.Id,
    };

    public static IEnumerable<DirectoryTaxonomyTerm> Terms(Framework framework)
    {
        var taxonomy = TaxonomyId(framework);
        foreach (var headline in framework.HeadlineOutcomes)
        {
            var parent = TermId(framework, headline.Code);
            yield return new DirectoryTaxonomyTerm
            {
                Id = parent, TaxonomyId = taxonomy, Code = headline.Code, Name = headline.Name,
                Description = headline.Description ?? headline.Name,
            };
            foreach (var need in headline.Needs)
            {
                yield return new DirectoryTaxonomyTerm
                {
                    Id = TermId(framework, need.Code), TaxonomyId = taxonomy, ParentId = parent, Code = need.Code, Name = need.Summary,
                    Description = need.Description ?? need.Summary,
                };
            }
        }
    }

    private static Guid NameBased(string name)
    {
        var bytes = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        Namespace.TryWriteBytes(bytes, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, bytes.AsSpan(16));
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 names for version 5 ids; nothing here is secret.
        var hash = SHA1.HashData(bytes);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
