namespace EarlyHelp.Web;

/// <summary>
/// Where the system finds its files. The <c>earlyhelp</c> script sets EARLYHELP_ROOT to the repository, so
/// the live frameworks/ folder and ./data/ are used; otherwise the copies beside the program.
/// </summary>
public static class AppPaths
{
    public static string Root => Environment.GetEnvironmentVariable("EARLYHELP_ROOT") is { Length: > 0 } root ? root : AppContext.BaseDirectory;

    public static string Frameworks => Environment.GetEnvironmentVariable("EARLYHELP_FRAMEWORKS") is { Length: > 0 } dir
        ? dir
        : Path.Combine(Root, "frameworks");

    public static string Data => Path.Combine(Root, "data");
}
