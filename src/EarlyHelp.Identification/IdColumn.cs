namespace EarlyHelp.Identification;

/// <summary>
/// The id column of a partner file (person_id, or family_id in housing.csv) turned into numbers. When the
/// id table of people.csv is ready, ids are looked up in it. While people.csv is still being read, the file
/// numbers its ids itself (each distinct id once, in order of first sight) and <see cref="MapTo"/> turns
/// those numbers into people.csv's once it is done: so the other files are read at the same time as
/// people.csv instead of after it.
/// </summary>
internal sealed class IdColumn
{
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> known;
    private readonly bool isKnown;
    private readonly string notFound;
    private readonly Dictionary<string, int> local = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> localLookup;
    private readonly List<string> localIds = [];
    private string lastId = string.Empty;
    private int lastNumber = -1;

    private IdColumn(Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> known, bool isKnown, string notFound)
    {
        this.known = known;
        this.isKnown = isKnown;
        this.notFound = notFound;
        localLookup = local.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Ids looked up in people.csv's table as they are read; an unknown id is an error at once.</summary>
    public static IdColumn Known(Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> table, string notFound) => new(table, true, notFound);

    /// <summary>Ids numbered by the file itself, to be matched with people.csv by <see cref="MapTo"/>.</summary>
    public static IdColumn Pending() => new(default, false, string.Empty);

    /// <summary>The number of the row's id, or false (with the error recorded) when it is empty or, for known ids, not in people.csv.</summary>
    public bool Resolve(CsvInput input, int column, out int number)
    {
        var id = input.Field(column);

        // A person's rows usually come together (attendance term by term): the same id as the last row needs no lookup.
        if (lastNumber >= 0 && id.SequenceEqual(lastId))
        {
            number = lastNumber;
            return true;
        }

        if (isKnown)
        {
            if (known.TryGetValue(id, out var held, out number))
            {
                (lastId, lastNumber) = (held, number);
                return true;
            }

            input.Error(column, id.IsEmpty ? "is empty" : $"{Values.Quote(id)} {notFound}");
            return false;
        }

        if (id.IsEmpty)
        {
            number = 0;
            input.Error(column, "is empty");
            return false;
        }

        if (!localLookup.TryGetValue(id, out number))
        {
            number = localIds.Count;
            var text = id.ToString();
            localIds.Add(text);
            local.Add(text, number);
        }

        (lastId, lastNumber) = (localIds[number], number);
        return true;
    }

    /// <summary>
    /// For ids the file numbered itself: people.csv's number for each, or null when some id is not there (the
    /// file is then read again against the table, to report every such row with its line and column). For
    /// known ids: an empty map, meaning the numbers are already people.csv's.
    /// </summary>
    public int[]? MapTo(Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> table)
    {
        if (isKnown)
        {
            return [];
        }

        var map = new int[localIds.Count];
        for (var i = 0; i < map.Length; i++)
        {
            if (!table.TryGetValue(localIds[i], out map[i]))
            {
                return null;
            }
        }

        return map;
    }
}
