namespace EarlyHelp.Load;

internal sealed record Account(string Email, string Role);

internal static class Accounts
{
    /// <summary>
    /// Different people, as in a real office: four practitioners to each manager (a manager sees a whole
    /// team's families and the front door's enquiries, so their caseload page is the heavier one).
    /// </summary>
    public static List<Account>? Choose(string file, int users, int seed)
    {
        var all = File.ReadLines(file)
            .Select(line => line.Split('\t'))
            .Where(parts => parts is [{ Length: > 0 }, "practitioner" or "manager"])
            .Select(parts => new Account(parts[0], parts[1]))
            .ToList();
        var random = new Random(seed);
        var managers = all.Where(a => a.Role == "manager").OrderBy(a => a.Email, StringComparer.Ordinal).ToArray();
        var practitioners = all.Where(a => a.Role == "practitioner").OrderBy(a => a.Email, StringComparer.Ordinal).ToArray();
        random.Shuffle(managers);
        random.Shuffle(practitioners);
        var wantManagers = Math.Min(managers.Length, Math.Max(1, users / 5));
        if (wantManagers + practitioners.Length < users)
        {
            Console.Error.WriteLine($"load: {users} users wanted, but {file} has only {managers.Length} managers and {practitioners.Length} practitioners: seed more families");
            return null;
        }

        return [.. managers.Take(wantManagers), .. practitioners.Take(users - wantManagers)];
    }
}
