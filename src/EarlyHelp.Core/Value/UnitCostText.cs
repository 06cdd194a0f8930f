using System.Globalization;
using System.Text.RegularExpressions;

namespace EarlyHelp.Core.Value;

/// <summary>The fields of a line of unit costs, in the order of the CSV file's columns.</summary>
public enum UnitCostField
{
    Service,
    Activity,
    CostItem,
    ValuePerChild,
    NumberPerYear,
    WhoBearsIt,
    Source,
    Note,
}

/// <summary>
/// A line of unit costs as typed: in a CSV file or a form. The CSV reader and the web page both check it here, so
/// a figure is accepted or refused the same way, with the same words, wherever it is typed.
/// </summary>
public sealed partial class UnitCostText
{
    /// <summary>£100 million per child and 100 million children a year: far beyond any real figure, and far from decimal's limits.</summary>
    public const decimal MaximumValue = 100_000_000m;

    public const int MaximumNumber = 100_000_000;

    public const int CostItemLength = 200;

    public const int TextLength = 500;

    public const int NoteLength = 1000;

    /// <summary>The column headings of the CSV file, and how a message names each field when nothing more is known.</summary>
    public static IReadOnlyDictionary<UnitCostField, (string Heading, string Subject)> Fields { get; } = new Dictionary<UnitCostField, (string, string)>
    {
        [UnitCostField.Service] = ("Service", "the service"),
        [UnitCostField.Activity] = ("Activity", "the activity"),
        [UnitCostField.CostItem] = ("Cost item", "the cost item"),
        [UnitCostField.ValuePerChild] = ("Value per child", "the value per child"),
        [UnitCostField.NumberPerYear] = ("Number per year", "the number per year"),
        [UnitCostField.WhoBearsIt] = ("Who bears it", "who bears it"),
        [UnitCostField.Source] = ("Source", "the source"),
        [UnitCostField.Note] = ("Note", "the note"),
    };

    public string? Service { get; set; }

    public string? Activity { get; set; }

    public string? CostItem { get; set; }

    public string? ValuePerChild { get; set; }

    public string? NumberPerYear { get; set; }

    public string? WhoBearsIt { get; set; }

    public string? Source { get; set; }

    public string? Note { get; set; }

    public static UnitCostText From(UnitCost cost) => new()
    {
        Service = cost.Service,
        Activity = cost.Activity,
        CostItem = cost.CostItem,
        ValuePerChild = Amounts.Plain(cost.ValuePerChild),
        NumberPerYear = cost.NumberPerYear?.ToString(CultureInfo.InvariantCulture),
        WhoBearsIt = cost.WhoBearsIt,
        Source = cost.Source,
        Note = cost.Note,
    };

    public string? this[UnitCostField field]
    {
        get => field switch
        {
            UnitCostField.Service => Service,
            UnitCostField.Activity => Activity,
            UnitCostField.CostItem => CostItem,
            UnitCostField.ValuePerChild => ValuePerChild,
            UnitCostField.NumberPerYear => NumberPerYear,
            UnitCostField.WhoBearsIt => WhoBearsIt,
            UnitCostField.Source => Source,
            _ => Note,
        };
        set
        {
            switch (field)
            {
                case UnitCostField.Service: Service = value; break;
                case UnitCostField.Activity: Activity = value; break;
                case UnitCostField.CostItem: CostItem = value; break;
                case UnitCostField.ValuePerChild: ValuePerChild = value; break;
                case UnitCostField.NumberPerYear: NumberPerYear = value; break;
                case UnitCostField.WhoBearsIt: WhoBearsIt = value; break;
                case UnitCostField.Source: Source = value; break;
                default: Note = value; break;
            }
        }
    }

    /// <summary>
    /// The line as a unit cost, or null with every problem added to <paramref name="problems"/>. <paramref name="subject"/>
    /// names a field in a message ("the value per child", or on the page "the value per child for PRU placements").
    /// </summary>
    public UnitCost? Parse(Func<UnitCostField, string> subject, ICollection<(UnitCostField Field, string Message)> problems)
    {
        var before = problems.Count;
        string? Text(UnitCostField field, int length, bool required = false)
        {
            var text = this[field]?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                if (required)
                {
                    problems.Add((field, $"Enter {subject(field)}"));
                }

                return null;
            }

            if (text.Length > length)
            {
                problems.Add((field, $"{Sentence(subject(field))} must be {length:N0} characters or fewer"));
            }

            return text;
        }

        var costItem = Text(UnitCostField.CostItem, CostItemLength, required: true);
        var service = Text(UnitCostField.Service, TextLength);
        var activity = Text(UnitCostField.Activity, TextLength);
        var whoBearsIt = Text(UnitCostField.WhoBearsIt, TextLength);
        var source = Text(UnitCostField.Source, TextLength);
        var note = Text(UnitCostField.Note, NoteLength);
        if (ParsePounds(ValuePerChild, subject(UnitCostField.ValuePerChild), out var value) is { } valueProblem)
        {
            problems.Add((UnitCostField.ValuePerChild, valueProblem));
        }

        if (ParseNumber(NumberPerYear, subject(UnitCostField.NumberPerYear), out var number) is { } numberProblem)
        {
            problems.Add((UnitCostField.NumberPerYear, numberProblem));
        }

        return problems.Count > before ? null : new UnitCost
        {
            CostItem = costItem!,
            ValuePerChild = value,
            NumberPerYear = number,
            WhoBearsIt = whoBearsIt,
            Service = service,
            Activity = activity,
            Source = source,
            Note = note,
        };
    }

    /// <summary>An amount in pounds and pence: 730, 1415.50, £1,415. Returns the problem, or null if there is none.</summary>
    public static string? ParsePounds(string? text, string subject, out decimal value)
    {
        value = 0;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.StartsWith('£'))
        {
            trimmed = trimmed[1..].TrimStart();
        }

        if (trimmed.Length == 0)
        {
            return $"Enter {subject}";
        }

        if (trimmed.StartsWith('-'))
        {
            return $"{Sentence(subject)} must be £0 or more";
        }

        var match = PoundsPattern().Match(trimmed);
        if (!match.Success)
        {
            return $"{Sentence(subject)} must be an amount in pounds, like 730 or 1415.50";
        }

        if (match.Groups["pence"].Length > 3)
        {
            return $"{Sentence(subject)} must have no more than 2 decimal places";
        }

        var digits = trimmed.Replace(",", "", StringComparison.Ordinal);
        if (WholeDigits(digits.Split('.')[0]) > 9 || decimal.Parse(digits, CultureInfo.InvariantCulture) > MaximumValue)
        {
            return $"{Sentence(subject)} must be {Amounts.Pounds(MaximumValue)} or less";
        }

        value = decimal.Parse(digits, CultureInfo.InvariantCulture);
        return null;
    }

    /// <summary>A whole number of children a year, or blank where it is not known. Returns the problem, or null.</summary>
    public static string? ParseNumber(string? text, string subject, out int? number)
    {
        number = null;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return null;
        }

        if (trimmed.StartsWith('-'))
        {
            return $"{Sentence(subject)} must be 0 or more";
        }

        if (!WholeNumberPattern().IsMatch(trimmed))
        {
            return $"{Sentence(subject)} must be a whole number, like 1140, or blank if it is not known";
        }

        var digits = trimmed.Replace(",", "", StringComparison.Ordinal);
        if (WholeDigits(digits) > 9 || int.Parse(digits, CultureInfo.InvariantCulture) > MaximumNumber)
        {
            return $"{Sentence(subject)} must be {Amounts.Number(MaximumNumber)} or less";
        }

        number = int.Parse(digits, CultureInfo.InvariantCulture);
        return null;
    }

    /// <summary>A reduction: more than 0 and at most 100 per cent, with up to 2 decimal places; 5 and 5% are the same.</summary>
    public static string? ParsePercent(string? text, string subject, out decimal percent)
    {
        percent = 0;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.EndsWith('%'))
        {
            trimmed = trimmed[..^1].TrimEnd();
        }

        var parsed = PercentPattern().IsMatch(trimmed) ? decimal.Parse(trimmed, CultureInfo.InvariantCulture) : -1;
        if (parsed is <= 0 or > 100)
        {
            return $"{Sentence(subject)} must be a percentage more than 0 and up to 100, like 1 or 2.5";
        }

        percent = parsed;
        return null;
    }

    // Digits that count, so 0000000001 is not taken for a number too large to read.
    private static int WholeDigits(string digits) => digits.TrimStart('0').Length;

    /// <summary>"The value per child" from "the value per child": a subject that opens a sentence.</summary>
    public static string Sentence(string subject) => subject.Length == 0 ? subject : char.ToUpperInvariant(subject[0]) + subject[1..];

    // Thousands separators are allowed only in their proper places, so 1,41,5 is refused rather than read as 1415.
    [GeneratedRegex(@"^(?:\d{1,3}(?:,\d{3})+|\d+)(?<pence>\.\d+)?$")]
    private static partial Regex PoundsPattern();

    [GeneratedRegex(@"^(?:\d{1,3}(?:,\d{3})+|\d+)$")]
    private static partial Regex WholeNumberPattern();

    [GeneratedRegex(@"^\d{1,3}(?:\.\d{1,2})?$")]
    private static partial Regex PercentPattern();
}
