using System.Diagnostics;

namespace EarlyHelp.Identification.Tests;

/// <summary><c>earlyhelp identify</c> and <c>earlyhelp synth</c> end to end, the host run as a real process.</summary>
public class CommandLineTests
{
    private sealed record Result(int ExitCode, string Out, string Error)
    {
        public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static async Task<Result> Earlyhelp(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "EarlyHelp.Web.dll"));
        args.ToList().ForEach(start.ArgumentList.Add);
        start.Environment.Remove("EARLYHELP_ROOT");
        start.Environment.Remove("EARLYHELP_FRAMEWORKS");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task Identify_writes_the_candidates_and_a_summary()
    {
        using var data = new TestData()
            .People("A1,F1,1985-03-01,", "C1,F1,2013-05-01,", "A2,F2,1980-01-01,", "C2,F2,2010-01-01,")
            .Police("A1,2025-01-01,asb,subject,0", "A1,2025-02-01,domestic-abuse,perpetrator,0")
            .Benefits("A1,2024-01-01,,universal-credit,1", "A2,2024-01-01,,universal-credit,1");
        var run = await Earlyhelp("identify", "--data", data.Write(), "--as-of", "2025-07-31");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("family_id,eligible,headline_outcomes,needs,reasons", lines[0]);
        Assert.StartsWith("F1,1,3,CRM-ADULT;DA-PERPETRATOR;DA-CHILD;FIN-WORKLESS,\"CRM-ADULT: A1 (aged 40) was in 1 police incident (asb) as subject", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("F2,0,1,FIN-WORKLESS,FIN-WORKLESS: A2 (aged 45) has an open out-of-work claim", lines[2], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.Contains("households: 2 read, 2 with a dependent child or an expected baby", run.ErrorLines);
        Assert.Contains("candidates: 2, of whom 1 eligible (needs in at least 3 headline outcomes)", run.ErrorLines);
        Assert.Contains(run.ErrorLines, l => l.StartsWith("time: read people ", StringComparison.Ordinal) && l.Contains("evaluate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Identify_writes_to_a_file_with_another_framework()
    {
        using var data = new TestData().People("A1,F1,1985-03-01,", "C1,F1,2013-05-01,").Police("C1,2025-01-01,offence,subject,0");
        var output = Path.Combine(data.Folder, "candidates.csv");
        var run = await Earlyhelp("identify", "--data", data.Write(), "--as-of", "2025-07-31", "--framework", "herefordshire-2020", "--out", output);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.StartsWith("F1,0,1,HF-CRIME-CHILD-OFFENCE,", File.ReadAllLines(output)[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_files_print_every_problem_and_exit_2()
    {
        using var data = new TestData().People("A1,F1,1985-03-01,").Police("A9,2025-01-01,asb,subject,0", "A1,2025-01-01,asb,witness,0");
        var folder = data.Write();
        var run = await Earlyhelp("identify", "--data", folder, "--as-of", "2025-07-31");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains($"{Path.Combine(folder, "police.csv")}:2:1: person_id: 'A9' is not in people.csv", run.ErrorLines);
        Assert.Contains($"{Path.Combine(folder, "police.csv")}:3:4: role: 'witness' is not one of subject, victim, perpetrator", run.ErrorLines);
    }

    [Theory]
    [InlineData("--as-of", "2025-02-30", "--as-of: '2025-02-30' is not a date (YYYY-MM-DD)")]
    [InlineData("--framework", "nowhere-1999", "--framework: unknown framework 'nowhere-1999' (known: herefordshire-2020, national-2022, walsall-2022)")]
    public async Task Bad_options_exit_2(string option, string value, string message)
    {
        using var data = new TestData().People("A1,F1,1985-03-01,");
        string[] args = ["identify", "--data", data.Write(), "--as-of", "2025-07-31"];
        var index = Array.IndexOf(args, option);
        args = index >= 0 ? [.. args[..index], option, value, .. args[(index + 2)..]] : [.. args, option, value];
        var run = await Earlyhelp(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.ErrorLines);
    }

    [Fact]
    public async Task Missing_options_exit_2()
    {
        var run = await Earlyhelp("identify");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--data: the folder of partner files is required", run.ErrorLines);
        Assert.Contains("--as-of: the date to identify on is required (YYYY-MM-DD)", run.ErrorLines);
    }

    [Fact]
    public async Task Synth_output_is_read_by_identify()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"earlyhelp-synth-{Guid.NewGuid():N}");
        try
        {
            var synth = await Earlyhelp("synth", "--people", "20000", "--out", folder, "--seed", "7");
            Assert.Equal(0, synth.ExitCode);
            Assert.Contains(synth.ErrorLines, l => l.StartsWith("synth: 20,000 people in ", StringComparison.Ordinal));
            var run = await Earlyhelp("identify", "--data", folder, "--as-of", "2025-03-31");
            Assert.Equal(0, run.ExitCode);
            var rows = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(rows.Length > 100, $"only {rows.Length - 1} candidates");
            Assert.Contains(rows, r => r.Contains(",1,", StringComparison.Ordinal)); // some eligible
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Synth_refuses_a_bad_number_with_exit_2()
    {
        var run = await Earlyhelp("synth", "--people", "many", "--out", Path.GetTempPath());
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--people: 'many' is not a whole number of 1 or more", run.ErrorLines);
    }
}
