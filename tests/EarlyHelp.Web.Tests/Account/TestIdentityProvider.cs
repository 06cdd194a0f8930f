using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EarlyHelp.Web.Tests.Account;

/// <summary>
/// A council's identity provider in miniature, on a loopback port: OpenID Connect discovery, its signing key,
/// an authorize endpoint that signs in whoever the test says is at the keyboard, and a token endpoint that checks
/// the client's id and secret, the redirect and PKCE before issuing an ID token signed with a test RSA key.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "earlyhelp-test";

    public const string ClientSecret = "test-secret-not-used-anywhere-else";

    private readonly RSA rsa = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, Grant> grants = new();
    private WebApplication? app;

    private sealed record Grant(Dictionary<string, object> Person, string Nonce, string RedirectUri, string CodeChallenge);

    public Uri Authority { get; private set; } = null!;

    /// <summary>The claims of the person who signs in next: sub, email, name, roles and so on.</summary>
    public Dictionary<string, object> Person { get; set; } = [];

    /// <summary>The query of the last authorize request, as the relying party sent it.</summary>
    public IReadOnlyDictionary<string, string> LastAuthorize { get; private set; } = new Dictionary<string, string>();

    private SecurityKey Key => new RsaSecurityKey(rsa) { KeyId = "test-key" };

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = $"{Issuer}/authorize",
            ["token_endpoint"] = $"{Issuer}/token",
            ["jwks_uri"] = $"{Issuer}/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));
        app.MapGet("/jwks", () =>
        {
            var parameters = rsa.ExportParameters(includePrivateParameters: false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new { kty = "RSA", use = "sig", alg = "RS256", kid = "test-key", n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) },
                },
            });
        });
        app.MapGet("/authorize", (HttpRequest request) =>
        {
            var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
            LastAuthorize = query;
            if (query.GetValueOrDefault("client_id") != ClientId || query.GetValueOrDefault("response_type") != "code")
            {
                return Results.BadRequest("unknown client or response type");
            }

            var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            grants[code] = new Grant(new Dictionary<string, object>(Person), query["nonce"], query["redirect_uri"], query.GetValueOrDefault("code_challenge") ?? "");
            return Results.Redirect(QueryHelpers.AddQueryString(query["redirect_uri"], new Dictionary<string, string?> { ["code"] = code, ["state"] = query["state"] }));
        });
        app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
            {
                return Results.Json(new { error = "invalid_client" }, statusCode: 401);
            }

            if (!grants.TryRemove(form["code"].ToString(), out var grant) || form["redirect_uri"] != grant.RedirectUri || Challenge(form["code_verifier"].ToString()) != grant.CodeChallenge)
            {
                return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            }

            var accessToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            var claims = new Dictionary<string, object>(grant.Person) { ["nonce"] = grant.Nonce, ["at_hash"] = LeftHalfHash(accessToken) };
            var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = Issuer,
                Audience = ClientId,
                IssuedAt = DateTime.UtcNow,
                NotBefore = DateTime.UtcNow.AddMinutes(-1),
                Expires = DateTime.UtcNow.AddMinutes(5),
                Claims = claims,
                SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
            });
            return Results.Json(new { access_token = accessToken, token_type = "Bearer", expires_in = 300, id_token = idToken });
        });
        await app.StartAsync();
        Authority = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    private string Issuer => Authority.ToString().TrimEnd('/');

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        rsa.Dispose();
    }

    private static string Challenge(string verifier) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private static string LeftHalfHash(string token) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(token))[..16]);
}
