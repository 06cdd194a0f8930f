using System.Runtime.InteropServices;

namespace EarlyHelp.Identification;

/// <summary>A growable array of small structs: one partner file's kept rows, packed.</summary>
internal sealed class RowBuffer<T>
    where T : struct
{
    private T[] items = new T[1024];

    public int Count { get; private set; }

    public void Add(in T item)
    {
        if (Count == items.Length)
        {
            Array.Resize(ref items, checked(items.Length * 2));
        }

        items[Count++] = item;
    }

    public ReadOnlySpan<T> Span => items.AsSpan(0, Count);

    /// <summary>
    /// The rows grouped by a key (a person or a household) with a stable counting sort, so each key's rows stay
    /// in file order and are found by offset, without a dictionary or a comparison sort.
    /// </summary>
    public Grouped<T> GroupBy(int keys, Func<T, int> key)
    {
        var offsets = new int[keys + 1];
        var span = Span;
        foreach (ref readonly var row in span)
        {
            offsets[key(row) + 1]++;
        }

        for (var k = 0; k < keys; k++)
        {
            offsets[k + 1] += offsets[k];
        }

        var sorted = new T[Count];
        var next = offsets.AsSpan(0, keys).ToArray();
        foreach (ref readonly var row in span)
        {
            sorted[next[key(row)]++] = row;
        }

        items = [];
        Count = 0;
        return new Grouped<T>(sorted, offsets);
    }
}

/// <summary>Rows grouped by key: the rows of key k are <c>Rows[Offsets[k]..Offsets[k+1]]</c>.</summary>
internal sealed class Grouped<T>(T[] rows, int[] offsets)
    where T : struct
{
    public static readonly Grouped<T> Empty = new([], [0]);

    public int Count => rows.Length;

    public ReadOnlySpan<T> Of(int key) => key + 1 < offsets.Length ? rows.AsSpan(offsets[key], offsets[key + 1] - offsets[key]) : [];
}

/// <summary>A row about one person.</summary>
internal interface IPersonRow
{
    int Person { get; }
}

/// <summary>A record that gives a status on a day (NEET activity, housing), of which the latest stands.</summary>
internal interface IDatedStatus<out TStatus>
{
    int Day { get; }

    TStatus Status { get; }
}

[StructLayout(LayoutKind.Auto)]
internal readonly record struct AttendanceRow(int Person, int Term, int Possible, int Attended, int Authorised, int Unauthorised);

[StructLayout(LayoutKind.Auto)]
internal readonly record struct ExclusionRow(int Person, int Day, float Days, EarlyHelp.Core.Frameworks.ExclusionKind Kind);

[StructLayout(LayoutKind.Auto)]
internal readonly record struct PoliceRow(int Person, int Day, EarlyHelp.Core.Frameworks.PoliceType Type, EarlyHelp.Core.Frameworks.PoliceRole Role, bool Severe);

[StructLayout(LayoutKind.Auto)]
internal readonly record struct BenefitRow(int Person, int Start, int End, int Benefit, bool OutOfWork);

[StructLayout(LayoutKind.Auto)]
internal readonly record struct NeetRow(int Person, int Day, EarlyHelp.Core.Frameworks.NeetStatus Status) : IDatedStatus<EarlyHelp.Core.Frameworks.NeetStatus>, IPersonRow;

[StructLayout(LayoutKind.Auto)]
internal readonly record struct HousingRow(int Family, int Day, EarlyHelp.Core.Frameworks.HousingStatus Status) : IDatedStatus<EarlyHelp.Core.Frameworks.HousingStatus>;

[StructLayout(LayoutKind.Auto)]
internal readonly record struct SocialCareRow(int Person, int Start, int End, EarlyHelp.Core.Frameworks.SocialCareType Type);

[StructLayout(LayoutKind.Auto)]
internal readonly record struct HealthRow(int Person, int Day, EarlyHelp.Core.Frameworks.HealthFlag Flag) : IPersonRow;
