namespace EarlyHelp.Web.Features.PartnerData;

/// <summary>GOV.UK pagination for a list shown a page at a time: which page, how many, and each page's address.</summary>
public sealed record PageLinks(int Current, int Pages, Func<int, string> Link, string Label)
{
    public const int Size = 50;

    public static int Count(long rows) => (int)Math.Max(1, (rows + Size - 1) / Size);
}
