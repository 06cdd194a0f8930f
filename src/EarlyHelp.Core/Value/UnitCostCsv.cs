using System.Text;
using System.Text.Unicode;
using CsvHelper;

namespace EarlyHelp.Core.Value;

/// <summary>A problem in a CSV file of unit costs, at a line of the file and a column (1 is the first).</summary>
public sealed record CsvProblem(int Line, int Column, string Message)
{
    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}

/// <summary>What reading a CSV file of unit costs gave: the lines, or every problem found in the file.</summary>
public sealed record UnitCostCsvResult(IReadOnlyList<UnitCost>? Items, IReadOnlyList<CsvProblem> Problems);

/// <summary>
/// Reads and writes tables of unit costs as CSV (docs/value.md): a header line naming the columns, then a line a
/// cost item. Reading reports every problem in the file with its line and column rather than stopping at the first.
/// </summary>
public static class UnitCostCsv
{
    public const int MaximumBytes = 1024 * 1024;

    private const int MaximumLineBytes = 64 * 1024;

    /// <summary>The most cost items in a table: a council's table has dozens, and the web page posts every one back.</summary>
    public const int MaximumRows = 200;

    private static readonly UnitCostField[] Required = [UnitCostField.CostItem, UnitCostField.ValuePerChild, UnitCostField.NumberPerYear];

    private static readonly string ColumnList = string.Join(", ", UnitCostText.Fields.Values.Select(f => f.Heading).SkipLast(1))
        + " and " + UnitCostText.Fields.Values.Last().Heading;

    public static UnitCostCsvResult Read(ReadOnlyMemory<byte> file)
    {
        if (file.Length > MaximumBytes)
        {
            return Failed(new CsvProblem(1, 1, $"The file must be smaller than {MaximumBytes / 1024 / 1024} MB"));
        }

        var malformed = new List<CsvMalformedRecord>();
        var options = new CsvReaderOptions
        {
            Separator = ',',
            TrackLineNumbers = true,
            MaxRecordSize = MaximumLineBytes,
            OnMalformedRecord = malformed.Add,
        };

        // Excel saves "CSV UTF-8" with a byte order mark, which the reader honours (as it does UTF-16's), but its
        // plain "CSV" in the Windows code page: a pound sign there is not UTF-8, so such a file is read in that code page.
        using var reader = Utf8.IsValid(file.Span) || file.Span.StartsWith((byte[])[0xFF, 0xFE]) || file.Span.StartsWith((byte[])[0xFE, 0xFF])
            ? CsvReader.Create(file, options)
            : CsvReader.FromText(CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetString(file.Span), options);
        var problems = new List<CsvProblem>();
        try
        {
            var columns = ReadHeader(reader, problems);
            if (malformed.Count > 0)
            {
                problems.AddRange(malformed.Select(m => new CsvProblem(1, 1, Describe(m.Reason))));
            }

            if (columns is null || problems.Count > 0)
            {
                return Failed([.. problems]);
            }

            var items = new List<UnitCost>();
            var lines = 0;
            while (reader.Read())
            {
                var line = (int)reader.LineNumber;
                if (malformed.Count > 0)
                {
                    problems.AddRange(malformed.Select(m => new CsvProblem(line, MalformedColumn(reader, m), Describe(m.Reason))));
                    malformed.Clear();
                    continue;
                }

                if (reader.FieldCount > columns.Length)
                {
                    problems.Add(new CsvProblem(line, columns.Length + 1, $"This line has {reader.FieldCount} fields but the header has {columns.Length} columns"));
                    continue;
                }

                var text = new UnitCostText();
                for (var i = 0; i < columns.Length; i++)
                {
                    text[columns[i]] = reader.GetString(i);
                }

                // Spreadsheets often leave lines of empty cells at the end of a table.
                if (columns.All(c => string.IsNullOrWhiteSpace(text[c])))
                {
                    continue;
                }

                if (++lines > MaximumRows)
                {
                    problems.Add(new CsvProblem(line, 1, $"A table can have no more than {MaximumRows} cost items"));
                    break;
                }

                var found = new List<(UnitCostField Field, string Message)>();
                if (text.Parse(f => UnitCostText.Fields[f].Subject, found) is { } item)
                {
                    items.Add(item);
                }

                problems.AddRange(found.Select(p => new CsvProblem(line, Array.IndexOf(columns, p.Field) + 1, p.Message)));
            }

            if (items.Count == 0 && problems.Count == 0)
            {
                problems.Add(new CsvProblem(2, 1, "The file has no cost items: add a line for each one below the header"));
            }

            return problems.Count > 0 ? Failed([.. problems]) : new UnitCostCsvResult(items, []);
        }
        catch (CsvFormatException e)
        {
            // Only a record longer than MaxRecordSize throws: the rest of the file cannot be read past it.
            problems.Add(new CsvProblem(Math.Max(1, (int)e.LineNumber), 1, $"A line is longer than {MaximumLineBytes / 1024} KB: check for a quote mark that is not closed"));
            return Failed([.. problems]);
        }
    }

    /// <summary>Writes a table in the same form as it is read, so a downloaded table can be edited and uploaded again.</summary>
    public static void Write(TextWriter output, IEnumerable<UnitCost> items)
    {
        // A cell that starts with = + - or @ would run as a formula when a spreadsheet opens the file.
        using var writer = CsvWriter.Create(output, new CsvWriterOptions { Injection = CsvInjection.Escape, NewLine = "\n" }, leaveOpen: true);
        writer.WriteRecord([.. UnitCostText.Fields.Values.Select(f => f.Heading)]);
        foreach (var item in items)
        {
            var text = UnitCostText.From(item);
            writer.WriteRecord([.. UnitCostText.Fields.Keys.Select(f => text[f] ?? "")]);
        }

        writer.Flush();
    }

    public static string Write(IEnumerable<UnitCost> items)
    {
        using var output = new StringWriter();
        Write(output, items);
        return output.ToString();
    }

    private static UnitCostCsvResult Failed(params IReadOnlyList<CsvProblem> problems) => new(null, problems);

    /// <summary>The field each column holds, or null with the problems of a header that cannot be read.</summary>
    private static UnitCostField[]? ReadHeader(CsvReader reader, List<CsvProblem> problems)
    {
        var headings = reader.Headers;
        if (headings.Count == 0 || headings.All(string.IsNullOrWhiteSpace))
        {
            problems.Add(new CsvProblem(1, 1, $"The file is empty: its first line must name the columns, {ColumnList}"));
            return null;
        }

        var columns = new UnitCostField[headings.Count];
        var present = new HashSet<UnitCostField>();
        for (var i = 0; i < headings.Count; i++)
        {
            var heading = headings[i].Trim();
            var field = UnitCostText.Fields.Where(f => string.Equals(f.Value.Heading, heading, StringComparison.OrdinalIgnoreCase)).Select(f => (UnitCostField?)f.Key).FirstOrDefault();
            if (field is null)
            {
                problems.Add(new CsvProblem(1, i + 1, $"There is no column called '{heading}': the columns are {ColumnList}"));
            }
            else if (!present.Add(field.Value))
            {
                problems.Add(new CsvProblem(1, i + 1, $"The column '{UnitCostText.Fields[field.Value].Heading}' appears twice"));
            }
            else
            {
                columns[i] = field.Value;
            }
        }

        foreach (var missing in Required.Where(r => !present.Contains(r)))
        {
            problems.Add(new CsvProblem(1, headings.Count + 1, $"The header has no '{UnitCostText.Fields[missing].Heading}' column"));
        }

        return problems.Count > 0 ? null : columns;
    }

    /// <summary>The column of a quoting problem: the last field that starts at or before where the reader found it.</summary>
    private static int MalformedColumn(CsvReader reader, CsvMalformedRecord record)
    {
        var at = record.ByteOffset - reader.ByteOffset;
        var start = 0L;
        var column = 1;
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (start > at)
            {
                break;
            }

            column = i + 1;
            start += reader.GetRawSpan(i).Length + 1;
        }

        return column;
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "A quote mark is inside a value that does not start with one: put the whole value in quotes and double the quote mark (\"\")",
        CsvMalformedReason.TextAfterClosingQuote => "There is text after the closing quote mark: put the whole value in quotes and double any quote mark inside it (\"\")",
        CsvMalformedReason.UnterminatedQuote => "A quote mark opens a value that is never closed",
        _ => "This line is not valid CSV",
    };
}
