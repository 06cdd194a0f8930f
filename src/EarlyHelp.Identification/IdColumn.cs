namespace EarlyHelp.Identification;

/// <summary>
/// The id column of a partner file (person_id, or family_id in housing.csv) turned into numbers. When the
/// id table of people.csv is ready, ids are looked up in it. While people.csv is still being read, the file
/// numbers its ids itself and <see cref="MapTo"/> turns those numbers into people.csv's once it is done: so
/// the other files are read at the same time as people.csv instead of after it.
/// </summary>
/// <remarks>
/// A file numbering its own ids gives a new number each time the id changes from the row before, without
/// looking to see whether it has had that id before: an id that comes back later simply has two numbers,
/// which both map to the same person. So reading needs no hash table at all, and matching with people.csv is a
/// merge of two sorted lists: the ids that came in ascending order as they are, and the few that did not
/// (a police extract lists a domestic abuse incident's victim and perpetrator together) once sorted.
/// </remarks>
internal sealed class IdColumn
{
    private readonly IdTable? known;
    private readonly string notFound;
    private readonly IdList numbered = new();
    private readonly List<int> inOrder = [];
    private readonly List<int> outOfOrder = [];
    private int lastNumber = -1;

    private IdColumn(IdTable? known, string notFound)
    {
        this.known = known;
        this.notFound = notFound;
    }

    /// <summary>Ids looked up in people.csv's table as they are read; an unknown id is an error at once.</summary>
    public static IdColumn Known(IdTable table, string notFound) => new(table, notFound);

    /// <summary>Ids numbered by the file itself, to be matched with people.csv by <see cref="MapTo"/>.</summary>
    public static IdColumn Pending() => new(null, string.Empty);

    /// <summary>The number of the row's id, or false (with the error recorded) when it is empty or, for known ids, not in people.csv.</summary>
    public bool Resolve(CsvInput input, int column, out int number)
    {
        var id = input.Field(column);

        // A person's rows usually come together (attendance term by term): the same id as the last row needs no lookup.
        if (lastNumber >= 0 && id.SequenceEqual(known is null ? numbered[lastNumber] : known[lastNumber]))
        {
            number = lastNumber;
            return true;
        }

        if (id.IsEmpty)
        {
            number = 0;
            input.Error(column, "is empty");
            return false;
        }

        if (known is not null)
        {
            number = known.Find(id);
            if (number < 0)
            {
                input.Error(column, $"{Values.Quote(id)} {notFound}");
                return false;
            }

            lastNumber = number;
            return true;
        }

        number = numbered.Add(id);
        (inOrder.Count == 0 || id.SequenceCompareTo(numbered[inOrder[^1]]) >= 0 ? inOrder : outOfOrder).Add(number);
        lastNumber = number;
        return true;
    }

    /// <summary>
    /// For ids the file numbered itself: people.csv's number for each, or null when some id is not there (the
    /// file is then read again against the table, to report every such row with its line and column). For
    /// known ids: an empty map, meaning the numbers are already people.csv's.
    /// </summary>
    public int[]? MapTo(IdTable table)
    {
        if (known is not null)
        {
            return [];
        }

        var map = new int[numbered.Count];
        if (!table.Ascending)
        {
            for (var i = 0; i < map.Length; i++)
            {
                map[i] = table.Find(numbered[i]);
                if (map[i] < 0)
                {
                    return null;
                }
            }

            return map;
        }

        return Merge(inOrder.ToArray(), table.Ids, map) && Merge(numbered.Sorted([.. outOfOrder]), table.Ids, map) ? map : null;
    }

    /// <summary>Maps <paramref name="numbers"/>, whose ids are in ascending order, by walking the ascending ids of people.csv alongside.</summary>
    private bool Merge(int[] numbers, IdList theirs, int[] map)
    {
        var at = 0;
        foreach (var number in numbers)
        {
            var id = numbered[number];
            var order = -1;
            while (at < theirs.Count && (order = theirs[at].SequenceCompareTo(id)) < 0)
            {
                at++;
            }

            if (order != 0)
            {
                return false;
            }

            map[number] = at;
        }

        return true;
    }
}
