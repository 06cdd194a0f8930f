using System.Runtime.InteropServices;

namespace EarlyHelp.Identification;

/// <summary>
/// Ids (person_id or family_id) numbered in the order they are first added. Extracts are usually sorted by id, and
/// while ids arrive in ascending ordinal order, whether one is already held is a single comparison with the last:
/// no hash table is built. The first lookup that comparison cannot answer builds the table from the ids held, and
/// it answers from then on. On a million ids the table is the dearest thing identify does: each lookup is a few
/// cache misses, where the comparison reads memory that is already in the cache.
/// </summary>
internal sealed class IdTable
{
    private readonly List<string> ids;
    private readonly Lock indexing = new();
    private Dictionary<string, int>? index;
    private Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public IdTable(int capacity = 0) => ids = new List<string>(capacity);

    public int Count => ids.Count;

    /// <summary>Whether every id was added after one that sorts before it, so that the ids are in ordinal order.</summary>
    public bool Ascending { get; private set; } = true;

    public string this[int number] => ids[number];

    public string[] ToArray() => [.. ids];

    /// <summary>The ids in the order of their numbers (in ordinal order when <see cref="Ascending"/>).</summary>
    public ReadOnlySpan<string> AsSpan() => CollectionsMarshal.AsSpan(ids);

    /// <summary>The number of an id, or -1. Safe to call from several threads while nothing is added.</summary>
    public int Find(ReadOnlySpan<char> id)
    {
        if (ids.Count == 0)
        {
            return -1;
        }

        var order = id.SequenceCompareTo(ids[^1]);
        if (order == 0)
        {
            return ids.Count - 1;
        }

        if (order > 0 && Ascending)
        {
            return -1;
        }

        return Index().TryGetValue(id, out var number) ? number : -1;
    }

    /// <summary>Adds an id that is not held (the caller has looked) and returns its number.</summary>
    public int Add(ReadOnlySpan<char> id)
    {
        var text = id.ToString();
        if (Ascending && ids.Count > 0 && id.SequenceCompareTo(ids[^1]) <= 0)
        {
            Ascending = false;
            Index();
        }

        var number = ids.Count;
        index?.Add(text, number);
        ids.Add(text);
        return number;
    }

    public int FindOrAdd(ReadOnlySpan<char> id)
    {
        var number = Find(id);
        return number >= 0 ? number : Add(id);
    }

    private Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Index()
    {
        if (Volatile.Read(ref index) is null)
        {
            lock (indexing)
            {
                if (index is null)
                {
                    var built = new Dictionary<string, int>(Math.Max(ids.Count * 2, 1024), StringComparer.Ordinal);
                    for (var i = 0; i < ids.Count; i++)
                    {
                        built.Add(ids[i], i);
                    }

                    lookup = built.GetAlternateLookup<ReadOnlySpan<char>>();
                    Volatile.Write(ref index, built);
                }
            }
        }

        return lookup;
    }
}
