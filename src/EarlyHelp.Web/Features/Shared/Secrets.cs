using System.Security.Cryptography;
using System.Text;

namespace EarlyHelp.Web.Features.Shared;

/// <summary>Random secrets for links and tokens, and the hash they are stored as.</summary>
public static class Secrets
{
    /// <summary>32 random bytes, base64url: safe in a URL or a header.</summary>
    public static string RandomUrlSafe() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A plain SHA-256 is enough for 256 random bits: there is nothing to guess by brute force.</summary>
    public static string Sha256Hex(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
