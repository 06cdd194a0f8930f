using EarlyHelp.Web;
using EarlyHelp.Web.Cli;

// One host, several faces: with no verb, or "serve", it is the web application; any other verb is a command.
if (args.Length == 0 || args[0] == "serve" || (args[0].StartsWith("--", StringComparison.Ordinal) && args[0] is not "--help" and not "--version"))
{
    var webArgs = args.Length > 0 && args[0] == "serve" ? args[1..] : args;
    return await WebHost.RunAsync(webArgs);
}

return await CommandLine.RunAsync(args);
