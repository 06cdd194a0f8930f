using System.CommandLine;
using System.Text.Json;
using EarlyHelp.Core.Frameworks;
using EarlyHelp.Core.Outcomes;
using EarlyHelp.Web.Features.Frameworks;

namespace EarlyHelp.Web.Cli;

/// <summary>The command verbs of <c>earlyhelp</c>. Exit status 2 means bad input; 1 a broken installation.</summary>
public static class CommandLine
{
    public const int BadInput = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("EarlyHelp: early help casework and the Supporting Families outcomes engine.");
        root.Subcommands.Add(new Command("serve", "Serve the web application (the default; --urls changes the address)."));
        root.Subcommands.Add(Frameworks());
        root.Subcommands.Add(Evaluate());
        root.Subcommands.Add(IdentificationCommands.Identify());
        root.Subcommands.Add(IdentificationCommands.Synth());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(ValueCommand.Create());
        root.Subcommands.Add(DirectoryCommand.Create());
        root.Subcommands.Add(AdministratorCommand.Create());
        return await root.Parse(args).InvokeAsync();
    }

    private static Command Frameworks()
    {
        var list = new Command("list", "List the outcome frameworks.");
        list.SetAction(_ => WithEngine(engine =>
        {
            foreach (var f in engine.Frameworks.All)
            {
                Console.WriteLine($"{f.Id,-20} {f.Name} ({f.HeadlineOutcomes.Count} headline outcomes, {f.Needs.Count} needs)");
            }

            return 0;
        }));

        var id = new Argument<string>("id") { Description = "The framework's id, e.g. national-2022." };
        var json = new Option<bool>("--json") { Description = "Print the framework as JSON." };
        var show = new Command("show", "Show one framework: headline outcomes, needs, outcomes, evidence and criteria.") { id, json };
        show.SetAction(result => WithEngine(engine =>
        {
            var wanted = result.GetValue(id)!;
            if (!engine.Frameworks.TryGet(wanted, out var framework))
            {
                Console.Error.WriteLine($"unknown framework '{wanted}' (known: {string.Join(", ", engine.Frameworks.All.Select(f => f.Id))})");
                return BadInput;
            }

            if (result.GetValue(json))
            {
                Console.WriteLine(FrameworkJson.Full(framework).ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            }
            else
            {
                FrameworkText.Write(Console.Out, framework);
            }

            return 0;
        }));

        return new Command("frameworks", "The outcome frameworks the engine knows.") { list, show };
    }

    private static Command Evaluate()
    {
        var file = new Argument<string>("file") { Description = "A case file (JSON), or - for standard input; with --batch, NDJSON." };
        var batch = new Option<bool>("--batch") { Description = "One case file a line in, one verdict a line out, in the same order." };
        var command = new Command("evaluate", "Evaluate a family case file: eligibility, each need's outcome, claim readiness.") { file, batch };
        command.SetAction(result => WithEngine(engine =>
        {
            var path = result.GetValue(file)!;
            Stream input;
            try
            {
                input = path == "-" ? Console.OpenStandardInput() : File.OpenRead(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"{path}: {e.Message}");
                return BadInput;
            }

            using (input)
            {
                return result.GetValue(batch) ? EvaluateBatch(engine, input) : EvaluateOne(engine, input);
            }
        }));
        return command;
    }

    private static int EvaluateOne(Engine engine, Stream input)
    {
        using var buffer = new MemoryStream();
        input.CopyTo(buffer);
        var (caseFile, errors) = engine.Reader.Read(buffer.ToArray());
        if (caseFile is null)
        {
            foreach (var error in errors)
            {
                Console.Error.WriteLine(error);
            }

            return BadInput;
        }

        Console.WriteLine(VerdictJson.ToJson(engine.Evaluator.Evaluate(caseFile)));
        return 0;
    }

    private static int EvaluateBatch(Engine engine, Stream input)
    {
        using var output = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
        var summary = new BatchEvaluation(engine.Reader, engine.Evaluator).Run(input, output);
        if (summary.Rejected > 0)
        {
            Console.Error.WriteLine($"{summary.Evaluated} evaluated, {summary.Rejected} rejected (see the error lines in the output)");
        }

        return 0;
    }

    private static int WithEngine(Func<Engine, int> action)
    {
        Engine engine;
        try
        {
            engine = Engine.Load();
        }
        catch (FrameworkDefinitionException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }

        return action(engine);
    }
}
