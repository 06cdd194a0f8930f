namespace EarlyHelp.Identification;

/// <summary>
/// Ids kept as characters in one block, numbered in the order added, instead of a string each: millions of ids
/// are then a few arrays for the garbage collector to look over, not millions of objects.
/// </summary>
internal sealed class IdList
{
    private char[] text;
    private int[] starts;
    private int used;

    public IdList(int capacity = 0)
    {
        capacity = Math.Max(capacity, 16);
        text = new char[capacity * 10];
        starts = new int[capacity + 1];
    }

    public int Count { get; private set; }

    public ReadOnlySpan<char> this[int number] => text.AsSpan(starts[number], starts[number + 1] - starts[number]);

    public int Add(ReadOnlySpan<char> id)
    {
        if (used + id.Length > text.Length)
        {
            Array.Resize(ref text, Math.Max(text.Length * 2, used + id.Length));
        }

        if (Count + 2 > starts.Length)
        {
            Array.Resize(ref starts, starts.Length * 2);
        }

        id.CopyTo(text.AsSpan(used));
        used += id.Length;
        starts[++Count] = used;
        return Count - 1;
    }

    /// <summary>The numbers of the ids in ordinal order of the ids (ties in the order added).</summary>
    public int[] Sorted(int[] numbers)
    {
        var sorted = (int[])numbers.Clone();
        Array.Sort(sorted, (a, b) =>
        {
            var order = this[a].SequenceCompareTo(this[b]);
            return order != 0 ? order : a.CompareTo(b);
        });
        return sorted;
    }
}
