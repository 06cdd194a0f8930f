namespace EarlyHelp.Identification;

/// <summary>
/// Distinct ids (person_id or family_id) numbered in the order they are first added. Extracts are usually sorted
/// by id, and while ids arrive in ascending ordinal order, whether one is already held is a single comparison
/// with the last: no hash table is built. The first lookup that comparison cannot answer builds the table from
/// the ids held, and it answers from then on. On a million ids the table is the dearest thing identify does:
/// each lookup is a few cache misses, where the comparison reads memory that is already in the cache.
/// </summary>
internal sealed class IdTable
{
    private readonly IdList ids;
    private readonly Lock indexing = new();
    private HashIndex? index;

    public IdTable(int capacity = 0) => ids = new IdList(capacity);

    public int Count => ids.Count;

    /// <summary>Whether every id was added after one that sorts before it, so that the ids are in ordinal order.</summary>
    public bool Ascending { get; private set; } = true;

    public ReadOnlySpan<char> this[int number] => ids[number];

    /// <summary>The ids, in the order of their numbers (in ordinal order when <see cref="Ascending"/>).</summary>
    public IdList Ids => ids;

    /// <summary>The number of an id, or -1. Safe to call from several threads while nothing is added.</summary>
    public int Find(ReadOnlySpan<char> id)
    {
        if (ids.Count == 0)
        {
            return -1;
        }

        var order = id.SequenceCompareTo(ids[ids.Count - 1]);
        if (order == 0)
        {
            return ids.Count - 1;
        }

        if (order > 0 && Ascending)
        {
            return -1;
        }

        return Index().Find(id);
    }

    /// <summary>Adds an id that is not held (the caller has looked) and returns its number.</summary>
    public int Add(ReadOnlySpan<char> id)
    {
        if (Ascending && ids.Count > 0 && id.SequenceCompareTo(ids[ids.Count - 1]) <= 0)
        {
            Ascending = false;
            Index();
        }

        var number = ids.Add(id);
        index?.Add(number);
        return number;
    }

    public int FindOrAdd(ReadOnlySpan<char> id)
    {
        var number = Find(id);
        return number >= 0 ? number : Add(id);
    }

    private HashIndex Index()
    {
        if (Volatile.Read(ref index) is { } built)
        {
            return built;
        }

        lock (indexing)
        {
            if (index is null)
            {
                var table = new HashIndex(ids);
                for (var i = 0; i < ids.Count; i++)
                {
                    table.Add(i);
                }

                Volatile.Write(ref index, table);
            }

            return index;
        }
    }

    /// <summary>An open-addressing hash table of the numbers of the ids in an <see cref="IdList"/>, found by the id's characters.</summary>
    private sealed class HashIndex(IdList ids)
    {
        private int[] slots = Empty(1024);
        private int[] hashes = new int[1024];
        private int count;

        public int Find(ReadOnlySpan<char> id)
        {
            var hash = string.GetHashCode(id);
            var mask = slots.Length - 1;
            for (var i = hash & mask; slots[i] >= 0; i = (i + 1) & mask)
            {
                var number = slots[i];
                if (hashes[number] == hash && ids[number].SequenceEqual(id))
                {
                    return number;
                }
            }

            return -1;
        }

        public void Add(int number)
        {
            if (number >= hashes.Length)
            {
                Array.Resize(ref hashes, Math.Max(hashes.Length * 2, number + 1));
            }

            hashes[number] = string.GetHashCode(ids[number]);
            if (++count * 2 > slots.Length)
            {
                // Keep at most half the slots full, so that a search for an id not held soon meets an empty one.
                slots = Empty(slots.Length * 2);
                for (var n = 0; n < number; n++)
                {
                    Place(n);
                }
            }

            Place(number);
        }

        private static int[] Empty(int size)
        {
            var slots = new int[size];
            Array.Fill(slots, -1);
            return slots;
        }

        private void Place(int number)
        {
            var mask = slots.Length - 1;
            var i = hashes[number] & mask;
            while (slots[i] >= 0)
            {
                i = (i + 1) & mask;
            }

            slots[i] = number;
        }
    }
}
