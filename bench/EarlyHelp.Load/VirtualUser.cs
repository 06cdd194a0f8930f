using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace EarlyHelp.Load;

internal enum PageKind
{
    Caseload,
    Family,
}

internal readonly record struct Sample(PageKind Page, bool Manager, double Milliseconds, bool Ok);

/// <summary>
/// One person at a browser: their own cookies and connection, signing in through the real form with its
/// anti-forgery token, then alternately listing their caseload with varied filters, sorts and pages and
/// opening a family from the list. Any answer but 200 is an error; redirects are not followed, so a lost
/// sign-in shows as one.
/// </summary>
internal sealed partial class VirtualUser(Uri baseUrl, Account account, string password, int seed, int thinkMs, ErrorLog errors)
{
    private static readonly string[] Stages = ["Enquiry", "Allocated", "Assessment", "Plan", "Closed"];
    private static readonly string[] Sorts = ["reference", "received", "stage", "review", "lead"];
    private static readonly string[] Claims = ["claimable", "soon", "not-claimable"];

    private readonly HttpClient http = new(new SocketsHttpHandler
    {
        CookieContainer = new CookieContainer(),
        UseCookies = true,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };

    private readonly Random random = new(seed);
    private readonly List<string> families = [];
    private readonly List<string> teams = [];
    private int pages = 1;

    public List<Sample> Samples { get; } = [];

    /// <summary>How many families the user's unfiltered caseload lists.</summary>
    public int Visible { get; private set; }

    public async Task<bool> SignInAsync()
    {
        try
        {
            using var form = await http.GetAsync("/sign-in");
            var html = await form.Content.ReadAsStringAsync();
            if (form.StatusCode != HttpStatusCode.OK || TokenPattern().Match(html) is not { Success: true } token)
            {
                errors.Add($"{account.Email}: GET /sign-in answered {(int)form.StatusCode} without an anti-forgery token");
                return false;
            }

            using var post = await http.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = account.Email,
                ["Password"] = password,
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            }));
            if (post.StatusCode != HttpStatusCode.Redirect || post.Headers.Location?.OriginalString != "/caseload")
            {
                errors.Add($"{account.Email}: POST /sign-in answered {(int)post.StatusCode} (a redirect to /caseload was expected)");
                return false;
            }

            // The first look at the caseload: how many families, in how many pages, and the teams in it.
            var (ok, first) = await GetAsync("/caseload?show=all");
            if (!ok)
            {
                return false;
            }

            Visible = CountPattern().Match(first) is { Success: true } count ? int.Parse(count.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
            pages = Math.Max(1, (Visible + 24) / 25);
            families.AddRange(FamilyLinkPattern().Matches(first).Select(m => m.Groups[1].Value));
            // The teams whose families the user sees, to filter by now and then: those named in a cell of the list.
            teams.AddRange(TeamOptionPattern().Matches(first)
                .Where(m => first.Contains($"<td class=\"govuk-table__cell\">{m.Groups[2].Value}</td>", StringComparison.Ordinal))
                .Select(m => m.Groups[1].Value));
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            errors.Add($"{account.Email}: signing in failed: {e.GetType().Name}: {e.Message}");
            return false;
        }
    }

    public async Task RunAsync(long measureFrom, long stopAt)
    {
        while (Stopwatch.GetTimestamp() < stopAt)
        {
            var started = Stopwatch.GetTimestamp();
            var (ok, html) = await GetAsync(CaseloadUrl());
            Record(PageKind.Caseload, started, ok, measureFrom, stopAt);
            var listed = ok ? FamilyLinkPattern().Matches(html).Select(m => m.Groups[1].Value).ToList() : [];
            if (listed.Count > 0 && families.Count < 1000)
            {
                families.AddRange(listed.Where(id => !families.Contains(id)));
            }

            await ThinkAsync();
            if (Stopwatch.GetTimestamp() >= stopAt)
            {
                break;
            }

            // Open a family from the list just shown, or one seen before when the filters matched none.
            var pool = listed.Count > 0 ? listed : families;
            if (pool.Count > 0)
            {
                started = Stopwatch.GetTimestamp();
                (ok, _) = await GetAsync($"/families/{pool[random.Next(pool.Count)]}");
                Record(PageKind.Family, started, ok, measureFrom, stopAt);
                await ThinkAsync();
            }
        }
    }

    private string CaseloadUrl()
    {
        var query = new List<string>();
        var roll = random.NextDouble();
        if (account.Role == "practitioner")
        {
            // A practitioner's page shows their own cases by default; now and then all they can see.
            query.Add(roll < 0.5 ? "" : roll < 0.8 ? "show=mine" : "show=all");
        }
        else if (roll < 0.05)
        {
            query.Add("show=mine");
        }

        if (random.NextDouble() < 0.35)
        {
            query.Add("stage=" + Stages[random.Next(Stages.Length)]);
        }

        if (teams.Count > 0 && random.NextDouble() < 0.15)
        {
            query.Add("team=" + teams[random.Next(teams.Count)]);
        }

        if (random.NextDouble() < 0.15)
        {
            query.Add("overdue=true");
        }

        if (random.NextDouble() < 0.1)
        {
            query.Add("claim=" + Claims[random.Next(Claims.Length)]);
        }

        if (random.NextDouble() < 0.5)
        {
            query.Add("sort=" + Sorts[random.Next(Sorts.Length)]);
            query.Add(random.NextDouble() < 0.5 ? "descending=true" : "descending=false");
        }

        // Mostly the first page, sometimes the next few, now and then anywhere (the server clamps past the end).
        roll = random.NextDouble();
        var page = roll < 0.6 || pages == 1 ? 1 : roll < 0.9 ? random.Next(2, Math.Min(pages, 5) + 1) : random.Next(1, pages + 1);
        if (page > 1)
        {
            query.Add("page=" + page.ToString(CultureInfo.InvariantCulture));
        }

        var text = string.Join('&', query.Where(q => q.Length > 0));
        return text.Length == 0 ? "/caseload" : "/caseload?" + text;
    }

    private async Task<(bool Ok, string Html)> GetAsync(string path)
    {
        try
        {
            using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
            var html = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return (true, html);
            }

            errors.Add($"{account.Email}: GET {path} answered {(int)response.StatusCode}{(response.Headers.Location is { } to ? " to " + to : "")}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            errors.Add($"{account.Email}: GET {path} failed: {e.GetType().Name}: {e.Message}");
        }

        return (false, "");
    }

    private void Record(PageKind page, long started, bool ok, long measureFrom, long stopAt)
    {
        // Only requests sent inside the measured window count, wherever they end.
        if (started >= measureFrom && started < stopAt)
        {
            Samples.Add(new Sample(page, account.Role == "manager", Stopwatch.GetElapsedTime(started).TotalMilliseconds, ok));
        }
    }

    private Task ThinkAsync() => thinkMs == 0 ? Task.CompletedTask : Task.Delay(random.Next(thinkMs / 2, thinkMs * 3 / 2 + 1));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("href=\"/families/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\"")]
    private static partial Regex FamilyLinkPattern();

    [GeneratedRegex("id=\"caseload-count\">([0-9]+) famil")]
    private static partial Regex CountPattern();

    [GeneratedRegex("<option value=\"([0-9a-f-]{36})\"[^>]*>([^<]+)</option>")]
    private static partial Regex TeamOptionPattern();

}

/// <summary>Every error counted; the first few kept to print.</summary>
internal sealed class ErrorLog
{
    private readonly List<string> first = [];
    private int count;

    public int Count => count;

    public void Add(string message)
    {
        if (Interlocked.Increment(ref count) <= 10)
        {
            lock (first)
            {
                first.Add(message);
            }
        }
    }

    public void Print(TextWriter to)
    {
        lock (first)
        {
            foreach (var message in first)
            {
                to.WriteLine("  " + message);
            }
        }
    }
}
