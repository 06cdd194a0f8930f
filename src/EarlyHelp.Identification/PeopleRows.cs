namespace EarlyHelp.Identification;

/// <summary>The checks on a row of people.csv, in one place so that identify and import say the same of a bad row.</summary>
internal static class PeopleRows
{
    public static readonly string[] Required = ["person_id", "family_id", "date_of_birth"];

    public static readonly string[] Optional = ["expected_baby_due"];

    /// <summary>
    /// Checks the current row, reporting every problem it has. <paramref name="seenBefore"/> says whether a person id
    /// has already been read (each caller keeps its own table of ids). <paramref name="expected"/> is 0 when no baby is due.
    /// </summary>
    public static bool Check(
        CsvInput input, int[] columns, Func<ReadOnlySpan<char>, bool> seenBefore,
        out ReadOnlySpan<char> id, out ReadOnlySpan<char> family, out int born, out int expected)
    {
        id = input.Field(columns[0]);
        family = input.Field(columns[1]);
        var ok = true;
        if (id.IsEmpty)
        {
            input.Error(columns[0], "is empty");
            ok = false;
        }
        else if (seenBefore(id))
        {
            input.Error(columns[0], $"{Values.Quote(id)} appears more than once");
            ok = false;
        }

        if (family.IsEmpty)
        {
            input.Error(columns[1], "is empty");
            ok = false;
        }

        // A date of birth after the as-of date is not an error: that baby is simply not in the household yet.
        if (!Values.TryDate(input.Field(columns[2]), out born))
        {
            input.Error(columns[2], $"{Values.Quote(input.Field(columns[2]))} is not a date (YYYY-MM-DD)");
            ok = false;
        }

        expected = 0;
        if (columns[3] >= 0 && input.Field(columns[3]) is { IsEmpty: false } dueText && !Values.TryDate(dueText, out expected))
        {
            input.Error(columns[3], $"{Values.Quote(dueText)} is not a date (YYYY-MM-DD) or blank");
            ok = false;
        }

        return ok;
    }
}
