using System.Diagnostics;

namespace EarlyHelp.Web.Tests;

/// <summary>Runs the real host program, as <c>./earlyhelp</c> does, and collects what it prints.</summary>
public static class Host
{
    public sealed record Run(int ExitCode, string Out, string Error)
    {
        public IReadOnlyList<string> OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static Task<Run> RunAsync(string? input, params string[] args) => RunAsync(input, null, args);

    /// <summary>The program on a database of the test's own (a connection string), with no input.</summary>
    public static Task<Run> RunOnDatabaseAsync(string connectionString, params string[] args) => RunAsync(null, connectionString, args);

    private static async Task<Run> RunAsync(string? input, string? connectionString, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "EarlyHelp.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("EARLYHELP_ROOT");
        start.Environment.Remove("EARLYHELP_FRAMEWORKS");
        if (connectionString is not null)
        {
            start.Environment["ConnectionStrings__EarlyHelp"] = connectionString;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Run(process.ExitCode, await output, await error);
    }

    public static string TempFile(string content, string extension = ".json")
    {
        var path = Path.Combine(Path.GetTempPath(), $"earlyhelp-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, content);
        return path;
    }
}
