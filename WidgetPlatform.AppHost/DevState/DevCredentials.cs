using WidgetPlatform.Auth;

using WidgetPlatform.AppHost.Executables;

namespace WidgetPlatform.AppHost.DevState;

/// <summary>
/// The development signing key and tokens (docs/design.md §6). The key is generated once and kept in the state folder, so a
/// token copied from an earlier run stays valid until it expires; the tokens are minted afresh on every start. Both
/// files are readable by their owner only. Every service gets the key, the warmer or a CLI may have to call the gateway.
/// </summary>
public sealed class DevCredentials
{
    public const string SigningKeyFileName = "dev-signing-key";

    public static readonly TimeSpan TokenLifetime = TimeSpan.FromDays(30);

    private DevCredentials(string signingKey, DevTokenIssuer issuer, DevTokens tokens, string tokensPath)
    {
        SigningKey = signingKey;
        Issuer = issuer;
        Tokens = tokens;
        TokensPath = tokensPath;
    }

    /// <summary>Base64, given to every service as <c>WidgetPlatform__Auth__SigningKey</c>.</summary>
    public string SigningKey { get; }

    /// <summary>Mints more tokens with the same key (the test host does, for chosen roles and studies).</summary>
    public DevTokenIssuer Issuer { get; }

    public DevTokens Tokens { get; }

    /// <summary><c>dev-tokens.json</c> in the state folder.</summary>
    public string TokensPath { get; }

    /// <summary>Loads the key (creating it on first run), mints the dev tokens and writes them to the state folder.</summary>
    public static DevCredentials Prepare(string stateDirectory)
    {
        var signingKey = LoadOrCreateSigningKey(Path.Combine(stateDirectory, SigningKeyFileName));
        var issuer = new DevTokenIssuer(signingKey);
        var tokens = issuer.MintDevTokens(TokenLifetime);
        var tokensPath = Path.Combine(stateDirectory, DevTokens.FileName);
        Secrets.WritePrivateFile(tokensPath, tokens.ToJson());
        return new DevCredentials(signingKey, issuer, tokens, tokensPath);
    }

    private static string LoadOrCreateSigningKey(string path)
    {
        if (File.Exists(path) && File.ReadAllText(path).Trim() is var saved && DevTokenIssuer.TryReadSigningKey(saved, out _) is not null)
        {
            return saved;
        }

        // No key yet, or an unusable one (edited by hand): a new key, which invalidates tokens minted with the old one.
        var signingKey = DevTokenIssuer.NewSigningKey();
        Secrets.WritePrivateFile(path, signingKey);
        return signingKey;
    }
}
